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
#   start <svc> / stop <svc> svc: primary | replica | redis | smtp
#   sql <primary|replica> [statement]   run SQL as root via the unix socket (-N -B);
#                            without a statement, reads SQL from stdin
#   wait-replica             wait (max 30 s) until the replica applied all of the primary
#   reset-db                 drop and recreate the profile database, then wait-replica
#
# The profile comes from --profile, else $STACK_PROFILE, else "dev".
# Ports: HEXA_PORT_BASE (all of them), or HEXA_PRIMARY_PORT HEXA_REPLICA_PORT
# HEXA_REDIS_PORT HEXA_SMTP_PORT HEXA_SMTP_HTTP_PORT one by one
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(dirname -- "$SCRIPT_DIR")

APP_USER=hexashop
APP_PASSWORD=hexashop
REPL_USER=hexashop_repl
REPL_PASSWORD=hexashop_repl
SERVICES=(primary replica redis smtp)

die() {
  echo "stack.sh: $*" >&2
  exit 1
}

usage() {
  sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------- arguments
PROFILE=${STACK_PROFILE:-dev}
while (($#)); do
  case $1 in
    --profile | -p)
      (($# >= 2)) || die "--profile needs a value"
      PROFILE=$2
      shift 2
      ;;
    --profile=*)
      PROFILE=${1#*=}
      shift
      ;;
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
ARGS=()
if [[ $CMD != sql ]]; then
  # also accept the profile after the command (scripts/stack.sh up --profile test)
  while (($#)); do
    case $1 in
      --profile | -p)
        (($# >= 2)) || die "--profile needs a value"
        PROFILE=$2
        shift 2
        ;;
      --profile=*)
        PROFILE=${1#*=}
        shift
        ;;
      *)
        ARGS+=("$1")
        shift
        ;;
    esac
  done
else
  ARGS=("$@")
fi

# HEXA_PORT_BASE=N moves every port of the profile to N..N+9 (primary N,
# replica N+1, Redis N+2, SMTP N+3, SMTP HTTP N+4; N+5..N+9 are reserved for
# services added later), so several checkouts can run their stacks side by
# side. A single HEXA_*_PORT still wins over it.
port_default() { # port_default OFFSET PROFILE_DEFAULT
  if [[ -n ${HEXA_PORT_BASE:-} ]]; then
    [[ $HEXA_PORT_BASE =~ ^[0-9]+$ ]] || die "invalid HEXA_PORT_BASE: $HEXA_PORT_BASE"
    echo $((HEXA_PORT_BASE + $1))
  else
    echo "$2"
  fi
}

case $PROFILE in
  dev)
    BASE=$ROOT/.local/dev
    PRIMARY_PORT=${HEXA_PRIMARY_PORT:-$(port_default 0 3316)}
    REPLICA_PORT=${HEXA_REPLICA_PORT:-$(port_default 1 3317)}
    REDIS_PORT=${HEXA_REDIS_PORT:-$(port_default 2 6390)}
    SMTP_PORT=${HEXA_SMTP_PORT:-$(port_default 3 1025)}
    SMTP_HTTP_PORT=${HEXA_SMTP_HTTP_PORT:-$(port_default 4 1080)}
    DB_NAME=hexashop
    ;;
  test)
    BASE=$ROOT/.local/test
    PRIMARY_PORT=${HEXA_PRIMARY_PORT:-$(port_default 0 3326)}
    REPLICA_PORT=${HEXA_REPLICA_PORT:-$(port_default 1 3327)}
    REDIS_PORT=${HEXA_REDIS_PORT:-$(port_default 2 6391)}
    SMTP_PORT=${HEXA_SMTP_PORT:-$(port_default 3 1026)}
    SMTP_HTTP_PORT=${HEXA_SMTP_HTTP_PORT:-$(port_default 4 1081)}
    DB_NAME=hexashop_test
    ;;
  bench)
    BASE=$ROOT/.local/bench
    PRIMARY_PORT=${HEXA_PRIMARY_PORT:-$(port_default 0 3366)}
    REPLICA_PORT=${HEXA_REPLICA_PORT:-$(port_default 1 3367)}
    REDIS_PORT=${HEXA_REDIS_PORT:-$(port_default 2 6395)}
    SMTP_PORT=${HEXA_SMTP_PORT:-$(port_default 3 1030)}
    SMTP_HTTP_PORT=${HEXA_SMTP_HTTP_PORT:-$(port_default 4 1085)}
    DB_NAME=hexashop_bench
    ;;
  *) die "unknown profile '$PROFILE' (dev|test|bench)" ;;
esac
for _p in "$PRIMARY_PORT" "$REPLICA_PORT" "$REDIS_PORT" "$SMTP_PORT" "$SMTP_HTTP_PORT"; do
  [[ $_p =~ ^[0-9]+$ ]] && ((_p > 0 && _p < 65536)) || die "invalid port: $_p"
done

REDIS_DIR=$BASE/redis
SMTP_DIR=$BASE/smtp
SMTP_MESSAGES=$SMTP_DIR/messages

IS_ROOT=0
((EUID == 0)) && IS_ROOT=1
if ((IS_ROOT)); then DB_OS_USER=root; else DB_OS_USER=$(id -un); fi

# ---------------------------------------------------------------- helpers
now_ms() {
  local t=${EPOCHREALTIME/[.,]/}
  echo $((t / 1000))
}

# port_open PORT: something listens on 127.0.0.1:PORT
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_alive() { # running and not a zombie (orphans may wait a while for pid 1 to reap them)
  [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null || return 1
  local k v
  if [[ -r /proc/$1/status ]]; then
    while read -r k v; do
      if [[ $k == State: ]]; then
        [[ $v != Z* && $v != X* ]]
        return
      fi
    done <"/proc/$1/status" 2>/dev/null
  fi
  return 0
}

read_pid() { # read_pid FILE -> prints pid or nothing
  local p=''
  [[ -r $1 ]] && read -r p <"$1" 2>/dev/null || true
  [[ $p =~ ^[0-9]+$ ]] && echo "$p"
  return 0
}

pid_cmd_matches() { # pid_cmd_matches PID PATTERN
  local pid=$1 pat=$2
  pid_alive "$pid" || return 1
  if [[ -r /proc/$pid/cmdline ]]; then
    grep -qF -- "$pat" "/proc/$pid/cmdline" 2>/dev/null
  else
    ps -p "$pid" -o command= 2>/dev/null | grep -qF -- "$pat"
  fi
}

launch_clean() { # exec "$@" with every fd above 2 closed (daemons must not keep a caller's pipes or our lock)
  (
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      [[ $fd =~ ^[0-9]+$ ]] && ((fd > 2)) && eval "exec $fd>&-" 2>/dev/null
    done
    exec "$@"
  )
}

find_bin() { # find_bin NAME... -> first found (also looks in sbin dirs)
  local n d
  for n in "$@"; do
    if command -v "$n" >/dev/null 2>&1; then
      command -v "$n"
      return 0
    fi
    for d in /usr/sbin /usr/local/sbin /sbin /usr/libexec; do
      [[ -x $d/$n ]] && {
        echo "$d/$n"
        return 0
      }
    done
  done
  return 1
}

MARIADBD='' MARIADB='' MARIADB_ADMIN='' INSTALL_DB='' REDIS_SERVER='' REDIS_CLI='' SSD=''
resolve_bins() {
  MARIADBD=$(find_bin mariadbd mysqld || true)
  MARIADB=$(find_bin mariadb mysql || true)
  MARIADB_ADMIN=$(find_bin mariadb-admin mysqladmin || true)
  INSTALL_DB=$(find_bin mariadb-install-db mysql_install_db || true)
  REDIS_SERVER=$(find_bin redis-server || true)
  REDIS_CLI=$(find_bin redis-cli || true)
  SSD=$(find_bin start-stop-daemon || true)
}
resolve_bins

ensure_packages() {
  if [[ -n $MARIADBD && -n $MARIADB && -n $MARIADB_ADMIN && -n $INSTALL_DB && -n $REDIS_SERVER && -n $REDIS_CLI ]]; then
    return 0
  fi
  if ((!IS_ROOT)); then
    die "MariaDB/Redis binaries missing and not root: skipping apt-get. Install them yourself, e.g.
  sudo apt-get install -y --no-install-recommends mariadb-server mariadb-client redis-server"
  fi
  command -v apt-get >/dev/null || die "MariaDB/Redis binaries missing and no apt-get on this machine"
  echo "packages: installing mariadb-server mariadb-client redis-server" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    mariadb-server mariadb-client redis-server >&2
  resolve_bins
  [[ -n $MARIADBD && -n $MARIADB && -n $MARIADB_ADMIN && -n $INSTALL_DB && -n $REDIS_SERVER && -n $REDIS_CLI ]] ||
    die "packages installed but binaries still missing"
}

need_db_bins() {
  [[ -n $MARIADB && -n $MARIADB_ADMIN ]] || die "mariadb client not installed (run: scripts/stack.sh up)"
}

LOCKED=0
take_lock() { # serialise mutating commands of one profile; fd 9 is closed for every daemon
  ((LOCKED)) && return 0
  mkdir -p "$BASE"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$BASE/.stack.lock"
    flock -w 120 9 || die "could not lock $BASE/.stack.lock"
  fi
  LOCKED=1
}

# ---------------------------------------------------------------- MariaDB
# inst_vars primary|replica: sets I_* for that instance
inst_vars() {
  I_NAME=$1
  I_DIR=$BASE/$1
  I_CNF=$I_DIR/my.cnf
  I_DATA=$I_DIR/data
  I_PIDFILE=$I_DIR/mariadbd.pid
  I_LAUNCHPID=$I_DIR/mariadbd.launch.pid
  I_LOG=$I_DIR/error.log
  if [[ $1 == primary ]]; then
    I_PORT=$PRIMARY_PORT
    I_ID=1
  else
    I_PORT=$REPLICA_PORT
    I_ID=2
  fi
  I_SOCK=$I_DIR/mysqld.sock
  if ((${#I_SOCK} > 100)); then # unix socket paths are limited to 107 bytes
    local sum
    sum=$(printf '%s' "$BASE" | cksum | cut -d' ' -f1)
    I_SOCK=/tmp/hexashop-$PROFILE-$sum/$1.sock
  fi
}

cnf_content() {
  cat <<EOF
# generated by scripts/stack.sh (profile $PROFILE): do not edit, it is rewritten
[client]
socket=$I_SOCK
port=$I_PORT
user=$DB_OS_USER

[mysqld]
EOF
  ((IS_ROOT)) && echo "user=mysql"
  cat <<EOF
datadir=$I_DATA
socket=$I_SOCK
pid-file=$I_PIDFILE
port=$I_PORT
bind-address=127.0.0.1
server-id=$I_ID
log-error=$I_LOG
# Own temporary directory: two instances initialised at once in a shared /tmp
# collide on temporary table names (mariadb-install-db fails at random).
tmpdir=$I_DIR/tmp
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
skip-name-resolve
default-time-zone='+00:00'
max_connections=1000
innodb_lock_wait_timeout=10
innodb-flush-log-at-trx-commit=2
sync-binlog=0
innodb-buffer-pool-size=256M
innodb-log-file-size=256M
# Row-based binary logging only, so triggers created by the application
# account (the append-only audit_events guard) are safe to replicate.
log-bin-trust-function-creators=1
EOF
  if [[ $I_NAME == primary ]]; then
    cat <<EOF
log-bin=$I_DIR/binlog/mysql-bin
binlog-format=ROW
gtid-strict-mode=1
EOF
  else
    cat <<EOF
read-only=1
relay-log=$I_DIR/relay/relay-bin
gtid-strict-mode=1
log-slave-updates=0
EOF
  fi
}

write_cnf() { # writes the option file only when its content changed
  local want have=''
  want=$(cnf_content)
  [[ -f $I_CNF ]] && have=$(<"$I_CNF")
  if [[ $want != "$have" ]]; then
    mkdir -p "$I_DIR"
    printf '%s\n' "$want" >"$I_CNF.tmp"
    mv -f "$I_CNF.tmp" "$I_CNF"
    return 0
  fi
  return 1
}

db_ping() {
  [[ -f $I_CNF && -n $MARIADB_ADMIN ]] || return 1
  "$MARIADB_ADMIN" --defaults-file="$I_CNF" --connect-timeout=2 ping >/dev/null 2>&1
}

dbq() { # dbq primary|replica SQL  -> tab separated rows, no headers
  local inst=$1
  shift
  "$MARIADB" --defaults-file="$BASE/$inst/my.cnf" -N -B -e "$1"
}

db_pid() { # pid of a running mariadbd of this instance, or nothing
  local p
  for f in "$I_PIDFILE" "$I_LAUNCHPID"; do
    p=$(read_pid "$f")
    if [[ -n $p ]] && pid_cmd_matches "$p" "$I_CNF"; then
      echo "$p"
      return 0
    fi
  done
  return 0
}

mk_owned_dir() {
  if ((IS_ROOT)); then
    install -d -o mysql -g mysql "$@"
  else
    mkdir -p "$@"
  fi
}

declare -A PREINIT=()

# prepare_db primary|replica: option file, directories, data directory.
# Sets PREPARED=1 when it created the data directory.
prepare_db() {
  PREPARED=0
  inst_vars "$1"
  write_cnf || true
  local dirs=("$I_DIR" "$I_DATA" "$I_DIR/tmp" "$(dirname "$I_SOCK")")
  if [[ $1 == primary ]]; then dirs+=("$I_DIR/binlog"); else dirs+=("$I_DIR/relay"); fi
  mk_owned_dir "${dirs[@]}"
  [[ -d $I_DATA/mysql ]] && return 0
  local args=(--defaults-file="$I_CNF" --skip-test-db)
  if ((IS_ROOT)); then
    args+=(--user=mysql)
  else
    args+=(--auth-root-socket-user="$DB_OS_USER") # so that this OS user logs in through the socket
  fi
  if ! "$INSTALL_DB" "${args[@]}" >"$I_DIR/install.log" 2>&1 9>&-; then
    tail -n 20 "$I_DIR/install.log" >&2
    die "$1: mariadb-install-db failed (log: $I_DIR/install.log)"
  fi
  PREPARED=1
}

# start_db primary|replica; sets STARTED=reused|started|initialised
start_db() {
  inst_vars "$1"
  local changed=0
  write_cnf && changed=1
  if db_ping; then
    STARTED=reused
    ((changed)) && echo "warning: $I_CNF changed while $1 is running; restart it (stop $1; start $1) to apply" >&2
    return 0
  fi
  [[ -n $MARIADBD && -n $INSTALL_DB ]] || die "mariadbd not installed (run: scripts/stack.sh up)"
  local pid
  pid=$(db_pid)
  if [[ -z $pid ]] && port_open "$I_PORT"; then
    die "$1: port 127.0.0.1:$I_PORT is in use by another process (set HEXA_${1^^}_PORT)"
  fi
  if ((IS_ROOT)) && ! getent passwd mysql >/dev/null; then
    die "user 'mysql' missing (is mariadb-server installed?)"
  fi
  STARTED=started
  if [[ -z $pid ]]; then
    prepare_db "$1"
    ((PREPARED)) && STARTED=initialised
    [[ ${PREINIT[$1]:-0} == 1 ]] && STARTED=initialised
    rm -f "$I_SOCK" # stale socket from a killed server
    if [[ -n $SSD ]]; then
      "$SSD" --start --quiet --oknodo --background --make-pidfile --pidfile "$I_LAUNCHPID" \
        --exec "$MARIADBD" -- --defaults-file="$I_CNF" 9>&-
    else
      launch_clean setsid nohup "$MARIADBD" --defaults-file="$I_CNF" </dev/null >/dev/null 2>&1 9>&- &
      echo $! >"$I_LAUNCHPID"
    fi
  fi
  local deadline=$(($(now_ms) + 30000)) i=0
  until db_ping; do
    i=$((i + 1))
    if (($(now_ms) > deadline)) || { ((i % 10 == 0)) && ! pid_alive "$(read_pid "$I_LAUNCHPID")" && [[ -z $(db_pid) ]]; }; then
      echo "---- last 20 lines of $I_LOG" >&2
      tail -n 20 "$I_LOG" >&2 || true
      die "$1 did not start on 127.0.0.1:$I_PORT"
    fi
    sleep 0.05
  done
}

stop_db() { # stop_db primary|replica; sets STOPPED=stopped|not-running
  inst_vars "$1"
  local pid
  pid=$(db_pid)
  if [[ -z $pid ]] && ! db_ping; then
    STOPPED=not-running
    return 0
  fi
  # the SHUTDOWN statement returns at once and we poll below (mariadb-admin shutdown polls once a second);
  # SIGTERM (also a clean shutdown) when the socket does not answer or refuses us
  if ! "$MARIADB" --defaults-file="$I_CNF" --connect-timeout=2 -e 'SHUTDOWN' >/dev/null 2>&1; then
    if [[ -n $pid ]]; then
      kill -TERM "$pid" 2>/dev/null || true
    else
      "$MARIADB_ADMIN" --defaults-file="$I_CNF" --connect-timeout=2 --shutdown-timeout=20 shutdown >/dev/null 2>&1 || true
    fi
  fi
  local deadline=$(($(now_ms) + 20000))
  while pid_alive "$pid" || db_ping; do
    if (($(now_ms) > deadline)); then
      echo "$1: shutdown takes too long, killing pid $pid" >&2
      [[ -n $pid ]] && kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.05
  done
  deadline=$(($(now_ms) + 5000))
  while port_open "$I_PORT"; do
    (($(now_ms) > deadline)) && die "$1: port $I_PORT still open after shutdown"
    sleep 0.05
  done
  rm -f "$I_LAUNCHPID"
  STOPPED=stopped
}

sql_escape() { # single-quoted SQL literal content
  local s=${1//\\/\\\\}
  printf '%s' "${s//\'/\\\'}"
}

# provision_primary: database, application user, replication user (only when missing).
# Sets PROVISIONED=1 when it had to run the statements.
provision_primary() {
  PROVISIONED=0
  local pattern pattern_lit check
  pattern="${DB_NAME//_/\\_}\\_%" # hexashop_test -> hexashop\_test\_%
  pattern_lit=$(sql_escape "$pattern")
  check=$(dbq primary "SELECT
      (SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME='$DB_NAME')
    + (SELECT COUNT(*) FROM mysql.global_priv WHERE (User='$APP_USER' AND Host IN ('127.0.0.1','localhost','%'))
                                              OR (User='$REPL_USER' AND Host IN ('127.0.0.1','localhost')))
    + (SELECT COUNT(*) FROM mysql.db WHERE User='$APP_USER' AND Host IN ('127.0.0.1','localhost','%')
                                       AND Db IN ('$DB_NAME','$pattern_lit'))") ||
    die "primary: cannot query through $I_SOCK"
  [[ $check == 12 ]] && return 0
  local sql="CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  local h
  for h in 127.0.0.1 localhost %; do
    sql+="CREATE USER IF NOT EXISTS '$APP_USER'@'$h' IDENTIFIED BY '$APP_PASSWORD';"
    sql+="GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$APP_USER'@'$h';"
    sql+="GRANT ALL PRIVILEGES ON \`$pattern\`.* TO '$APP_USER'@'$h';"
  done
  for h in 127.0.0.1 localhost; do
    sql+="CREATE USER IF NOT EXISTS '$REPL_USER'@'$h' IDENTIFIED BY '$REPL_PASSWORD';"
    sql+="GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '$REPL_USER'@'$h';"
  done
  dbq primary "$sql" || die "primary: provisioning failed"
  PROVISIONED=1
}

# slave_field NAME: value from $SLAVE_STATUS (SHOW SLAVE STATUS\G)
slave_field() {
  local line
  while IFS= read -r line; do
    line=${line#"${line%%[![:space:]]*}"}
    if [[ $line == "$1:"* ]]; then
      line=${line#"$1:"}
      echo "${line# }"
      return 0
    fi
  done <<<"$SLAVE_STATUS"
}

# ensure_replication: configure the replica once; restart threads that were stopped
ensure_replication() {
  SLAVE_STATUS=$("$MARIADB" --defaults-file="$BASE/replica/my.cnf" -e 'SHOW SLAVE STATUS\G') ||
    die "replica: cannot query through its socket"
  local change="MASTER_HOST='127.0.0.1', MASTER_PORT=$PRIMARY_PORT, MASTER_USER='$REPL_USER', MASTER_PASSWORD='$REPL_PASSWORD', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1"
  if [[ -z $SLAVE_STATUS ]]; then
    dbq replica "SET GLOBAL gtid_slave_pos=''; CHANGE MASTER TO $change; START SLAVE;" ||
      die "replica: could not set up replication"
    REPL_STATE=configured
    return 0
  fi
  local port io sqlt
  port=$(slave_field Master_Port)
  io=$(slave_field Slave_IO_Running)
  sqlt=$(slave_field Slave_SQL_Running)
  if [[ $port != "$PRIMARY_PORT" ]]; then
    dbq replica "STOP SLAVE; CHANGE MASTER TO $change; START SLAVE;" || die "replica: CHANGE MASTER failed"
    REPL_STATE="re-pointed to port $PRIMARY_PORT"
  elif [[ $io == No || $sqlt == No ]]; then
    dbq replica "START SLAVE;" || die "replica: START SLAVE failed"
    REPL_STATE="slave threads restarted"
  else
    REPL_STATE=replicating
  fi
}

# wait_replica [timeout_s]: primary's @@gtid_binlog_pos applied on the replica
wait_replica() {
  local timeout=${1:-30} pos r
  pos=$(dbq primary 'SELECT @@gtid_binlog_pos') || die "primary not reachable"
  [[ -z $pos ]] && return 0
  local deadline=$(($(now_ms) + timeout * 1000))
  while :; do
    r=$(dbq replica "SELECT MASTER_GTID_WAIT('$pos', 0.1)" 2>/dev/null) || {
      r=err
      sleep 0.1
    }
    [[ $r == 0 ]] && return 0
    if (($(now_ms) > deadline)); then
      echo "stack.sh: replica did not reach $pos within ${timeout}s" >&2
      SLAVE_STATUS=$("$MARIADB" --defaults-file="$BASE/replica/my.cnf" -e 'SHOW SLAVE STATUS\G' 2>/dev/null || true)
      if [[ -n $SLAVE_STATUS ]]; then
        echo "  replica gtid_slave_pos=$(dbq replica 'SELECT @@gtid_slave_pos' 2>/dev/null || true) gtid_io_pos=$(slave_field Gtid_IO_Pos) io=$(slave_field Slave_IO_Running) sql=$(slave_field Slave_SQL_Running)" >&2
        echo "  last io error: $(slave_field Last_IO_Error)" >&2
        echo "  last sql error: $(slave_field Last_SQL_Error)" >&2
      else
        echo "  replica not reachable or not configured" >&2
      fi
      return 1
    fi
  done
}

# ---------------------------------------------------------------- Redis
redis_pid() { # prints the pid of OUR running redis; returns 2 when the port is held by another
  local info want got=''
  info=$("$REDIS_CLI" -h 127.0.0.1 -p "$REDIS_PORT" info server 2>/dev/null) || return 1
  [[ $info =~ process_id:([0-9]+) ]] && got=${BASH_REMATCH[1]}
  [[ -n $got ]] || return 1
  want=$(read_pid "$REDIS_DIR/redis.pid")
  if [[ $got == "$want" ]]; then
    echo "$got"
    return 0
  fi
  echo "$got"
  return 2
}

start_redis() {
  [[ -n $REDIS_SERVER && -n $REDIS_CLI ]] || die "redis not installed (run: scripts/stack.sh up)"
  local pid rc=0
  pid=$(redis_pid) || rc=$?
  if ((rc == 0)); then
    STARTED=reused
    return 0
  fi
  ((rc == 2)) && die "redis: port 127.0.0.1:$REDIS_PORT is held by another redis (pid $pid), set HEXA_REDIS_PORT"
  port_open "$REDIS_PORT" && die "redis: port 127.0.0.1:$REDIS_PORT is in use by another process, set HEXA_REDIS_PORT"
  mkdir -p "$REDIS_DIR"
  rm -f "$REDIS_DIR/redis.pid"
  launch_clean "$REDIS_SERVER" --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" 9>&- >/dev/null
  local deadline=$(($(now_ms) + 30000))
  until [[ $("$REDIS_CLI" -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; do
    if (($(now_ms) > deadline)); then
      tail -n 20 "$REDIS_DIR/redis.log" >&2 || true
      die "redis did not start on 127.0.0.1:$REDIS_PORT"
    fi
    sleep 0.02
  done
  # the pid file is written right after the listener opens
  deadline=$(($(now_ms) + 5000))
  until [[ -s $REDIS_DIR/redis.pid ]]; do
    (($(now_ms) > deadline)) && break
    sleep 0.02
  done
  STARTED=started
}

stop_redis() {
  [[ -n $REDIS_CLI ]] || {
    STOPPED=not-running
    return 0
  }
  local pid rc=0
  pid=$(redis_pid) || rc=$?
  if ((rc == 1)); then
    STOPPED=not-running
    return 0
  fi
  if ((rc == 2)); then
    echo "redis: 127.0.0.1:$REDIS_PORT is another redis (pid $pid), not ours: left alone" >&2
    STOPPED=not-running
    return 0
  fi
  "$REDIS_CLI" -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  local deadline=$(($(now_ms) + 5000))
  while pid_alive "$pid" || port_open "$REDIS_PORT"; do
    if (($(now_ms) > deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.1
      port_open "$REDIS_PORT" && die "redis: port $REDIS_PORT still open"
      break
    fi
    sleep 0.02
  done
  rm -f "$REDIS_DIR/redis.pid"
  STOPPED=stopped
}

# ---------------------------------------------------------------- SMTP sink
smtp_health() { # GET /health on the sink's HTTP port answers 200
  local line
  line=$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/127.0.0.1/$SMTP_HTTP_PORT" || exit 1
    printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    IFS= read -r -t 2 l <&3 && printf '%s' "$l"
  ) || return 1
  [[ $line == HTTP/1.[01]\ 200* ]]
}

smtp_pid() { # pid of OUR sink, or nothing
  local p
  p=$(read_pid "$SMTP_DIR/smtp-sink.pid")
  [[ -n $p ]] && pid_cmd_matches "$p" smtp-sink.js && echo "$p"
  return 0
}

start_smtp() {
  local pid
  pid=$(smtp_pid)
  if [[ -n $pid ]] && smtp_health; then
    STARTED=reused
    return 0
  fi
  if [[ -z $pid ]]; then
    port_open "$SMTP_PORT" && die "smtp: port 127.0.0.1:$SMTP_PORT is in use by another process, set HEXA_SMTP_PORT"
    port_open "$SMTP_HTTP_PORT" && die "smtp: port 127.0.0.1:$SMTP_HTTP_PORT is in use by another process, set HEXA_SMTP_HTTP_PORT"
    command -v node >/dev/null || die "node not found"
    mkdir -p "$SMTP_MESSAGES"
    launch_clean setsid nohup node "$SCRIPT_DIR/smtp-sink.js" --port "$SMTP_PORT" --http-port "$SMTP_HTTP_PORT" \
      --dir "$SMTP_MESSAGES" --pid-file "$SMTP_DIR/smtp-sink.pid" \
      </dev/null >>"$SMTP_DIR/smtp-sink.log" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$SMTP_DIR/smtp-sink.pid"
  fi
  local deadline=$(($(now_ms) + 15000))
  until smtp_health; do
    if (($(now_ms) > deadline)) || ! pid_alive "$pid"; then
      tail -n 20 "$SMTP_DIR/smtp-sink.log" >&2 || true
      die "smtp sink did not start (log: $SMTP_DIR/smtp-sink.log)"
    fi
    sleep 0.05
  done
  STARTED=started
}

stop_smtp() {
  local pid
  pid=$(smtp_pid)
  if [[ -z $pid ]]; then
    rm -f "$SMTP_DIR/smtp-sink.pid"
    STOPPED=not-running
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(($(now_ms) + 5000))
  while pid_alive "$pid" || port_open "$SMTP_PORT"; do
    if (($(now_ms) > deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.1
      port_open "$SMTP_PORT" && die "smtp: port $SMTP_PORT still open"
      break
    fi
    sleep 0.02
  done
  rm -f "$SMTP_DIR/smtp-sink.pid"
  STOPPED=stopped
}

# ---------------------------------------------------------------- service ops
svc_line() { printf '%-8s %s\n' "$1" "$2"; }

start_service() { # start_service NAME -> prints one line
  local svc=$1 detail
  case $svc in
    primary)
      need_db_bins
      start_db primary
      detail=$STARTED
      # also on a server started before the option was in its my.cnf (dynamic)
      dbq primary 'SET GLOBAL log_bin_trust_function_creators = 1' || die "primary: cannot set log_bin_trust_function_creators"
      provision_primary
      ((PROVISIONED)) && detail+=", provisioned $DB_NAME"
      svc_line primary "127.0.0.1:$PRIMARY_PORT up ($detail)"
      ;;
    replica)
      need_db_bins
      start_db replica
      detail=$STARTED
      inst_vars primary
      if db_ping; then
        ensure_replication
        detail+=", $REPL_STATE"
      else
        detail+=", primary down"
      fi
      svc_line replica "127.0.0.1:$REPLICA_PORT up ($detail)"
      ;;
    redis)
      start_redis
      svc_line redis "127.0.0.1:$REDIS_PORT up ($STARTED)"
      ;;
    smtp)
      start_smtp
      svc_line smtp "127.0.0.1:$SMTP_PORT up ($STARTED, http://127.0.0.1:$SMTP_HTTP_PORT)"
      ;;
    *) die "unknown service '$svc' (primary|replica|redis|smtp)" ;;
  esac
}

stop_service() {
  local svc=$1
  case $svc in
    primary | replica)
      if [[ -n $MARIADB_ADMIN ]]; then stop_db "$svc"; else STOPPED=not-running; fi
      ;;
    redis) stop_redis ;;
    smtp) stop_smtp ;;
    *) die "unknown service '$svc' (primary|replica|redis|smtp)" ;;
  esac
  local port
  case $svc in
    primary) port=$PRIMARY_PORT ;;
    replica) port=$REPLICA_PORT ;;
    redis) port=$REDIS_PORT ;;
    smtp) port=$SMTP_PORT ;;
  esac
  if [[ $STOPPED == stopped ]]; then
    svc_line "$svc" "127.0.0.1:$port stopped"
  else
    svc_line "$svc" "127.0.0.1:$port not running"
  fi
}

status_line() {
  local svc=$1 pid rc
  case $svc in
    primary | replica)
      inst_vars "$svc"
      if db_ping; then
        pid=$(db_pid)
        if [[ $svc == replica ]]; then
          SLAVE_STATUS=$("$MARIADB" --defaults-file="$I_CNF" -e 'SHOW SLAVE STATUS\G' 2>/dev/null || true)
          if [[ -n $SLAVE_STATUS ]]; then
            svc_line "$svc" "127.0.0.1:$I_PORT running (pid ${pid:-?}, io=$(slave_field Slave_IO_Running) sql=$(slave_field Slave_SQL_Running) gtid_slave_pos=$(dbq replica 'SELECT @@gtid_slave_pos' 2>/dev/null || true))"
          else
            svc_line "$svc" "127.0.0.1:$I_PORT running (pid ${pid:-?}, replication not configured)"
          fi
        else
          svc_line "$svc" "127.0.0.1:$I_PORT running (pid ${pid:-?}, socket $I_SOCK)"
        fi
      else
        svc_line "$svc" "127.0.0.1:$I_PORT not running"
      fi
      ;;
    redis)
      rc=0
      if [[ -n $REDIS_CLI ]]; then pid=$(redis_pid) || rc=$?; else rc=1; fi
      case $rc in
        0) svc_line redis "127.0.0.1:$REDIS_PORT running (pid $pid)" ;;
        2) svc_line redis "127.0.0.1:$REDIS_PORT not running (port held by another redis, pid $pid)" ;;
        *) svc_line redis "127.0.0.1:$REDIS_PORT not running" ;;
      esac
      ;;
    smtp)
      pid=$(smtp_pid)
      if [[ -n $pid ]] && smtp_health; then
        svc_line smtp "127.0.0.1:$SMTP_PORT running (pid $pid, http://127.0.0.1:$SMTP_HTTP_PORT, $SMTP_MESSAGES)"
      else
        svc_line smtp "127.0.0.1:$SMTP_PORT not running"
      fi
      ;;
  esac
}

