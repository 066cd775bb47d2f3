#!/usr/bin/env bash
# npm run db:failover [-- --profile dev|test] [--from primary] [--to replica]
# Promotes the replica of the local stack in place of its primary (ADR 0016):
# fences the old primary, waits until the replica applied everything it
# received, stops replication and turns read_only off. Running API instances
# move their writes to the new primary by themselves (DatabaseTopology).
# Afterwards: scripts/db/rebuild-replica.sh <old primary instance>.
# Compose and Kubernetes equivalents: docs/runbook.md, "Primary down and failover".
set -euo pipefail
exec bash "$(dirname -- "${BASH_SOURCE[0]}")/../stack.sh" failover "$@"
