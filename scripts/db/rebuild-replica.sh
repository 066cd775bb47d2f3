#!/usr/bin/env bash
# scripts/db/rebuild-replica.sh <primary|replica> [--from <instance>] [--profile dev|test]
# After a failover: wipes the old primary's instance, clones the new primary
# into it (consistent dump with its GTID position) and makes it a semi-sync
# replica of the new primary. See docs/runbook.md, "Primary down and failover".
set -euo pipefail
exec bash "$(dirname -- "${BASH_SOURCE[0]}")/../stack.sh" rebuild-replica "$@"
