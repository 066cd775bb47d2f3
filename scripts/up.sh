#!/usr/bin/env bash
# `npm run up`: the whole stack on one machine from a fresh clone. Installs
# dependencies if missing, starts (or reuses) MariaDB primary + replica, Redis
# the SMTP sink and HAProxy, migrates, seeds, then runs two API instances
# (:3000 and :3002) behind HAProxy and a worker on :3001 in the foreground.
#
# Ctrl-C (or SIGTERM), also while it is starting, stops what this script
# started and leaves alone what was already running. The API instances drain
# as in production: readiness 503 for SHUTDOWN_DRAIN_MS (default 5000, the
# contract's), so HAProxy takes them out of rotation before they close;
# `SHUTDOWN_DRAIN_MS=500 npm run up` stops quicker. A second Ctrl-C kills the
# API instances and the worker at once (the services are still stopped).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=dev

bash scripts/ensure-deps.sh

# Remember which services were already running, so Ctrl-C leaves those alone.
before=$(bash scripts/stack.sh --profile "$profile" status)
archiver_started=0
pids=()

kill_all() { # kill_all SIGNAL: the API instances and the worker
  local pid
  for pid in "${pids[@]}"; do kill -"$1" "$pid" 2>/dev/null || true; done
}
cleanup() {
  trap - EXIT
  # a second Ctrl-C skips the drain; the services below are stopped all the same
  trap 'echo " again: killing API and worker now"; kill_all KILL' INT TERM
  echo
  if ((${#pids[@]})); then
    echo "stopping API and worker (API drain ${SHUTDOWN_DRAIN_MS:-5000} ms; Ctrl-C again to kill them now)..."
    kill_all TERM
    local pid
    for pid in "${pids[@]}"; do
      # a signal ends `wait` early: wait again until the process is gone
      while kill -0 "$pid" 2>/dev/null; do wait "$pid" 2>/dev/null || true; done
    done
  fi
  trap '' INT TERM
  if ((archiver_started)); then
    bash scripts/db/binlog.sh --profile "$profile" stop >/dev/null || true
  fi
  for service in haproxy smtp redis replica primary; do
    if grep -qE "^$service .*not running" <<<"$before"; then
      bash scripts/stack.sh --profile "$profile" stop "$service" >/dev/null || true
    fi
  done
  echo "stopped"
}
trap 'cleanup; exit 130' INT TERM
trap cleanup EXIT

bash scripts/stack.sh --profile "$profile" up
# continuous binlog archiving for point-in-time restores (ADR 0042); stopped by Ctrl-C if started here
if [[ $(bash scripts/db/binlog.sh --profile "$profile" status) == *"not running"* ]]; then
  archiver_started=1
fi
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
export API2_PORT="${API2_PORT:-3002}"

npm run --silent build
node dist/cli/migrate.js
node dist/cli/seed.js

# Two API instances behind HAProxy (TRUST_PROXY: client address and protocol
# come from HAProxy's X-Forwarded-* headers).
for port in "$API_PORT" "$API2_PORT"; do
  # The API's heap settings as deployed (docker/Dockerfile, ADR 0075).
  TRUST_PROXY="${TRUST_PROXY:-true}" PORT="$port" node --max-old-space-size=160 --max-semi-space-size=8 dist/main.js &
  pids+=($!)
done
bash scripts/stack.sh --profile "$profile" lb-servers "127.0.0.1:$API_PORT" "127.0.0.1:$API2_PORT" >/dev/null
PORT="$WORKER_PORT" node dist/worker.js &
pids+=($!)

for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1 &&
    curl -fsS "http://127.0.0.1:$API2_PORT/health/ready" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
cat <<INFO

  hexashop is up
  HAProxy      $LB_URL/api/v1  (TLS, self-signed: curl --cacert $LB_CA_FILE;
               $LB_HTTP_URL redirects to it; stats $LB_INTERNAL_URL/stats)
  API direct   http://localhost:$API_PORT/api/v1 and http://localhost:$API2_PORT/api/v1
  Swagger UI   $LB_URL/docs  (or http://localhost:$API_PORT/docs)
  readiness    http://localhost:$API_PORT/health/ready
  metrics      http://localhost:$API_PORT/metrics  (worker: http://localhost:$WORKER_PORT/metrics)
  mail sink    $SMTP_SINK_HTTP
  backups      npm run db:backup / db:restore (binlog archiver: npm run db:binlog -- status)
  admin login  $ADMIN_EMAIL / $ADMIN_PASSWORD

  Ctrl-C stops it (API drain ${SHUTDOWN_DRAIN_MS:-5000} ms; twice: at once).
INFO
wait -n "${pids[@]}" || true
