#!/usr/bin/env bash
# `npm run bench`: the performance suite (docs/performance.md). Starts (or
# reuses) the bench stack with the project's own scripts, recreates the bench
# database, migrates, seeds 100,000 products, builds, then runs
# test/load/bench.ts, which starts a bare Fastify server and one API and
# measures every scenario with the same autocannon settings. Stops the
# services at the end (their data stays under .local/bench). Exits non-zero
# when a step or a scenario fails (any non-2xx response fails a scenario).
#
#   npm run bench [-- options]
#     --duration S --warmup S --connections N --pipelining N   (10 / 3 / 50 / 1)
#     --only a,b      run some scenarios (docs/performance.md is not rewritten)
#     --cpu-prof      run the API under node --cpu-prof and print its hottest functions
#     --no-doc        do not rewrite the results section of docs/performance.md
#     --keep-stack    leave the bench services running afterwards
#
# The bench profile has its own ports (3366/3367/6395/1030) and data. HEXA_*
# port variables (exported for the test stack) are ignored here on purpose;
# set BENCH_PRIMARY_PORT, BENCH_REPLICA_PORT, BENCH_REDIS_PORT, BENCH_SMTP_PORT
# or BENCH_SMTP_HTTP_PORT to move the bench stack.
set -uo pipefail
cd "$(dirname "$0")/.."

keep_stack=0
args=()
for a in "$@"; do
  if [[ $a == --keep-stack ]]; then keep_stack=1; else args+=("$a"); fi
done

unset HEXA_PRIMARY_PORT HEXA_REPLICA_PORT HEXA_REDIS_PORT HEXA_SMTP_PORT HEXA_SMTP_HTTP_PORT
[[ -n ${BENCH_PRIMARY_PORT:-} ]] && export HEXA_PRIMARY_PORT=$BENCH_PRIMARY_PORT
[[ -n ${BENCH_REPLICA_PORT:-} ]] && export HEXA_REPLICA_PORT=$BENCH_REPLICA_PORT
[[ -n ${BENCH_REDIS_PORT:-} ]] && export HEXA_REDIS_PORT=$BENCH_REDIS_PORT
[[ -n ${BENCH_SMTP_PORT:-} ]] && export HEXA_SMTP_PORT=$BENCH_SMTP_PORT
[[ -n ${BENCH_SMTP_HTTP_PORT:-} ]] && export HEXA_SMTP_HTTP_PORT=$BENCH_SMTP_HTTP_PORT

fail() {
  echo "bench: $*" >&2
  exit 1
}

stack() { bash scripts/stack.sh --profile bench "$@"; }

bash scripts/ensure-deps.sh || fail "npm install failed"
stack up || {
  stack down >/dev/null 2>&1
  fail "the bench stack did not start"
}
if ((!keep_stack)); then
  trap 'echo "bench: stopping the bench stack"; stack down' EXIT
fi
while IFS= read -r line; do export "${line?}"; done < <(stack env)
export NODE_ENV=production
# personal-data keys of the bench profile (generated once under .local/bench)
while IFS= read -r line; do name=${line%%=*}; [[ -n ${!name:-} ]] || export "${line?}"; done < <(bash scripts/data-keys.sh ".local/bench")
# NODE_ENV=production refuses published demo secrets (src/platform/config/production-secrets.ts),
# and the stack's application user has one: the bench uses its own database user, JWT secret
# and admin password, generated once under .local/bench.
secrets=.local/bench/bench-secrets.env
if [[ ! -s $secrets ]]; then
  mkdir -p .local/bench
  node -e '
    const r = (n) => require("node:crypto").randomBytes(n);
    console.log(`BENCH_DB_PASSWORD=${r(24).toString("hex")}`);
    console.log(`JWT_SECRET=${r(48).toString("base64url")}`);
    console.log(`ADMIN_PASSWORD=Bx-${r(12).toString("hex")}-9Q`);
  ' >"$secrets" || fail "could not generate the bench secrets"
  chmod 600 "$secrets"
fi
while IFS= read -r line; do export "${line?}"; done <"$secrets"
export ADMIN_EMAIL=admin@hexashop.local
export SEED_DEMO=true SEED_PRODUCTS=100000

echo "bench: building"
npm run --silent build || fail "build failed"
npx tsc -p tsconfig.bench.json || fail "the bench runner did not compile"
stack reset-db || fail "reset-db failed"
db_name=${DATABASE_URL##*/}
db_name=${db_name%%\?*}
# The same grants as the stack's user: the database and its companions (hexashop_bench_keys, ...).
pattern="${db_name//_/\\_}\\_%"
grants=''
for host in 127.0.0.1 localhost %; do
  grants+="CREATE USER IF NOT EXISTS 'hexashop_bench'@'$host' IDENTIFIED BY '$BENCH_DB_PASSWORD';"
  grants+="ALTER USER 'hexashop_bench'@'$host' IDENTIFIED BY '$BENCH_DB_PASSWORD';"
  grants+="GRANT ALL PRIVILEGES ON \`$db_name\`.* TO 'hexashop_bench'@'$host';"
  grants+="GRANT ALL PRIVILEGES ON \`$pattern\`.* TO 'hexashop_bench'@'$host';"
done
stack sql primary "$grants" || fail "could not create the bench database user"
stack wait-replica >/dev/null || fail "the replica did not catch up"
bench_url() { sed -E "s#//[^:/@]+:[^@]*@#//hexashop_bench:$BENCH_DB_PASSWORD@#g" <<<"$1"; }
DATABASE_URL=$(bench_url "$DATABASE_URL")
DATABASE_REPLICA_URLS=$(bench_url "$DATABASE_REPLICA_URLS")
export DATABASE_URL DATABASE_REPLICA_URLS
node dist/cli/migrate.js || fail "migrations failed"
node dist/cli/seed.js || fail "seed failed"
redis-cli -u "$REDIS_URL" flushdb >/dev/null || fail "could not flush the bench Redis"

node dist/load/bench.js "${args[@]}"
rc=$?
if ((rc == 0)) && [[ -f docs/performance.md ]]; then
  npx prettier --write --log-level warn docs/performance.md || true
fi
exit "$rc"
