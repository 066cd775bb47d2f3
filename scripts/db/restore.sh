#!/usr/bin/env bash
# `npm run db:restore`: a backup of scripts/db/backup.sh into a FRESH MariaDB
# instance (new data directory, own port), optionally rolled forward to a
# point in time with the archived binlogs, then the post-restore hooks.
#
#   scripts/db/restore.sh [--profile dev|test|bench] [options]
#   scripts/db/restore.sh [--profile ...] stop [--port N] [--rm]
#
# Options:
#   --to NAME|DIR         the backup (default: the newest complete one)
#   --until 'YYYY-MM-DD HH:MM:SS'   replay archived binlogs up to, not
#                         including, that UTC second (point-in-time restore)
#   --until latest        replay every archived binlog
#   --stop-position FILE:POS        replay up to, not including, the event
#                         at binlog FILE offset POS (find it with mariadb-binlog -v)
#   --port N              port of the new instance (default: profile port +8,
#                         3324 dev / 3334 test / 3374 bench; HEXA_RESTORE_PORT)
#   --second              the profile's second restore port (+9: 3325 / 3335 / 3375;
#                         HEXA_RESTORE_PORT_2), for two restores side by side
#   --dir DIR             its directory (default .local/<profile>/restore-<port>)
#   --replace             wipe DIR first if it holds a STOPPED earlier restore
#   --no-verify           skip checking the SHA-256 of every file against the manifest
#   --no-sync             do not sync the binlog archive from the primary first
#   --no-hooks            skip the post-restore hooks
#
# Never touches a live instance: refuses a port something listens on, a
# directory a running mariadbd uses, the stack's primary/replica directories,
# and an existing directory without --replace.
#
# Post-restore hooks: every executable file in scripts/db/post-restore.d/
# (or RESTORE_HOOKS_DIR), in name order, with RESTORE_* variables (see the
# README there). A failing hook fails the restore (exit 3); the instance is
# left running for inspection.
#
# `stop` shuts the restore instance on that port down; `--rm` also deletes it.
set -euo pipefail
DB_TOOL=db:restore
# shellcheck source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh" "$@"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }

MODE=restore TO='' UNTIL='' STOP_POS='' PORT='' DIR='' REPLACE=0 VERIFY=1 SYNC=1 HOOKS=1 RM=0
set -- "${ARGS[@]}"
if [[ ${1:-} == stop ]]; then
  MODE=stop
  shift
fi
while (($#)); do
  case $1 in
    --to) TO=${2:?--to needs a backup}; shift 2 ;;
    --until) UNTIL=${2:?--until needs a UTC datetime or latest}; shift 2 ;;
    --stop-position) STOP_POS=${2:?--stop-position needs FILE:POS}; shift 2 ;;
    --port) PORT=${2:?--port needs a number}; shift 2 ;;
    --second) PORT=$RESTORE_PORT_2; shift ;;
    --dir) DIR=${2:?--dir needs a directory}; shift 2 ;;
    --replace) REPLACE=1; shift ;;
    --no-verify) VERIFY=0; shift ;;
    --no-sync) SYNC=0; shift ;;
    --no-hooks) HOOKS=0; shift ;;
    --rm) RM=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
