#!/usr/bin/env bash
# `npm test`: starts (or reuses) the test stack (MariaDB primary + replica,
# Redis, SMTP sink) with the project's own scripts, builds, migrates a fresh
# test database and runs every jest project. Ends with `tests: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh || exit 1
bash scripts/stack.sh --profile test up || { echo "tests: 0 passed, 1 failed"; exit 1; }
while IFS= read -r line; do export "${line?}"; done < <(bash scripts/stack.sh --profile test env)
export NODE_ENV=test
# personal-data keys of the test profile (generated once under .local/test)
while IFS= read -r line; do name=${line%%=*}; [[ -n ${!name:-} ]] || export "${line?}"; done < <(bash scripts/data-keys.sh ".local/test")
export JWT_SECRET="${JWT_SECRET:-test-secret-that-is-long-enough-0123456789}"
export LOG_LEVEL="${LOG_LEVEL:-info}"
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@hexashop.local}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-Admin123!}"
export SEED_DEMO=true
export SEED_PRODUCTS="${SEED_PRODUCTS:-100000}"

npm run --silent build || { echo "tests: 0 passed, 1 failed"; exit 1; }
bash scripts/stack.sh --profile test reset-db >/dev/null || { echo "tests: 0 passed, 1 failed"; exit 1; }
node dist/cli/migrate.js || { echo "tests: 0 passed, 1 failed"; exit 1; }
node dist/cli/seed.js || { echo "tests: 0 passed, 1 failed"; exit 1; }
redis-cli -u "$REDIS_URL" flushdb >/dev/null
rm -f "${SMTP_SINK_DIR:?}"/*.json 2>/dev/null || true

mkdir -p reports
npx jest --selectProjects unit --passWithNoTests --json --outputFile=reports/unit.json "$@"
npx jest --selectProjects integration e2e --runInBand --forceExit --passWithNoTests --json --outputFile=reports/slow.json "$@"
node scripts/test-summary.js reports/unit.json reports/slow.json
