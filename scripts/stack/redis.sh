# shellcheck shell=bash
# Redis of scripts/stack.sh: no persistence, data and log under
# .local/<profile>/redis/. Service: redis.

profile_port REDIS_PORT HEXA_REDIS_PORT 2 6390 6391 6395
REDIS_DIR=$BASE/redis

REDIS_SERVER='' REDIS_CLI=''
redis_bins() { # resolves the binaries; true when both are there
  REDIS_SERVER=$(find_bin redis-server || true)
  REDIS_CLI=$(find_bin redis-cli || true)
  [[ -n $REDIS_SERVER && -n $REDIS_CLI ]]
}
redis_bins || true
PACKAGES+=("redis_bins:redis-server")

redis_env() {
  echo "REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
}

redis_ping() { [[ $("$REDIS_CLI" -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

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

redis_start() {
  [[ -n $REDIS_SERVER && -n $REDIS_CLI ]] || die "redis not installed (run: scripts/stack.sh up)"
  local pid rc=0
  pid=$(redis_pid) || rc=$?
  if ((rc == 0)); then
    svc_line redis "127.0.0.1:$REDIS_PORT up (reused)"
    return 0
  fi
  ((rc == 2)) && die "redis: port 127.0.0.1:$REDIS_PORT is held by another redis (pid $pid), set HEXA_REDIS_PORT"
  port_open "$REDIS_PORT" && die "redis: port 127.0.0.1:$REDIS_PORT is in use by another process, set HEXA_REDIS_PORT"
  mkdir -p "$REDIS_DIR"
  rm -f "$REDIS_DIR/redis.pid"
  launch_clean "$REDIS_SERVER" --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" 9>&- >/dev/null
  wait_started redis 30 "$REDIS_DIR/redis.log" - redis_ping
  # the pid file is written right after the listener opens
  local deadline=$(($(now_ms) + 5000))
  until [[ -s $REDIS_DIR/redis.pid ]]; do
    (($(now_ms) > deadline)) && break
    sleep 0.02
  done
  svc_line redis "127.0.0.1:$REDIS_PORT up (started)"
}

redis_stop() {
  STOPPED=not-running
  if [[ -n $REDIS_CLI ]]; then stop_redis; fi
  stopped_line redis "$REDIS_PORT"
}

stop_redis() { # sets STOPPED=stopped|not-running
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
  wait_stopped redis "$pid" 5 "$REDIS_PORT"
  rm -f "$REDIS_DIR/redis.pid"
  STOPPED=stopped
}

redis_status() {
  local pid rc=0
  if [[ -n $REDIS_CLI ]]; then pid=$(redis_pid) || rc=$?; else rc=1; fi
  case $rc in
    0) svc_line redis "127.0.0.1:$REDIS_PORT running (pid $pid)" ;;
    2) svc_line redis "127.0.0.1:$REDIS_PORT not running (port held by another redis, pid $pid)" ;;
    *) svc_line redis "127.0.0.1:$REDIS_PORT not running" ;;
  esac
}
