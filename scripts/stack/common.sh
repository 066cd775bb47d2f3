# shellcheck shell=bash
# Shared by scripts/stack.sh, scripts/db/lib.sh and every service file: errors,
# the --profile argument, profile and port derivation, process helpers, the
# profile lock and package installation. Sourced with ROOT and SCRIPT_DIR set
# and TOOL (the command's name in messages); the caller parses
# its arguments with take_profile_arg / split_profile_args, then calls
# use_profile before it sources the service files.

PROFILE=${STACK_PROFILE:-dev}

die() {
  echo "$TOOL: $*" >&2
  exit 1
}

# ---------------------------------------------------------------- profile
# take_profile_arg "$@": when $1 is `--profile VALUE`, `-p VALUE` or
# `--profile=VALUE`, sets PROFILE and PROFILE_SHIFT (the words it took) and
# succeeds; otherwise fails and changes nothing.
take_profile_arg() {
  case ${1:-} in
    --profile | -p)
      (($# >= 2)) || die "--profile needs a value"
      PROFILE=$2
      PROFILE_SHIFT=2
      ;;
    --profile=*)
      PROFILE=${1#*=}
      PROFILE_SHIFT=1
      ;;
    *) return 1 ;;
  esac
}

# split_profile_args "$@": takes every --profile out of the arguments (the
# last one wins); the others, in their order, go to the array ARGS.
split_profile_args() {
  ARGS=()
  while (($#)); do
    if take_profile_arg "$@"; then
      shift "$PROFILE_SHIFT"
    else
      ARGS+=("$1")
      shift
    fi
  done
}

# use_profile: checks PROFILE and sets BASE (.local/<profile>), which the
# service files need when they are sourced.
use_profile() {
  case $PROFILE in
    dev | test | bench) ;;
    *) die "unknown profile '$PROFILE' (dev|test|bench)" ;;
  esac
  BASE=$ROOT/.local/$PROFILE
}

# by_profile DEV TEST BENCH: the value for the current profile
by_profile() {
  case $PROFILE in
    dev) echo "$1" ;;
    test) echo "$2" ;;
    bench) echo "$3" ;;
  esac
}

# profile_port VAR OVERRIDE OFFSET DEV TEST BENCH: sets VAR to the port of a
# service. HEXA_PORT_BASE=N moves every port of the profile to N..N+9 (primary
# N, replica N+1, Redis N+2, SMTP N+3, SMTP HTTP N+4; N+5..N+9 for services
# added later), so several checkouts can run their stacks side by side. The
# service's own HEXA_*_PORT (OVERRIDE names it) still wins over it.
profile_port() {
  local var=$1 override=$2 offset=$3 port
  if [[ -n ${!override:-} ]]; then
    port=${!override}
  elif [[ -n ${HEXA_PORT_BASE:-} ]]; then
    [[ $HEXA_PORT_BASE =~ ^[0-9]+$ ]] || die "invalid HEXA_PORT_BASE: $HEXA_PORT_BASE"
    port=$((HEXA_PORT_BASE + offset))
  else
    port=$(by_profile "$4" "$5" "$6")
  fi
  [[ $port =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "invalid port: $port"
  printf -v "$var" '%s' "$port"
}

IS_ROOT=0
((EUID == 0)) && IS_ROOT=1

# ---------------------------------------------------------------- processes
now_ms() {
  local t=${EPOCHREALTIME/[.,]/}
  echo $((t / 1000))
}

# port_open PORT: something listens on 127.0.0.1:PORT
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# http_ok PORT PATH: GET http://127.0.0.1:PORT/PATH answers 200 (bash only, 2 s)
http_ok() {
  local line
  line=$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
    IFS= read -r -t 2 l <&3 && printf '%s' "$l"
  ) || return 1
  [[ $line == HTTP/1.[01]\ 200* ]]
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

# wait_started NAME SECONDS LOG ALIVE READY...: runs the command READY (with
# its arguments) every 50 ms until it succeeds. Gives up after SECONDS, or
# when the command ALIVE (asked every 0.5 s, so a daemon has time to write its
# pid file; "-" asks nothing) fails: prints the last 20 lines of LOG and dies.
wait_started() {
  local name=$1 secs=$2 log=$3 alive=$4 i=0
  shift 4
  local deadline=$(($(now_ms) + secs * 1000))
  until "$@"; do
    i=$((i + 1))
    if (($(now_ms) > deadline)) || { [[ $alive != - ]] && ((i % 10 == 0)) && ! "$alive"; }; then
      echo "---- last 20 lines of $log" >&2
      tail -n 20 "$log" >&2 || true
      die "$name did not start within $secs s (log: $log)"
    fi
    sleep 0.05
  done
}

# wait_stopped NAME PID SECONDS [PORT]: after a stop request, waits until PID
# is gone (and nothing listens on PORT any more); after SECONDS, SIGKILL, and
# dies if PORT is still open.
wait_stopped() {
  local name=$1 pid=$2 secs=$3 port=${4:-}
  local deadline=$(($(now_ms) + secs * 1000))
  while pid_alive "$pid" || { [[ -n $port ]] && port_open "$port"; }; do
    if (($(now_ms) > deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.1
      [[ -n $port ]] && port_open "$port" && die "$name: port $port still open"
      break
    fi
    sleep 0.02
  done
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

SSD=$(find_bin start-stop-daemon || true)

# ---------------------------------------------------------------- packages
# Each service file registers "CHECK_FUNCTION:debian-package ..." here; the
# check answers whether its binaries are present (and re-resolves them).
PACKAGES=()

ensure_packages() {
  local entry check missing=() names=()
  for entry in "${PACKAGES[@]}"; do
    check=${entry%%:*}
    "$check" || {
      read -ra names <<<"${entry#*:}"
      missing+=("${names[@]}")
    }
  done
  ((${#missing[@]})) || return 0
  if ((!IS_ROOT)); then
    die "binaries missing and not root: skipping apt-get. Install them yourself, e.g.
  sudo apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  command -v apt-get >/dev/null || die "binaries missing (${missing[*]}) and no apt-get on this machine"
  echo "packages: installing ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  for entry in "${PACKAGES[@]}"; do
    "${entry%%:*}" || die "packages installed but binaries still missing (${entry#*:})"
  done
}

# ---------------------------------------------------------------- lock, output
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

svc_line() { printf '%-8s %s\n' "$1" "$2"; }

stopped_line() { # stopped_line SVC PORT: the line after a stop, from $STOPPED
  if [[ $STOPPED == stopped ]]; then
    svc_line "$1" "127.0.0.1:$2 stopped"
  else
    svc_line "$1" "127.0.0.1:$2 not running"
  fi
}
