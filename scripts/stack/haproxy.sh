# shellcheck shell=bash
# HAProxy of scripts/stack.sh: the load balancer in front of two API instances,
# run from docker/haproxy/haproxy.cfg (the same file compose uses) with
# HEXA_LOCAL set. Plain HTTP only redirects to HTTPS; TLS uses a self-signed
# certificate generated on first start (openssl) under .local/<profile>/haproxy/.
# Service: haproxy. Backends: `stack.sh lb-servers HOST:PORT HOST:PORT`
# (default dev 127.0.0.1:3000 and 127.0.0.1:3002, the instances `npm run up`
# starts; test/bench point nowhere until a suite or the bench sets them).

profile_port HAPROXY_HTTP_PORT HEXA_HAPROXY_HTTP_PORT 5 3380 3381 3385
profile_port HAPROXY_HTTPS_PORT HEXA_HAPROXY_HTTPS_PORT 6 3443 3444 3448
profile_port HAPROXY_INTERNAL_PORT HEXA_HAPROXY_INTERNAL_PORT 7 3404 3405 3409
HAPROXY_DIR=$BASE/haproxy
HAPROXY_CFG=$ROOT/docker/haproxy/haproxy.cfg
HAPROXY_SOCK=$HAPROXY_DIR/admin.sock
HAPROXY_PEM=$HAPROXY_DIR/hexashop.pem
HAPROXY_CRT=$HAPROXY_DIR/hexashop.crt
HAPROXY_SERVERS=$HAPROXY_DIR/servers

HAPROXY_BIN='' OPENSSL_BIN=''
haproxy_bins() {
  HAPROXY_BIN=$(find_bin haproxy || true)
  OPENSSL_BIN=$(find_bin openssl || true)
  [[ -n $HAPROXY_BIN && -n $OPENSSL_BIN ]]
}
haproxy_bins || true
PACKAGES+=("haproxy_bins:haproxy openssl")

haproxy_env() {
  cat <<ENV
LB_URL=https://localhost:$HAPROXY_HTTPS_PORT
LB_HTTP_URL=http://localhost:$HAPROXY_HTTP_PORT
LB_INTERNAL_URL=http://127.0.0.1:$HAPROXY_INTERNAL_PORT
LB_CA_FILE=$HAPROXY_CRT
LB_ADMIN_SOCKET=$HAPROXY_SOCK
ENV
}

haproxy_default_servers() {
  if [[ -n ${HEXA_LB_SERVERS:-} ]]; then
    echo "$HEXA_LB_SERVERS"
  else
    # port 9 (discard): nothing listens, the servers stay DOWN until set
    by_profile "127.0.0.1:3000 127.0.0.1:3002" "127.0.0.1:9 127.0.0.1:9" "127.0.0.1:9 127.0.0.1:9"
  fi
}

haproxy_servers() { # prints "ADDR1 ADDR2"
  local s
  s=$(cat "$HAPROXY_SERVERS" 2>/dev/null || true)
  [[ -n $s ]] || s=$(haproxy_default_servers)
  echo "$s"
}

haproxy_pid() { # pid of OUR haproxy, or nothing
  local p
  p=$(read_pid "$HAPROXY_DIR/haproxy.pid")
  [[ -n $p ]] && pid_cmd_matches "$p" "$HAPROXY_CFG" && echo "$p"
  return 0
}

haproxy_health() { http_ok "$HAPROXY_INTERNAL_PORT" /healthz; } # the internal frontend's monitor-uri
haproxy_ready() { [[ -n $(haproxy_pid) ]] && haproxy_health; }     # ours wrote its pid file and answers
haproxy_launched() { pid_alive "$HAPROXY_LAUNCH_PID"; }             # what haproxy_start launched or reused

# What a running HAProxy was started with: restart it when this changes.
haproxy_sum() {
  cat "$HAPROXY_CFG" "$ROOT/docker/haproxy/errors/503.http" "$HAPROXY_PEM" 2>/dev/null | cksum | cut -d' ' -f1
  echo "$HAPROXY_HTTP_PORT $HAPROXY_HTTPS_PORT $HAPROXY_INTERNAL_PORT"
}

haproxy_cert() { # self-signed certificate for localhost, made once per profile
  bash "$ROOT/scripts/edge-cert.sh" "$HAPROXY_DIR" >/dev/null || die "haproxy: openssl could not make a certificate"
}

haproxy_cli() { # haproxy_cli "command; command": runtime API over the admin socket
  node -e '
    const s = require("net").connect(process.argv[1]);
    let out = "";
    s.setTimeout(5000, () => { console.error("haproxy: admin socket timeout"); process.exit(1); });
    s.on("error", (e) => { console.error("haproxy: " + e.message); process.exit(1); });
    s.on("data", (d) => (out += d));
    s.on("end", () => process.stdout.write(out));
    s.end(process.argv[2] + "\n");
  ' "$HAPROXY_SOCK" "$1"
}