PORT=${PORT:-$RESTORE_PORT}
[[ $PORT =~ ^[0-9]+$ ]] && ((PORT > 0 && PORT < 65536)) || die "invalid port: $PORT"
DIR=${DIR:-$BASE/restore-$PORT}
[[ $DIR == /* ]] || DIR=$PWD/$DIR
[[ -n $UNTIL && -n $STOP_POS ]] && die "--until and --stop-position exclude each other"
if [[ -n $UNTIL && $UNTIL != latest ]]; then
  [[ $UNTIL =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}[T\ ][0-9]{2}:[0-9]{2}:[0-9]{2}$ ]] ||
    die "--until: expected 'YYYY-MM-DD HH:MM:SS' (UTC) or latest, got '$UNTIL'"
  UNTIL=${UNTIL/T/ }
fi
if [[ -n $STOP_POS ]]; then
  [[ $STOP_POS =~ ^([^:/]+\.[0-9]+):([0-9]+)$ ]] || die "--stop-position: expected FILE:POS, e.g. mysql-bin.000012:4711"
fi

# The restore instance is an I_* instance of scripts/stack/mariadb.sh: its
# option file, ping, pid, launch and stop are the stack's own helpers.
instance_vars restore "$DIR" "$PORT" $((100 + PORT % 100))
if ((${#I_SOCK} > 100)); then # unix socket paths are limited to 107 bytes
  I_SOCK=/tmp/hexashop-restore-$(printf '%s' "$DIR" | cksum | cut -d' ' -f1).sock
fi
CNF=$I_CNF
SOCK=$I_SOCK
DATA=$I_DATA

# datadirs of every running mariadbd/mysqld on this machine (from their option files)
live_datadirs() {
  local p cmd cnf dd
  for p in /proc/[0-9]*; do
    [[ -r $p/cmdline ]] || continue
    cmd=$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null) || continue
    [[ $cmd == *mariadbd* || $cmd == *mysqld* ]] || continue
    if [[ $cmd =~ --datadir=([^ ]+) ]]; then realpath -m "${BASH_REMATCH[1]}"; fi
    if [[ $cmd =~ --defaults-file=([^ ]+) ]]; then
      cnf=${BASH_REMATCH[1]}
      dd=$(sed -n 's/^datadir[[:space:]]*=[[:space:]]*//p' "$cnf" 2>/dev/null | head -1)
      [[ -n $dd ]] && realpath -m "$dd"
    fi
  done
  return 0
}

stop_instance() {
  stop_inst
  if [[ $STOPPED == not-running ]]; then
    echo "restore instance 127.0.0.1:$PORT not running ($DIR)"
  else
    echo "restore instance 127.0.0.1:$PORT stopped"
  fi
  if ((RM)) && [[ -d $DIR ]]; then
    [[ -f $DIR/restore.json || ! -e $DIR/data ]] || die "$DIR does not look like a restore instance: not removed"
    rm -rf "$DIR"
    [[ $SOCK == /tmp/* ]] && rm -f "$SOCK"
    echo "removed $DIR"
  fi
}

need_db_bins
if [[ $MODE == stop ]]; then
  stop_instance
  exit 0
fi

ensure_packages
# ---------------------------------------------------------------- the backup
if [[ -z $TO ]]; then
  TO=$(latest_backup)
  [[ -n $TO ]] || die "no backup in $FULL_DIR (npm run db:backup)"
fi
if [[ $TO == */* ]]; then BK=$(realpath -m "$TO"); else BK=$FULL_DIR/$TO; fi
[[ -f $BK/manifest.json && -d $BK/data ]] || die "not a complete backup: $BK"

# ---------------------------------------------------------------- safety
port_open "$PORT" && die "port 127.0.0.1:$PORT is live: refusing (choose --port, or stop what listens there)"
real_dir=$(realpath -m "$DIR")
for inst in primary replica; do
  case $real_dir/ in
    "$(realpath -m "$BASE/$inst")"/*) die "$DIR is inside the stack's $inst: refusing" ;;
  esac
done
while IFS= read -r live; do
  [[ -z $live ]] && continue
  case $live/ in
    "$real_dir"/*) die "a running mariadbd uses $live (inside $DIR): refusing" ;;
  esac
done < <(live_datadirs)
if [[ -e $DIR ]]; then
  [[ -n $(db_pid) ]] && die "$DIR belongs to a running instance: refusing (stop it: npm run db:restore -- stop --port $PORT)"
  ((REPLACE)) || die "$DIR exists: refusing (add --replace to overwrite that earlier, stopped restore)"
  [[ -f $DIR/restore.json || -f $DIR/my.cnf || ! -e $DIR/data ]] || die "$DIR does not look like a restore instance: not replaced"
  rm -rf "$DIR"
fi

# ---------------------------------------------------------------- restore
t0=$(now_ms)
if ((VERIFY)); then
  node "$DB_SCRIPT_DIR/manifest.js" verify "$BK" >/dev/null || die "backup $BK does not match its manifest"
fi
t1=$(now_ms)
mk_owned_dir "$DIR" "$DIR/tmp" "$(dirname "$SOCK")"
{
  cnf_core "generated by scripts/db/restore.sh from $BK"
  echo skip-slave-start
} >"$CNF"
if ! "$MARIADB_BACKUP" --defaults-file="$CNF" --copy-back --target-dir="$BK/data" >"$DIR/copy-back.log" 2>&1; then
  tail -n 15 "$DIR/copy-back.log" >&2
  die "mariadb-backup --copy-back failed"
fi
((IS_ROOT)) && chown -R mysql:mysql "$DIR"
t2=$(now_ms)

launch_db
wait_started "the restored instance on 127.0.0.1:$PORT" 60 "$I_LOG" db_alive db_ping
t3=$(now_ms)

# ---------------------------------------------------------------- roll forward
IFS=$'\t' read -r start_file start_pos gtid < <(node -e 'const b=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).binlog;console.log([b.file,b.position,b.gtid].join("\t"))' "$BK/manifest.json")
replayed='none (the backup as taken)'
if [[ -n $UNTIL || -n $STOP_POS ]]; then
  if ((SYNC)); then
    inst_vars primary
    if db_ping; then
      bash "$DB_SCRIPT_DIR/binlog.sh" --profile "$PROFILE" sync >/dev/null || log "warning: binlog archive sync failed; replaying what is archived"
    else
      log "primary not reachable: replaying what is archived in $BINLOG_ARCHIVE"
    fi
  fi
  files=()
  stop_file=${STOP_POS%:*}
  while IFS= read -r f; do
    [[ $f < $start_file ]] && continue
    [[ -n $STOP_POS && $f > $stop_file ]] && continue
    files+=("$BINLOG_ARCHIVE/$f")
  done < <(find "$BINLOG_ARCHIVE" -maxdepth 1 -type f -name '*.[0-9]*' -printf '%f\n' 2>/dev/null | sort)
  ((${#files[@]})) && [[ ${files[0]##*/} == "$start_file" ]] ||
    die "binlog $start_file (the backup's start) is not in $BINLOG_ARCHIVE: cannot roll forward"
  [[ -z $STOP_POS || ${files[-1]##*/} == "$stop_file" ]] || die "binlog $stop_file is not in $BINLOG_ARCHIVE"
  opts=(--database="$DB_NAME" --start-position="$start_pos")
  if [[ -n $STOP_POS ]]; then
    opts+=(--stop-position="${STOP_POS##*:}")
    replayed="binlogs $start_file:$start_pos .. $STOP_POS (exclusive)"
  elif [[ $UNTIL != latest ]]; then
    opts+=(--stop-datetime="$UNTIL")
    replayed="binlogs from $start_file:$start_pos until $UNTIL UTC (exclusive)"
  else
    replayed="every archived binlog from $start_file:$start_pos (${#files[@]} files)"
  fi
  # only the shop database: the vault schema is not in the backup (ADR 0035)
  if ! TZ=UTC "$MARIADB_BINLOG" "${opts[@]}" "${files[@]}" 2>"$DIR/replay.log" |
    "$MARIADB" --defaults-file="$CNF" --binary-mode 2>>"$DIR/replay.log"; then
    tail -n 10 "$DIR/replay.log" >&2
    die "binlog replay failed (log: $DIR/replay.log); the instance is running on $PORT"
  fi
fi
t4=$(now_ms)

# ---------------------------------------------------------------- hooks
HOOK_DIR=${RESTORE_HOOKS_DIR:-$DB_SCRIPT_DIR/post-restore.d}
hooks_run=()
if ((HOOKS)) && [[ -d $HOOK_DIR ]]; then
  for hook in "$HOOK_DIR"/*; do
    [[ -f $hook && -x $hook ]] || continue
    if ! RESTORE_HOST=127.0.0.1 RESTORE_PORT=$PORT RESTORE_SOCKET=$SOCK RESTORE_DEFAULTS_FILE=$CNF \
      RESTORE_DATABASE=$DB_NAME RESTORE_DATABASE_URL="mysql://$APP_USER:$APP_PASSWORD@127.0.0.1:$PORT/$DB_NAME" \
      RESTORE_BACKUP_DIR=$BK RESTORE_BACKUP_GTID=$gtid RESTORE_UNTIL="${UNTIL:-$STOP_POS}" \
      RESTORE_VAULT_SCHEMA=$VAULT_SCHEMA STACK_PROFILE=$PROFILE \
      PRIMARY_DATABASE_URL="mysql://$APP_USER:$APP_PASSWORD@127.0.0.1:$PRIMARY_PORT/$DB_NAME" \
      "$hook" >>"$DIR/hooks.log" 2>&1; then
      tail -n 10 "$DIR/hooks.log" >&2
      echo "db:restore: post-restore hook ${hook##*/} failed (log: $DIR/hooks.log); the instance is running on 127.0.0.1:$PORT for inspection" >&2
      exit 3
    fi
    hooks_run+=("${hook##*/}")
  done
fi
t5=$(now_ms)

cat >"$DIR/restore.json" <<JSON
{"backup": "$BK", "gtid": "$gtid", "until": "${UNTIL:-$STOP_POS}", "port": $PORT, "hooks": "${hooks_run[*]:-}",
 "durationsMs": {"verify": $((t1 - t0)), "copy": $((t2 - t1)), "start": $((t3 - t2)), "replay": $((t4 - t3)), "hooks": $((t5 - t4)), "total": $((t5 - t0))}}
JSON
echo "restored 127.0.0.1:$PORT (socket $SOCK, data $DATA)"
echo "  from backup ${BK##*/} (gtid ${gtid:-none} at $start_file:$start_pos); replayed: $replayed"
echo "  hooks: ${hooks_run[*]:-none}"
echo "  DATABASE_URL=mysql://$APP_USER:$APP_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
echo "  verify $(secs "$t0" "$t1") s, copy $(secs "$t1" "$t2") s, start $(secs "$t2" "$t3") s, replay $(secs "$t3" "$t4") s, hooks $(secs "$t4" "$t5") s, total $(secs "$t0" "$t5") s"
echo "  stop it: npm run db:restore -- --profile $PROFILE stop --port $PORT --rm"
