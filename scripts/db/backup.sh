#!/usr/bin/env bash
# `npm run db:backup`: an online, consistent physical backup of the primary.
#
#   scripts/db/backup.sh [--profile dev|test|bench] [--no-retention]
#
# 1. mariadb-backup --backup of the running primary (InnoDB copied while it
#    writes; BACKUP STAGE BLOCK_COMMIT only for the final instant, so the
#    binlog position and GTID recorded match the data exactly), without the
#    member-key vault schema (MEMBER_KEYS_SCHEMA, default <db>_keys: ADR 0035);
# 2. mariadb-backup --prepare, so the copy is a ready data directory;
# 3. manifest.json: time, GTID and binlog position, sizes and SHA-256 of every
#    file, tool and server versions, durations;
# 4. the binlog archive is synced (scripts/db/binlog.sh sync), so a
#    point-in-time restore can start from this backup;
# 5. retention: keeps the newest BACKUP_KEEP backups (default 7) and drops
#    any older than BACKUP_MAX_AGE_DAYS (default 14) - the newest is always
#    kept; archived binlogs older than the oldest kept backup go with it.
#
# The backup lands in $BACKUP_DIR/full/<UTC time>/ (default
# .local/<profile>/backups); it is written under .partial-<time>/ and renamed
# only once complete. Prints the directory, GTID, size and duration.
set -euo pipefail
DB_TOOL=db:backup
# shellcheck source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh" "$@"

RETENTION=1
for a in "${ARGS[@]}"; do
  case $a in
    --no-retention) RETENTION=0 ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument: $a (see --help)" ;;
  esac
done
KEEP=${BACKUP_KEEP:-7}
MAX_AGE_DAYS=${BACKUP_MAX_AGE_DAYS:-14}
[[ $KEEP =~ ^[0-9]+$ ]] && ((KEEP >= 1)) || die "BACKUP_KEEP must be a whole number >= 1"
[[ $MAX_AGE_DAYS =~ ^[0-9]+$ ]] || die "BACKUP_MAX_AGE_DAYS must be a whole number of days"

ensure_packages
need_db_bins
inst_vars primary
db_ping || die "primary is not running on 127.0.0.1:$PRIMARY_PORT (bash scripts/stack.sh --profile $PROFILE up)"

NAME=$(date -u +%Y%m%dT%H%M%S%3NZ)
WORK=$BACKUP_DIR/.partial-$NAME
DEST=$FULL_DIR/$NAME
mkdir -p "$FULL_DIR" "$WORK"
trap 'rm -rf "$WORK"' EXIT

t0=$(now_ms)
started_at=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
# [client] of the primary's option file: root through the unix socket; the
# datadir comes from its [mysqld] group
if ! "$MARIADB_BACKUP" --defaults-file="$I_CNF" --backup --target-dir="$WORK/data" \
  --user="$DB_OS_USER" --socket="$I_SOCK" --databases-exclude="$VAULT_SCHEMA" \
  --parallel=2 >"$WORK/backup.log" 2>&1; then
  tail -n 15 "$WORK/backup.log" >&2
  die "mariadb-backup --backup failed"
fi
t1=$(now_ms)
if ! "$MARIADB_BACKUP" --prepare --target-dir="$WORK/data" >"$WORK/prepare.log" 2>&1; then
  tail -n 15 "$WORK/prepare.log" >&2
  die "mariadb-backup --prepare failed"
fi
t2=$(now_ms)

info_file=$WORK/data/mariadb_backup_binlog_info
[[ -f $info_file ]] || info_file=$WORK/data/xtrabackup_binlog_info
[[ -f $info_file ]] || die "no binlog position in the backup (is log-bin on?)"
read -r binlog_file binlog_pos gtid <"$info_file" || true
[[ -n $binlog_file && -n $binlog_pos ]] || die "unreadable $info_file"

server_version=$(dbq primary 'SELECT @@version')
backup_version=$("$MARIADB_BACKUP" --version 2>&1 | head -1)
M_NAME=$NAME M_PROFILE=$PROFILE M_STARTED=$started_at M_PORT=$PRIMARY_PORT M_DB=$DB_NAME \
  M_EXCLUDED=$VAULT_SCHEMA M_FILE=$binlog_file M_POS=$binlog_pos M_GTID=${gtid:-} \
  M_BACKUP_MS=$((t1 - t0)) M_PREPARE_MS=$((t2 - t1)) M_SERVER=$server_version \
  M_TOOL=$backup_version node -e '
const e = process.env;
const info = {
  name: e.M_NAME,
  profile: e.M_PROFILE,
  startedAt: e.M_STARTED,
  finishedAt: new Date().toISOString(),
  source: { host: "127.0.0.1", port: Number(e.M_PORT), database: e.M_DB },
  excludedDatabases: [e.M_EXCLUDED],
  binlog: { file: e.M_FILE, position: Number(e.M_POS), gtid: e.M_GTID },
  durationsMs: { backup: Number(e.M_BACKUP_MS), prepare: Number(e.M_PREPARE_MS) },
  tools: { server: e.M_SERVER, mariadbBackup: e.M_TOOL },
};
require("fs").writeFileSync(process.argv[1], JSON.stringify(info));
' "$WORK/info.json"
read -r files bytes < <(node "$DB_SCRIPT_DIR/manifest.js" write "$WORK" "$WORK/info.json")
rm -f "$WORK/info.json"
t3=$(now_ms)
mv "$WORK" "$DEST"
trap - EXIT

# the binlogs from this backup's position on, for point-in-time restores
bash "$DB_SCRIPT_DIR/binlog.sh" --profile "$PROFILE" sync >/dev/null || log "warning: binlog archive sync failed"

if ((RETENTION)); then
  now_s=$(date +%s)
  i=0
  for d in $(find "$FULL_DIR" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -r); do
    [[ -f $FULL_DIR/$d/manifest.json ]] || continue
    i=$((i + 1))
    ((i == 1)) && continue # the newest is always kept
    age_days=$(((now_s - $(stat -c %Y "$FULL_DIR/$d/manifest.json")) / 86400))
    if ((i > KEEP || age_days >= MAX_AGE_DAYS)) && ((MAX_AGE_DAYS > 0 || i > KEEP)); then
      rm -rf "${FULL_DIR:?}/$d"
      echo "retention: removed backup $d"
    fi
  done
  # archived binlogs before the oldest kept backup's file are no longer needed
  oldest=$(find "$FULL_DIR" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | head -1)
  if [[ -n $oldest && -d $BINLOG_ARCHIVE ]]; then
    first_needed=$(manifest_field "$FULL_DIR/$oldest" binlog.file)
    for f in $(find "$BINLOG_ARCHIVE" -maxdepth 1 -type f -name '*.[0-9]*' -printf '%f\n' | sort); do
      [[ $f < $first_needed ]] && rm -f "${BINLOG_ARCHIVE:?}/$f"
    done
  fi
fi

mib=$(((bytes + 524287) / 1048576))
echo "backup $DEST"
echo "  gtid ${gtid:-none} at $binlog_file:$binlog_pos, $files files, $mib MiB"
echo "  backup $(secs "$t0" "$t1") s, prepare $(secs "$t1" "$t2") s, manifest $(secs "$t2" "$t3") s, total $(secs "$t0" "$(now_ms)") s"