# ---------------------------------------------------------------- commands
cmd_up() {
  ensure_packages
  take_lock
  # a fresh replica data directory is created while the primary starts
  local bg=''
  inst_vars replica
  if [[ ! -d $I_DATA/mysql ]] && ! db_ping; then
    (prepare_db replica) &
    bg=$!
  fi
  start_service primary
  if [[ -n $bg ]]; then
    wait "$bg" || die "replica: could not create its data directory"
    PREINIT[replica]=1
  fi
  start_service replica
  if ! wait_replica 30; then
    die "replica did not catch up with the primary"
  fi
  start_service redis
  start_service smtp
}

case $CMD in
  up)
    ((${#ARGS[@]} == 0)) || die "up takes no arguments"
    cmd_up
    ;;
  down)
    if [[ -d $BASE ]]; then take_lock; fi
    for s in replica primary redis smtp; do stop_service "$s"; done
    ;;
  status)
    for s in "${SERVICES[@]}"; do status_line "$s" || true; done
    exit 0
    ;;
  env)
    cat <<EOF
DATABASE_URL=mysql://$APP_USER:$APP_PASSWORD@127.0.0.1:$PRIMARY_PORT/$DB_NAME
DATABASE_REPLICA_URLS=mysql://$APP_USER:$APP_PASSWORD@127.0.0.1:$REPLICA_PORT/$DB_NAME
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
SMTP_URL=smtp://127.0.0.1:$SMTP_PORT
SMTP_SINK_DIR=$SMTP_MESSAGES
SMTP_SINK_HTTP=http://127.0.0.1:$SMTP_HTTP_PORT
STACK_PROFILE=$PROFILE
STACK_DIR=$BASE
EOF
    ;;
  start)
    ((${#ARGS[@]} == 1)) || die "usage: stack.sh start primary|replica|redis|smtp"
    take_lock
    start_service "${ARGS[0]}"
    ;;
  stop)
    ((${#ARGS[@]} == 1)) || die "usage: stack.sh stop primary|replica|redis|smtp"
    case ${ARGS[0]} in primary | replica | redis | smtp) ;; *) die "unknown service '${ARGS[0]}'" ;; esac
    if [[ -d $BASE ]]; then take_lock; fi
    stop_service "${ARGS[0]}"
    ;;
  sql)
    ((${#ARGS[@]} >= 1)) || die "usage: stack.sh sql primary|replica [statement]   (stdin when no statement)"
    inst=${ARGS[0]}
    [[ $inst == primary || $inst == replica ]] || die "sql: instance must be primary or replica"
    need_db_bins
    [[ -f $BASE/$inst/my.cnf ]] || die "$inst: no option file $BASE/$inst/my.cnf (run: scripts/stack.sh --profile $PROFILE up)"
    if ((${#ARGS[@]} >= 2)); then
      exec "$MARIADB" --defaults-file="$BASE/$inst/my.cnf" -N -B -e "${ARGS[*]:1}"
    else
      exec "$MARIADB" --defaults-file="$BASE/$inst/my.cnf" -N -B
    fi
    ;;
  wait-replica)
    need_db_bins
    timeout=${ARGS[0]:-30}
    [[ $timeout =~ ^[0-9]+$ ]] || die "wait-replica: timeout must be whole seconds"
    wait_replica "$timeout" || exit 1
    ;;
  reset-db)
    need_db_bins
    inst_vars primary
    db_ping || die "primary is not running (run: scripts/stack.sh --profile $PROFILE up)"
    # the member-key vault (<db>_keys, ADR 0035) goes with its database
    dbq primary "DROP DATABASE IF EXISTS \`$DB_NAME\`; DROP DATABASE IF EXISTS \`${DB_NAME}_keys\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    wait_replica 30 || exit 1
    echo "reset-db: $DB_NAME recreated on 127.0.0.1:$PRIMARY_PORT and replicated"
    ;;
  help)
    usage
    ;;
  *)
    usage >&2
    die "unknown command '$CMD'"
    ;;
esac
