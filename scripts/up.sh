#!/usr/bin/env bash
# `npm run up`: the whole stack on one machine from a fresh clone. Installs
# dependencies if missing, starts (or reuses) MariaDB primary + replica, Redis
# and the SMTP sink, migrates, seeds, then runs the API on :3000 and a worker
# on :3001 in the foreground. Ctrl-C stops what this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=dev

bash scripts/ensure-deps.sh

# Remember which services were already running, so Ctrl-C leaves those alone.
before=$(bash scripts/stack.sh --profile "$profile" status)
bash scripts/stack.sh --profile "$profile" up
# continuous binlog archiving for point-in-time restores (ADR 0042); stopped by Ctrl-C if started here
archiver_before=$(bash scripts/db/binlog.sh --profile "$profile" status)
bash scripts/db/binlog.sh --profile "$profile" start
while IFS= read -r line; do export "${line?}"; done < <(bash scripts/stack.sh --profile "$profile" env)

secret_file=.local/$profile/jwt-secret
[ -s "$secret_file" ] || node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64url'))" > "$secret_file"
export JWT_SECRET="${JWT_SECRET:-$(cat "$secret_file")}"
# personal-data keys (DATA_KEYS, BLIND_INDEX_KEY), generated once under .local/dev
while IFS= read -r line; do name=${line%%=*}; [[ -n ${!name:-} ]] || export "${line?}"; done < <(bash scripts/data-keys.sh ".local/$profile")
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@hexashop.local}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-Admin123!}"
export API_PORT="${PORT:-3000}"
export WORKER_PORT="${WORKER_PORT:-3001}"

npm run --silent build
node dist/cli/migrate.js
node dist/cli/seed.js

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "stopping API and worker..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ $archiver_before == *"not running"* ]]; then
    bash scripts/db/binlog.sh --profile "$profile" stop >/dev/null || true
  fi
  for service in smtp redis replica primary; do
    if grep -qE "^$service .*not running" <<<"$before"; then
      bash scripts/stack.sh --profile "$profile" stop "$service" >/dev/null || true
    fi
  done
  echo "stopped"
}
trap cleanup INT TERM EXIT

SHUTDOWN_DRAIN_MS="${SHUTDOWN_DRAIN_MS:-500}" PORT="$API_PORT" node dist/main.js &
pids+=($!)
SHUTDOWN_DRAIN_MS="${SHUTDOWN_DRAIN_MS:-500}" PORT="$WORKER_PORT" node dist/worker.js &
pids+=($!)

for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
cat <<INFO

  hexashop is up
  API          http://localhost:$API_PORT/api/v1
  Swagger UI   http://localhost:$API_PORT/docs
  readiness    http://localhost:$API_PORT/health/ready
  metrics      http://localhost:$API_PORT/metrics  (worker: http://localhost:$WORKER_PORT/metrics)
  mail sink    $SMTP_SINK_HTTP
  backups      npm run db:backup / db:restore (binlog archiver: npm run db:binlog -- status)
  admin login  $ADMIN_EMAIL / $ADMIN_PASSWORD

  Ctrl-C stops it.
INFO
wait -n "${pids[@]}" || true
