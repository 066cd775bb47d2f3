# shellcheck shell=bash
# Shared by scripts/db/{backup,restore,binlog}.sh: profile and ports of the
# stack (scripts/stack/common.sh + mariadb.sh), the backup layout and the
# mariadb-backup package check.
#
# Layout under BACKUP_DIR (default .local/<profile>/backups):
#   full/<UTC time>/          one prepared mariadb-backup per directory
#     data/                   the prepared data directory (copy-back source)
#     manifest.json           time, GTID, binlog position, sizes, SHA-256 of every file
#   binlog/                   archived binary logs of the primary (PITR)
#   .partial-<time>/          a backup being taken (never used by a restore)

DB_SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
SCRIPT_DIR=$(dirname -- "$DB_SCRIPT_DIR")
ROOT=$(dirname -- "$SCRIPT_DIR")
TOOL=${DB_TOOL:-db}

# Sourced with the script's arguments: --profile is taken out here (the
# profile must be known before the stack files are sourced); the rest is ARGS.
# shellcheck source=../stack/common.sh
source "$SCRIPT_DIR/stack/common.sh"
split_profile_args "$@"
use_profile
# shellcheck source=../stack/mariadb.sh
source "$SCRIPT_DIR/stack/mariadb.sh"

log() { echo "$TOOL: $*" >&2; }

BACKUP_DIR=${BACKUP_DIR:-$BASE/backups}
[[ $BACKUP_DIR == /* ]] || BACKUP_DIR=$ROOT/$BACKUP_DIR
FULL_DIR=$BACKUP_DIR/full
BINLOG_ARCHIVE=$BACKUP_DIR/binlog
# The member-key vault stays out of the shop backups (ADR 0032/0035).
VAULT_SCHEMA=${MEMBER_KEYS_SCHEMA:-${DB_NAME}_keys}

# Restore instances: offsets +8 and +9 of the profile's ports (defaults
# 3324/3325 dev, 3334/3335 test, 3374/3375 bench).
profile_port RESTORE_PORT HEXA_RESTORE_PORT 8 3324 3334 3374
profile_port RESTORE_PORT_2 HEXA_RESTORE_PORT_2 9 3325 3335 3375

MARIADB_BACKUP='' MARIADB_BINLOG=''
backup_bins() {
  MARIADB_BACKUP=$(find_bin mariadb-backup mariabackup || true)
  MARIADB_BINLOG=$(find_bin mariadb-binlog mysqlbinlog || true)
  [[ -n $MARIADB_BACKUP && -n $MARIADB_BINLOG ]]
}
backup_bins || true
PACKAGES+=("backup_bins:mariadb-backup mariadb-client")

# primary_repl_args: mariadb-binlog options to read the primary's binlogs remotely
primary_repl_args() {
  printf '%s\n' --read-from-remote-server --host=127.0.0.1 --port="$PRIMARY_PORT" \
    --user="$REPL_USER" --password="$REPL_PASSWORD"
}

# latest_backup: name of the newest complete backup, or nothing
latest_backup() {
  local d
  [[ -d $FULL_DIR ]] || return 0
  for d in $(find "$FULL_DIR" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -r); do
    [[ -f $FULL_DIR/$d/manifest.json ]] && {
      echo "$d"
      return 0
    }
  done
  return 0
}

# manifest_field DIR KEY: a top-level value of DIR/manifest.json
manifest_field() {
  node -e 'const m=JSON.parse(require("fs").readFileSync(process.argv[1]+"/manifest.json","utf8"));const v=process.argv[2].split(".").reduce((o,k)=>o==null?o:o[k],m);process.stdout.write(v==null?"":String(v))' "$1" "$2"
}

secs() { # secs START_MS END_MS -> seconds with 2 decimals
  local d=$(($2 - $1))
  printf '%d.%02d' $((d / 1000)) $((d % 1000 / 10))
}
