#!/usr/bin/env bash
# Binary-log archive of the primary, for point-in-time restore (npm run db:binlog).
#
#   scripts/db/binlog.sh [--profile dev|test|bench] <command>
#
# Commands:
#   sync     FLUSH BINARY LOGS on the primary, then copy every closed binlog
#            that is missing or incomplete in the archive (read over the
#            replication protocol: mariadb-binlog --read-from-remote-server --raw).
#            db:backup and db:restore run it; run it from cron for a bounded RPO.
#   start    continuous archiving in the background: mariadb-binlog --raw
#            --stop-never follows the primary as a replica would (retries every
#            2 s while the primary is down). `npm run up` starts it.
#   stop     stops the background archiver started by `start`
#   status   one line: archive directory, files, bytes, archiver pid
#   follow   the archiver in the foreground (what `start` runs)
#
# Archive: $BACKUP_DIR/binlog (default .local/<profile>/backups/binlog).
set -euo pipefail
DB_TOOL=db:binlog
# shellcheck source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh" "$@"

PIDFILE=$BINLOG_ARCHIVE/archiver.pid
ARCHIVER_ID=$((900 + ${PRIMARY_PORT} % 100)) # server id the archiver announces (not 1 or 2)

need() {
  need_db_bins
  [[ -n $MARIADB_BINLOG ]] || die "mariadb-binlog not installed"
  inst_vars primary
  db_ping || die "primary is not running on 127.0.0.1:$PRIMARY_PORT"
  mkdir -p "$BINLOG_ARCHIVE/.incoming"
}

fsize() { stat -c %s "$1" 2>/dev/null || echo -1; }

cmd_sync() {
  need
  dbq primary 'FLUSH BINARY LOGS' || die "FLUSH BINARY LOGS failed"
  local logs name size n=0 copied=0 repl
  logs=$(dbq primary 'SHOW BINARY LOGS') || die "SHOW BINARY LOGS failed"
  mapfile -t repl < <(primary_repl_args)
  n=$(wc -l <<<"$logs")
  local i=0
  while IFS=$'\t' read -r name size _; do
    i=$((i + 1))
    ((i < n)) || break # the last one is still open
    [[ $(fsize "$BINLOG_ARCHIVE/$name") == "$size" ]] && continue
    "$MARIADB_BINLOG" "${repl[@]}" --raw --result-file="$BINLOG_ARCHIVE/.incoming/" "$name" </dev/null ||
      die "could not fetch $name from the primary"
    [[ $(fsize "$BINLOG_ARCHIVE/.incoming/$name") == "$size" ]] ||
      die "$name: fetched $(fsize "$BINLOG_ARCHIVE/.incoming/$name") bytes, the primary has $size"
    mv -f "$BINLOG_ARCHIVE/.incoming/$name" "$BINLOG_ARCHIVE/$name"
    copied=$((copied + 1))
  done <<<"$logs"
  echo "binlog archive: $copied file(s) copied, $((n - 1)) closed on the primary, in $BINLOG_ARCHIVE"
}

archiver_pid() {
  local p
  p=$(read_pid "$PIDFILE")
  [[ -n $p ]] && pid_cmd_matches "$p" "binlog.sh" && echo "$p"
  return 0
}

cmd_follow() {
  need_db_bins
  [[ -n $MARIADB_BINLOG ]] || die "mariadb-binlog not installed"
  mkdir -p "$BINLOG_ARCHIVE"
  echo $$ >"$PIDFILE" # a session leader (setsid): stop signals its whole group
  local repl first
  mapfile -t repl < <(primary_repl_args)
  trap 'kill -TERM "${child:-0}" 2>/dev/null; exit 0' TERM INT
  while :; do
    # start again from the newest archived file (rewritten whole), else the primary's first
    first=$(find "$BINLOG_ARCHIVE" -maxdepth 1 -type f -name '*.[0-9]*' -printf '%f\n' | sort | tail -1)
    if [[ -z $first ]]; then
      first=$(dbq primary 'SHOW BINARY LOGS' 2>/dev/null | head -1 | cut -f1) || first=''
    fi
    if [[ -n $first ]]; then
      "$MARIADB_BINLOG" "${repl[@]}" --raw --stop-never --stop-never-slave-server-id="$ARCHIVER_ID" \
        --result-file="$BINLOG_ARCHIVE/" "$first" 2>>"$BINLOG_ARCHIVE/archiver.log" &
      child=$!
      wait "$child" || true
    fi
    sleep 2
  done
}

cmd_start() {
  local pid
  pid=$(archiver_pid)
  if [[ -n $pid ]]; then
    echo "binlog archiver running (pid $pid) into $BINLOG_ARCHIVE"
    return 0
  fi
  need
  rm -f "$PIDFILE"
  launch_clean setsid nohup bash "$DB_SCRIPT_DIR/binlog.sh" --profile "$PROFILE" follow </dev/null >>"$BINLOG_ARCHIVE/archiver.log" 2>&1 &
  local deadline=$(($(now_ms) + 5000))
  until pid=$(archiver_pid) && [[ -n $pid ]]; do
    (($(now_ms) > deadline)) && die "the archiver did not start (log: $BINLOG_ARCHIVE/archiver.log)"
    sleep 0.05
  done
  echo "binlog archiver started (pid $pid) into $BINLOG_ARCHIVE"
}

cmd_stop() {
  local pid
  pid=$(archiver_pid)
  if [[ -z $pid ]]; then
    echo "binlog archiver not running"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
  echo "binlog archiver stopped (pid $pid)"
}

cmd_status() {
  local files=0 bytes=0 pid
  if [[ -d $BINLOG_ARCHIVE ]]; then
    files=$(find "$BINLOG_ARCHIVE" -maxdepth 1 -type f -name '*.[0-9]*' | wc -l)
    bytes=$(find "$BINLOG_ARCHIVE" -maxdepth 1 -type f -name '*.[0-9]*' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  fi
  pid=$(archiver_pid)
  echo "binlog archive $BINLOG_ARCHIVE: $files file(s), $bytes bytes, archiver $(if [[ -n $pid ]]; then echo "running (pid $pid)"; else echo "not running"; fi)"
}

case ${ARGS[0]:-} in
  sync) cmd_sync ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  follow) cmd_follow ;;
  *)
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
