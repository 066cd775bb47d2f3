# shellcheck shell=bash
# Primary failover of the local MariaDB pair (ADR 0016), sourced by scripts/stack.sh
# after mariadb.sh. Commands:
#   failover [--from primary|replica] [--to replica|primary]
#       promote --to (default replica) in place of --from (default primary)
#   rebuild-replica <instance> [--from <instance>]
#       wipe <instance> and make it a replica of --from (default: the other one)
#   signal <primary|replica> KILL|STOP|CONT      fault injection for the tests
# The role of each instance survives restarts in .local/<profile>/<instance>/conf.d/role.cnf
# (read_only=0 on a promoted replica, read_only=1 on a demoted primary).

other_instance() { if [[ $1 == primary ]]; then echo replica; else echo primary; fi; }

write_role() { # write_role INSTANCE writable|read-only|default
  local dir=$BASE/$1/conf.d
  mkdir -p "$dir"
  case $2 in
    writable) printf '[mysqld]\nread-only=0\n' >"$dir/role.cnf" ;;
    read-only) printf '[mysqld]\nread-only=1\n' >"$dir/role.cnf" ;;
    default) rm -f "$dir/role.cnf" ;;
  esac
}

# quick_ping INSTANCE: the server answers within 1 s (a frozen one does not)
quick_ping() {
  [[ -f $BASE/$1/my.cnf ]] || return 1
  timeout 1.5 "$MARIADB" --defaults-file="$BASE/$1/my.cnf" --connect-timeout=1 -N -B -e 'SELECT 1' >/dev/null 2>&1
}

parse_from_to() { # sets FROM and TO from ARGS (after the positional ones)
  FROM='' TO=''
  local i=0
  while ((i < ${#ARGS[@]})); do
    case ${ARGS[i]} in
      --from) FROM=${ARGS[i + 1]:-} && i=$((i + 2)) ;;
      --to) TO=${ARGS[i + 1]:-} && i=$((i + 2)) ;;
      *) die "unexpected argument '${ARGS[i]}'" ;;
    esac
  done
}

