#!/usr/bin/env bash
# Local service stack for hexashop: MariaDB primary + real replica (GTID),
# Redis and an SMTP sink, all bound to 127.0.0.1 on project-owned ports, with
# their data under .local/<profile>/ (git-ignored). No systemd, no Docker.
#
#   scripts/stack.sh [--profile dev|test|bench] <command> [args]
#
# Commands:
#   up                       install missing packages, start or reuse everything
#   down                     stop everything of the profile
#   status                   one line per service (always exits 0)
#   env                      KEY=value lines for the application
#   start <svc> / stop <svc> svc: primary | replica | redis | smtp | haproxy
#   lb-servers [HOST:PORT HOST:PORT]   point HAProxy's api1/api2 there (runtime
#                            API, remembered); without arguments, their state
#   sql <primary|replica> [statement]   run SQL as root via the unix socket (-N -B);
#                            without a statement, reads SQL from stdin
#   wait-replica             wait (max 30 s) until the replica applied all of the primary
#   reset-db                 drop and recreate the profile database, then wait-replica
#   failover [--from primary] [--to replica]   fence the old primary, promote the
#                            other instance (npm run db:failover; runbook)
#   rebuild-replica <instance> [--from <instance>]   wipe <instance>, clone it from
#                            the writable one and make it its semi-sync replica
#   rejoin <instance>        after a planned switchover: the fenced old primary
#                            replicates from the new one, keeping its data
#   restore-roles            after failing back: drop the role overrides
#   signal <primary|replica> KILL|STOP|CONT   fault injection (tests)
#
# The profile comes from --profile, else $STACK_PROFILE, else "dev".
# Ports: HEXA_PORT_BASE (all of them), or HEXA_PRIMARY_PORT HEXA_REPLICA_PORT
# HEXA_REDIS_PORT HEXA_SMTP_PORT HEXA_SMTP_HTTP_PORT HEXA_HAPROXY_HTTP_PORT
# HEXA_HAPROXY_HTTPS_PORT HEXA_HAPROXY_INTERNAL_PORT one by one
#
# Each service lives in scripts/stack/<file>.sh (common.sh holds the shared
# helpers) and defines <svc>_start (start or reuse, wait until ready, print
# one line), <svc>_stop (sets STOPPED, prints one line) and <svc>_status.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(dirname -- "$SCRIPT_DIR")

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------- arguments
TOOL=stack.sh
# shellcheck source=stack/common.sh
source "$SCRIPT_DIR/stack/common.sh"
while (($#)); do
  if take_profile_arg "$@"; then
    shift "$PROFILE_SHIFT"
    continue
  fi
  case $1 in
    -h | --help)
      usage
      exit 0
      ;;
    --)
      shift
      break
      ;;
    -*) die "unknown option: $1 (see --help)" ;;
    *) break ;;
  esac
done
(($#)) || {
  usage >&2
  exit 2
}
CMD=$1
shift
if [[ $CMD != sql ]]; then
  # also accept the profile after the command (scripts/stack.sh up --profile test)
  split_profile_args "$@"
else
  ARGS=("$@")
fi
use_profile

# ---------------------------------------------------------------- services
# shellcheck source=stack/mariadb.sh
source "$SCRIPT_DIR/stack/mariadb.sh"
# shellcheck source=stack/failover.sh
source "$SCRIPT_DIR/stack/failover.sh"
# shellcheck source=stack/redis.sh
source "$SCRIPT_DIR/stack/redis.sh"
# shellcheck source=stack/smtp.sh
source "$SCRIPT_DIR/stack/smtp.sh"
# shellcheck source=stack/haproxy.sh
source "$SCRIPT_DIR/stack/haproxy.sh"
# shellcheck source=stack/checks.sh
source "$SCRIPT_DIR/stack/checks.sh"

SERVICES=(primary replica redis smtp haproxy)     # start and status order
DOWN_ORDER=(haproxy replica primary redis smtp)

known_service() {
  local s
  for s in "${SERVICES[@]}"; do [[ $s == "$1" ]] && return 0; done
  return 1
}
SERVICE_LIST=$(
  IFS='|'
  echo "${SERVICES[*]}"
)

# ---------------------------------------------------------------- commands
case $CMD in
  up)
    ((${#ARGS[@]} == 0)) || die "up takes no arguments"
    ensure_packages
    take_lock
    mariadb_up
    redis_start
    smtp_start
    haproxy_start
    ;;
  down)
    if [[ -d $BASE ]]; then take_lock; fi
    for s in "${DOWN_ORDER[@]}"; do "${s}_stop"; done
    ;;
  status)
    for s in "${SERVICES[@]}"; do "${s}_status" || true; done
    exit 0
    ;;
  env)
    mariadb_env
    redis_env
    smtp_env
    haproxy_env
    echo "STACK_PROFILE=$PROFILE"
    echo "STACK_DIR=$BASE"
    ;;
  start)
    ((${#ARGS[@]} == 1)) || die "usage: stack.sh start $SERVICE_LIST"
    known_service "${ARGS[0]}" || die "unknown service '${ARGS[0]}' ($SERVICE_LIST)"
    take_lock
    "${ARGS[0]}_start"
    ;;
  stop)
    ((${#ARGS[@]} == 1)) || die "usage: stack.sh stop $SERVICE_LIST"
    known_service "${ARGS[0]}" || die "unknown service '${ARGS[0]}'"
    if [[ -d $BASE ]]; then take_lock; fi
    "${ARGS[0]}_stop"
    ;;
  sql) cmd_sql ;;
  wait-replica) cmd_wait_replica ;;
  reset-db) cmd_reset_db ;;
  failover)
    take_lock
    cmd_failover
    ;;
  rebuild-replica)
    take_lock
    cmd_rebuild_replica
    ;;
  rejoin)
    take_lock
    cmd_rejoin
    ;;
  restore-roles) cmd_restore_roles ;;
  signal) cmd_signal ;;
  lb-servers) cmd_lb_servers ;;
  help) usage ;;
  *)
    usage >&2
    die "unknown command '$CMD'"
    ;;
esac
