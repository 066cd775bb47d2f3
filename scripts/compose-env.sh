#!/usr/bin/env bash
# Prints a complete .env for docker-compose.yml with freshly generated secrets:
#   bash scripts/compose-env.sh > .env
# Every password is random (URL-safe, it goes into DATABASE_URL); the admin
# password is printed once here and lives only in .env. Needs openssl.
set -euo pipefail
command -v openssl >/dev/null || { echo "compose-env.sh: openssl is required" >&2; exit 1; }
rand() { openssl rand -base64 "$1" | tr -d '\n=' | tr '+/' '-_'; }
cat <<ENV
JWT_SECRET=$(rand 48)
ADMIN_EMAIL=${ADMIN_EMAIL:-admin@hexashop.local}
ADMIN_PASSWORD=Aa1!$(rand 18)
MYSQL_ROOT_PASSWORD=$(rand 24)
MYSQL_PASSWORD=$(rand 24)
MYSQL_REPLICATION_PASSWORD=$(rand 24)
MYSQL_EXPORTER_PASSWORD=$(rand 24)
GRAFANA_ADMIN_PASSWORD=$(rand 18)
DATA_KEYS=k1:$(openssl rand -base64 32)
BLIND_INDEX_KEY=$(openssl rand -base64 32)
ALERT_EMAIL_TO=${ALERT_EMAIL_TO:-oncall@hexashop.local}
ENV
