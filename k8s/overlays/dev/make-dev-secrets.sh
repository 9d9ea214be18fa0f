#!/usr/bin/env bash
# Makes the dev overlay's secrets (never committed; .gitignore keeps them out):
#   secrets/certificates-privateKey.pem,    training-service's own RSA key pair for certificates
#   certificates-publicKey.pem              (never trusted for a login)
#   secrets/<name>-password                 random PostgreSQL passwords (postgres, the four
#                                           services' roles, keycloak)
#   secrets/keycloak-admin-password         Keycloak's first admin (user admin)
#   secrets/<client>-client-secret          secrets of the realm's confidential clients
#                                           agrilink-web, agrilink-services, agrilink-accounts
#   secrets/demo-password                   the password of every demo user of the realm
#   secrets/bank-notification-secret        the HMAC secret of order-service's bank-notification
#                                           webhook (Secret order-payments)
# Existing files are kept, so running it again changes nothing. (Keycloak reads the client
# secrets and the demo password only when it first imports the realm: after changing one,
# start Keycloak on an empty database, or change it in the admin console too.)
#   usage: make-dev-secrets.sh [directory]   (default: secrets/ beside this script)
set -euo pipefail

dir="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets}"
mkdir -p "$dir"
chmod 700 "$dir"
umask 077

if [[ ! -f "$dir/certificates-privateKey.pem" ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/certificates-privateKey.pem" 2>/dev/null
    openssl pkey -in "$dir/certificates-privateKey.pem" -pubout -out "$dir/certificates-publicKey.pem"
fi
for name in postgres-password catalog-password orders-password training-password logistics-password \
        keycloak-password keycloak-admin-password \
        web-client-secret services-client-secret accounts-client-secret demo-password bank-notification-secret; do
    if [[ ! -f "$dir/$name" ]]; then
        openssl rand -hex 24 | tr -d '\n' > "$dir/$name"
    fi
done
echo "dev secrets in $dir"
