#!/usr/bin/env bash
# Prints an access token of a demo user of the dev Keycloak, by the password grant of the
# public client agrilink-cli (realm agrilink; dev only, the realm setup for production removes it):
#   ./dev-token.sh staff-hoa
#   curl -H "Authorization: Bearer $(./dev-token.sh buyer-hanoi)" http://localhost/catalog/...
# Users: staff-hoa, farmer-lan, buyer-hanoi, carrier-coldchain, ... (k8s/keycloak/agrilink-realm.json),
# all with the password in secrets/demo-password. The token lives 5 minutes; its issuer is
# http://id.localhost/realms/agrilink whichever URL it was asked on.
#   KEYCLOAK_URL   where to reach Keycloak (default http://id.localhost, the ingress; with
#                  `kubectl -n agrilink port-forward svc/keycloak 8080` use http://localhost:8080)
#   PASSWORD       the user's password (default: secrets/demo-password)
set -euo pipefail

username="${1:?usage: dev-token.sh <username>}"
url="${KEYCLOAK_URL:-http://id.localhost}"
if [[ -z "${PASSWORD:-}" ]]; then
    file="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets/demo-password"
    [[ -f "$file" ]] || { echo "no $file: run ./make-dev-secrets.sh first" >&2; exit 1; }
    PASSWORD="$(<"$file")"
fi

response=$(curl -sS --fail-with-body "$url/realms/agrilink/protocol/openid-connect/token" \
    --data-urlencode grant_type=password --data-urlencode client_id=agrilink-cli \
    --data-urlencode "username=$username" --data-urlencode "password=$PASSWORD") \
    || { echo "Keycloak at $url refused: $response" >&2; exit 1; }
token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$response")
[[ -n "$token" ]] || { echo "no access_token in Keycloak's answer: $response" >&2; exit 1; }
echo "$token"
