# shellcheck shell=bash
# SMTP sink of scripts/stack.sh (scripts/smtp-sink.js): stores each message
# as JSON under .local/<profile>/smtp/messages and serves them over HTTP.
# Service: smtp.

profile_port SMTP_PORT HEXA_SMTP_PORT 3 1025 1026 1030
profile_port SMTP_HTTP_PORT HEXA_SMTP_HTTP_PORT 4 1080 1081 1085
SMTP_DIR=$BASE/smtp
SMTP_MESSAGES=$SMTP_DIR/messages

smtp_env() {
  cat <<ENV
SMTP_URL=smtp://127.0.0.1:$SMTP_PORT
SMTP_SINK_DIR=$SMTP_MESSAGES
SMTP_SINK_HTTP=http://127.0.0.1:$SMTP_HTTP_PORT
ENV
}

smtp_health() { http_ok "$SMTP_HTTP_PORT" /health; } # the sink's HTTP side answers

smtp_pid() { # pid of OUR sink, or nothing
  local p
  p=$(read_pid "$SMTP_DIR/smtp-sink.pid")
  [[ -n $p ]] && pid_cmd_matches "$p" smtp-sink.js && echo "$p"
  return 0
}

smtp_launched() { pid_alive "$SMTP_LAUNCH_PID"; } # the sink smtp_start launched or reused

smtp_sink_sum() { cksum <"$SCRIPT_DIR/smtp-sink.js" | cut -d' ' -f1; }

smtp_start() {
  local pid
  pid=$(smtp_pid)
  # A sink started from an older smtp-sink.js lacks what newer tests drive
  # (e.g. its control endpoint): restart it rather than reuse it.
  if [[ -n $pid && $(cat "$SMTP_DIR/smtp-sink.sum" 2>/dev/null) != "$(smtp_sink_sum)" ]]; then
    smtp_stop >/dev/null
    pid=''
  fi
  if [[ -n $pid ]] && smtp_health; then
    svc_line smtp "127.0.0.1:$SMTP_PORT up (reused, http://127.0.0.1:$SMTP_HTTP_PORT)"
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
    smtp_sink_sum >"$SMTP_DIR/smtp-sink.sum"
  fi
  SMTP_LAUNCH_PID=$pid
  wait_started "smtp sink" 15 "$SMTP_DIR/smtp-sink.log" smtp_launched smtp_health
  svc_line smtp "127.0.0.1:$SMTP_PORT up (started, http://127.0.0.1:$SMTP_HTTP_PORT)"
}

smtp_stop() {
  local pid
  pid=$(smtp_pid)
  if [[ -z $pid ]]; then
    rm -f "$SMTP_DIR/smtp-sink.pid"
    STOPPED=not-running
    stopped_line smtp "$SMTP_PORT"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait_stopped smtp "$pid" 5 "$SMTP_PORT"
  rm -f "$SMTP_DIR/smtp-sink.pid"
  STOPPED=stopped
  stopped_line smtp "$SMTP_PORT"
}

smtp_status() {
  local pid
  pid=$(smtp_pid)
  if [[ -n $pid ]] && smtp_health; then
    svc_line smtp "127.0.0.1:$SMTP_PORT running (pid $pid, http://127.0.0.1:$SMTP_HTTP_PORT, $SMTP_MESSAGES)"
  else
    svc_line smtp "127.0.0.1:$SMTP_PORT not running"
  fi
}
