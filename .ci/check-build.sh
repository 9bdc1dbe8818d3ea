#!/usr/bin/env bash
# Builds the production bundle, migrates the given database with it and checks
# that `node bin/server.js` from build/ serves the login page with built assets.
set -euo pipefail
database_url=$1
cd "$(dirname "$0")/.."
timeout -k 5 300 npm run build >/tmp/vaultdesk-build.log 2>&1 || { tail -30 /tmp/vaultdesk-build.log; exit 1; }
cd build
ln -sfn ../node_modules node_modules
cp ../.env .env
export NODE_ENV=production DATABASE_URL="$database_url" PORT=3399 HOST=127.0.0.1 APP_URL=http://127.0.0.1:3399 LOG_LEVEL=warn
timeout -k 5 120 node_modules/.bin/node ace migration:run --force >/tmp/vaultdesk-build-migrate.log 2>&1 || { cat /tmp/vaultdesk-build-migrate.log; exit 1; }
if curl -s -o /dev/null http://127.0.0.1:3399/; then echo "port 3399 is already in use: cannot check the build"; exit 1; fi
# Own process group, so the server and anything it spawned stop with it.
setsid node_modules/.bin/node bin/server.js >/tmp/vaultdesk-build-server.log 2>&1 &
server=$!
stop_server() {
  kill -TERM -- -"$server" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 "$server" 2>/dev/null || return 0; sleep 0.5; done
  echo "the built server ignored SIGTERM for 10 s"; kill -KILL -- -"$server" 2>/dev/null || true
}
trap stop_server EXIT
for _ in $(seq 1 60); do curl -fsS -o /dev/null http://127.0.0.1:3399/login 2>/dev/null && break; sleep 0.5; done
page=$(curl -fsS http://127.0.0.1:3399/login)
asset=$(printf '%s' "$page" | grep -oE '/assets/[^"]+\.js' | head -1)
[ -n "$asset" ] || { echo "no built asset referenced by the page"; echo "$page" | head -20; exit 1; }
curl -fsS -o /dev/null "http://127.0.0.1:3399$asset" || { echo "asset $asset not served"; exit 1; }
echo "built server answered /login and served $asset"