haproxy_start() {
  [[ -n $HAPROXY_BIN && -n $OPENSSL_BIN ]] || die "haproxy not installed (run: scripts/stack.sh up)"
  local pid
  haproxy_cert
  pid=$(haproxy_pid)
  if [[ -n $pid && $(cat "$HAPROXY_DIR/haproxy.sum" 2>/dev/null) != "$(haproxy_sum)" ]]; then
    haproxy_stop >/dev/null
    pid=''
  fi
  if [[ -n $pid ]] && haproxy_health; then
    svc_line haproxy "127.0.0.1:$HAPROXY_HTTPS_PORT up (reused, https; http $HAPROXY_HTTP_PORT, internal $HAPROXY_INTERNAL_PORT)"
    return 0
  fi
  if [[ -z $pid ]]; then
    local p
    for p in "$HAPROXY_HTTP_PORT" "$HAPROXY_HTTPS_PORT" "$HAPROXY_INTERNAL_PORT"; do
      port_open "$p" && die "haproxy: port 127.0.0.1:$p is in use by another process, set HEXA_HAPROXY_HTTP_PORT / HEXA_HAPROXY_HTTPS_PORT / HEXA_HAPROXY_INTERNAL_PORT"
    done
    local servers
    read -ra servers <<<"$(haproxy_servers)"
    ((${#servers[@]} == 2)) || die "haproxy: expected two servers, got '${servers[*]}'"
    rm -f "$HAPROXY_SOCK" "$HAPROXY_DIR/haproxy.pid"
    launch_clean setsid nohup env HEXA_LOCAL=1 \
      HAPROXY_HTTP_BIND="127.0.0.1:$HAPROXY_HTTP_PORT" HAPROXY_HTTPS_BIND="127.0.0.1:$HAPROXY_HTTPS_PORT" \
      HAPROXY_HTTPS_PORT="$HAPROXY_HTTPS_PORT" HAPROXY_INTERNAL_BIND="127.0.0.1:$HAPROXY_INTERNAL_PORT" \
      HAPROXY_CERT="$HAPROXY_PEM" HAPROXY_ADMIN_SOCKET="$HAPROXY_SOCK" \
      HAPROXY_API1="${servers[0]}" HAPROXY_API2="${servers[1]}" \
      "$HAPROXY_BIN" -W -db -f "$HAPROXY_CFG" -p "$HAPROXY_DIR/haproxy.pid" </dev/null >>"$HAPROXY_DIR/haproxy.log" 2>&1 9>&- &
    pid=$! # the launching subshell until HAProxy wrote its own pid file
    haproxy_sum >"$HAPROXY_DIR/haproxy.sum"
  fi
  HAPROXY_LAUNCH_PID=$pid
  wait_started haproxy 15 "$HAPROXY_DIR/haproxy.log" haproxy_launched haproxy_ready
  svc_line haproxy "127.0.0.1:$HAPROXY_HTTPS_PORT up (started, https; http $HAPROXY_HTTP_PORT, internal $HAPROXY_INTERNAL_PORT)"
}

haproxy_stop() {
  local pid
  pid=$(haproxy_pid)
  if [[ -z $pid ]]; then
    rm -f "$HAPROXY_DIR/haproxy.pid"
    STOPPED=not-running
    stopped_line haproxy "$HAPROXY_HTTPS_PORT"
    return 0
  fi
  # soft stop: listeners close, connections in flight finish (hard-stop-after 10s)
  kill -USR1 "$pid" 2>/dev/null || true
  wait_stopped haproxy "$pid" 12
  rm -f "$HAPROXY_DIR/haproxy.pid" "$HAPROXY_SOCK"
  STOPPED=stopped
  stopped_line haproxy "$HAPROXY_HTTPS_PORT"
}

haproxy_status() {
  local pid
  pid=$(haproxy_pid)
  if [[ -n $pid ]] && haproxy_health; then
    svc_line haproxy "127.0.0.1:$HAPROXY_HTTPS_PORT running (pid $pid, https; http $HAPROXY_HTTP_PORT, internal $HAPROXY_INTERNAL_PORT; servers $(haproxy_servers))"
  else
    svc_line haproxy "127.0.0.1:$HAPROXY_HTTPS_PORT not running"
  fi
}

# lb-servers [HOST:PORT HOST:PORT]: sets (and remembers) where api1 and api2
# are; a running HAProxy follows at once through its runtime API. Without
# arguments, prints the servers and their state (UP, DOWN, MAINT...).
cmd_lb_servers() {
  if ((${#ARGS[@]} == 0)); then
    local pid
    pid=$(haproxy_pid)
    if [[ -z $pid ]]; then
      echo "haproxy not running; servers $(haproxy_servers)"
      return 0
    fi
    haproxy_cli "show stat" | awk -F, '$1 == "api" && $2 ~ /^api[0-9]$/ { print $2, $74, $18 }'
    return 0
  fi
  ((${#ARGS[@]} == 2)) || die "usage: stack.sh lb-servers HOST:PORT HOST:PORT"
  local a i=1 cmds=''
  for a in "${ARGS[@]}"; do
    [[ $a =~ ^([A-Za-z0-9.-]+):([0-9]+)$ ]] || die "lb-servers: '$a' is not HOST:PORT"
    cmds+="${cmds:+; }set server api/api$i addr ${BASH_REMATCH[1]} port ${BASH_REMATCH[2]}; set server api/api$i state ready"
    i=$((i + 1))
  done
  mkdir -p "$HAPROXY_DIR"
  echo "${ARGS[*]}" >"$HAPROXY_SERVERS"
  if [[ -n $(haproxy_pid) ]]; then
    haproxy_cli "$cmds" | grep -v '^$' || true
  fi
  echo "haproxy servers: ${ARGS[*]}"
}
