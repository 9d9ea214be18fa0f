#!/usr/bin/env bash
# Prints a token for trying the dev deployment, signed with secrets/privateKey.pem:
#   ./dev-token.sh staff staff-hoa
#   curl -H "Authorization: Bearer $(./dev-token.sh buyer buyer-hanoi)" http://localhost/catalog/...
# Valid for one hour; issuer and claims as the services expect (agrilink-config).
set -euo pipefail

role="${1:?usage: dev-token.sh <role> <subject>}"
subject="${2:?usage: dev-token.sh <role> <subject>}"
key="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets/privateKey.pem"
[[ -f "$key" ]] || { echo "no $key: run ./make-dev-secrets.sh first" >&2; exit 1; }

base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | base64url)
payload=$(printf '{"iss":"https://id.agrilink.local","sub":"%s","upn":"%s","name":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}' \
    "$subject" "$subject" "$subject" "$role" "$now" "$((now + 3600))" "$(openssl rand -hex 16)" | base64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" | base64url)
echo "$header.$payload.$signature"
