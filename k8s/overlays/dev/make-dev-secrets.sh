#!/usr/bin/env bash
# Makes the dev overlay's secrets (never committed; .gitignore keeps them out):
#   secrets/privateKey.pem, publicKey.pem   RSA key pair: services sign their service tokens
#                                           with it, and verify every token against it
#   secrets/certificates-privateKey.pem,    training-service's own RSA key pair for certificates
#   certificates-publicKey.pem              (never trusted for a login)
#   secrets/<name>-password                 random PostgreSQL passwords
# Existing files are kept, so running it again changes nothing.
#   usage: make-dev-secrets.sh [directory]   (default: secrets/ beside this script)
set -euo pipefail

dir="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets}"
mkdir -p "$dir"
chmod 700 "$dir"
umask 077

if [[ ! -f "$dir/privateKey.pem" ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/privateKey.pem" 2>/dev/null
    openssl pkey -in "$dir/privateKey.pem" -pubout -out "$dir/publicKey.pem"
fi
if [[ ! -f "$dir/certificates-privateKey.pem" ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/certificates-privateKey.pem" 2>/dev/null
    openssl pkey -in "$dir/certificates-privateKey.pem" -pubout -out "$dir/certificates-publicKey.pem"
fi
for name in postgres catalog orders training logistics; do
    if [[ ! -f "$dir/$name-password" ]]; then
        openssl rand -hex 24 | tr -d '\n' > "$dir/$name-password"
    fi
done
echo "dev secrets in $dir"