# failover: fence --from, let --to apply everything it received, promote it.
cmd_failover() {
  need_db_bins
  parse_from_to
  [[ -n $FROM || -n $TO ]] || FROM=primary
  [[ -z $FROM ]] && FROM=$(other_instance "$TO")
  [[ -z $TO ]] && TO=$(other_instance "$FROM")
  [[ $FROM =~ ^(primary|replica)$ && $TO =~ ^(primary|replica)$ && $FROM != "$TO" ]] ||
    die "usage: failover [--from primary|replica] [--to replica|primary]"
  local t0 t1 t2 t3 fence
  t0=$(now_ms)

  # 1. fence the old primary: read-only and its sessions killed when it answers;
  #    SIGKILL when it runs but does not answer (frozen); nothing when it is gone
  inst_vars "$FROM"
  local pid
  pid=$(db_pid)
  write_role "$FROM" read-only
  if quick_ping "$FROM"; then
    dbq "$FROM" "SET GLOBAL read_only=1" || die "$FROM: could not set read_only"
    local ids
    ids=$(dbq "$FROM" "SELECT GROUP_CONCAT(ID) FROM information_schema.PROCESSLIST
                        WHERE USER='$APP_USER' AND ID <> CONNECTION_ID()") || true
    if [[ -n $ids && $ids != NULL ]]; then
      local id
      for id in ${ids//,/ }; do dbq "$FROM" "KILL CONNECTION $id" >/dev/null 2>&1 || true; done
    fi
    fence="read_only=1, application sessions killed"
  elif [[ -n $pid ]]; then
    kill -KILL "$pid" 2>/dev/null || true
    fence="did not answer within 1 s: pid $pid SIGKILLed"
  else
    fence="not running"
  fi
  t1=$(now_ms)
  echo "fence    $FROM (127.0.0.1:$I_PORT): $fence ($((t1 - t0)) ms)"

  # 2. the new primary applies everything its IO thread received
  inst_vars "$TO"
  quick_ping "$TO" || die "$TO does not answer: nothing to promote"
  local deadline=$((t1 + 30000)) io sqlpos
  while :; do
    SLAVE_STATUS=$("$MARIADB" --defaults-file="$I_CNF" -e 'SHOW SLAVE STATUS\G') ||
      die "$TO: SHOW SLAVE STATUS failed"
    [[ -n $SLAVE_STATUS ]] || break # not a replica (already promoted)
    io=$(slave_field Gtid_IO_Pos)
    sqlpos=$(dbq "$TO" 'SELECT @@gtid_slave_pos')
    [[ $(gtid_norm "$io") == "$(gtid_norm "$sqlpos")" ]] && break
    if (($(now_ms) > deadline)); then
      die "$TO did not apply what it received within 30 s (received $io, applied $sqlpos); not promoted"
    fi
    sleep 0.02
  done
  t2=$(now_ms)
  echo "catch-up $TO applied all it received (gtid ${sqlpos:-$(dbq "$TO" 'SELECT @@gtid_current_pos')}) ($((t2 - t1)) ms)"

  # 3. promote
  write_role "$TO" writable
  dbq "$TO" "STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only=0" || die "$TO: promotion failed"
  t3=$(now_ms)
  echo "promote  $TO (127.0.0.1:$I_PORT): replication stopped, read_only=0 ($((t3 - t2)) ms)"
  echo "failover done in $((t3 - t0)) ms; API instances move their writes to 127.0.0.1:$I_PORT by themselves"
  echo "next: scripts/stack.sh --profile $PROFILE rebuild-replica $FROM"
}

wait_caught_up() { # wait_caught_up REPLICA SOURCE: the replica has all the source's binlog
  local deadline=$(($(now_ms) + 30000)) target
  target=$(gtid_norm "$(dbq "$2" 'SELECT @@gtid_binlog_pos')")
  # applied by the replica (MASTER_GTID_WAIT on its gtid_slave_pos), or, right
  # after a switchover, written by it as the old primary (its gtid_current_pos)
  until [[ $(dbq "$1" "SELECT MASTER_GTID_WAIT('$target', 0.5)" 2>/dev/null || echo err) == 0 ||
    $(gtid_norm "$(dbq "$1" 'SELECT @@gtid_current_pos')") == "$target" ]]; do
    (($(now_ms) > deadline)) && die "$1 did not catch up with $2 ($target) within 30 s"
    sleep 0.05
  done
}

gtid_norm() { # sorted domain-server-seq list, so that positions compare as text
  tr ',' '\n' <<<"${1// /}" | sed '/^$/d' | sort | paste -sd, -
}

# rebuild-replica: wipe INSTANCE and clone it from --from, then replicate (semi-sync).
cmd_rebuild_replica() {
  need_db_bins
  ((${#ARGS[@]} >= 1)) || die "usage: rebuild-replica primary|replica [--from replica|primary]"
  local inst=${ARGS[0]}
  ARGS=("${ARGS[@]:1}")
  parse_from_to
  local src=${FROM:-$(other_instance "$inst")}
  [[ $inst =~ ^(primary|replica)$ && $src =~ ^(primary|replica)$ && $inst != "$src" ]] ||
    die "usage: rebuild-replica primary|replica [--from replica|primary]"
  local t0 t1 t2 t3 src_port
  t0=$(now_ms)
  inst_vars "$src"
  src_port=$I_PORT
  quick_ping "$src" || die "$src does not answer"
  [[ $(dbq "$src" 'SELECT @@read_only') == 0 ]] || die "$src is read-only: promote it first (failover --to $src)"

  # 1. the old node goes away with its data (it may hold transactions nobody acknowledged)
  inst_vars "$inst"
  local pid
  pid=$(db_pid)
  if [[ -n $pid ]] && ! quick_ping "$inst"; then kill -CONT "$pid" 2>/dev/null || true; fi
  stop_db "$inst"
  rm -rf "$I_DATA" "$I_DIR/binlog" "$I_DIR/relay"
  write_role "$inst" read-only
  start_db "$inst" # initialises a fresh data directory, read-only through role.cnf
  t1=$(now_ms)
  echo "wipe     $inst (127.0.0.1:$I_PORT): fresh data directory, read_only=1 ($((t1 - t0)) ms)"

  # 2. consistent copy of the new primary, with its GTID position; not written to the binlog
  local dump=$I_DIR/tmp/rebuild.sql pos
  "$(find_bin mariadb-dump mysqldump)" --defaults-file="$BASE/$src/my.cnf" --all-databases \
    --single-transaction --gtid --master-data=2 --routines --events --triggers \
    --ignore-table=mysql.gtid_slave_pos >"$dump" || die "dump of $src failed"
  pos=$(sed -n "s/^-- SET GLOBAL gtid_slave_pos='\([^']*\)'.*/\1/p" "$dump" | head -n 1)
  { echo 'SET SESSION sql_log_bin=0;'; cat "$dump"; echo 'FLUSH PRIVILEGES;'; } |
    "$MARIADB" --defaults-file="$I_CNF" || die "loading the copy into $inst failed"
  rm -f "$dump"
  t2=$(now_ms)
  echo "copy     $src -> $inst at gtid $pos ($((t2 - t1)) ms)"

  # 3. replicate from there
  dbq "$inst" "RESET MASTER; STOP SLAVE; RESET SLAVE ALL; SET GLOBAL gtid_slave_pos='$pos';
    CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$src_port, MASTER_USER='$REPL_USER',
      MASTER_PASSWORD='$REPL_PASSWORD', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1;
    START SLAVE" || die "$inst: replication setup failed"
  local r
  wait_caught_up "$inst" "$src"
  r=$(dbq "$src" "SHOW STATUS LIKE 'Rpl_semi_sync_master_clients'" | cut -f2)
  t3=$(now_ms)
  echo "replica  $inst replicates from $src (127.0.0.1:$src_port), caught up, semi-sync clients on $src: ${r:-?} ($((t3 - t2)) ms)"
  echo "rebuild done in $((t3 - t0)) ms"
}

# rejoin INSTANCE: after a planned switchover (failover while INSTANCE still
# answered: it was fenced read-only first, so it has nothing the new primary
# lacks), INSTANCE replicates from the writable other one, keeping its data.
# After a crash use rebuild-replica: the dead primary may hold transactions
# nobody acknowledged.
cmd_rejoin() {
  need_db_bins
  ((${#ARGS[@]} == 1)) && [[ ${ARGS[0]} =~ ^(primary|replica)$ ]] || die "usage: rejoin primary|replica"
  local inst=${ARGS[0]} src src_port t0
  t0=$(now_ms)
  src=$(other_instance "$inst")
  inst_vars "$src"
  src_port=$I_PORT
  [[ $(dbq "$src" 'SELECT @@read_only') == 0 ]] || die "$src is not writable"
  [[ $(dbq "$inst" 'SELECT @@read_only') == 1 ]] || die "$inst is writable: fence it first (failover --from $inst)"
  write_role "$inst" read-only
  dbq "$inst" "STOP SLAVE; RESET SLAVE ALL;
    CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$src_port, MASTER_USER='$REPL_USER',
      MASTER_PASSWORD='$REPL_PASSWORD', MASTER_USE_GTID=current_pos, MASTER_CONNECT_RETRY=1;
    START SLAVE" || die "$inst: replication setup failed"
  wait_caught_up "$inst" "$src"
  echo "rejoin   $inst replicates from $src (127.0.0.1:$src_port), caught up ($(($(now_ms) - t0)) ms)"
}

# restore-roles: after failover + rebuild went back to the original roles, drop the role files
cmd_restore_roles() {
  need_db_bins
  [[ $(dbq primary 'SELECT @@read_only') == 0 ]] || die "the primary instance is not writable"
  [[ $(dbq replica 'SELECT @@read_only') == 1 ]] || die "the replica instance is not read-only"
  write_role primary default
  write_role replica default
  echo "roles: primary instance writable, replica instance read-only (option files as generated)"
}

cmd_signal() {
  ((${#ARGS[@]} == 2)) || die "usage: signal primary|replica KILL|STOP|CONT"
  [[ ${ARGS[0]} =~ ^(primary|replica)$ && ${ARGS[1]} =~ ^(KILL|STOP|CONT)$ ]] ||
    die "usage: signal primary|replica KILL|STOP|CONT"
  inst_vars "${ARGS[0]}"
  local pid
  pid=$(db_pid)
  [[ -n $pid ]] || die "${ARGS[0]} is not running"
  kill "-${ARGS[1]}" "$pid"
  if [[ ${ARGS[1]} == KILL ]]; then
    while pid_alive "$pid"; do sleep 0.01; done
    rm -f "$I_LAUNCHPID"
  fi
  echo "${ARGS[0]} pid $pid: SIG${ARGS[1]}"
}
