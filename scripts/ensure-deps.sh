#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.install-stamp
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ "$stamp" -nt package.json ]; then
  exit 0
fi
echo "deps: npm install"
# `npm ci` is stricter, but this registry mirror lacks other platforms' optional
# packages, which `npm ci` insists on; `npm install` honours the lock file too.
npm install --no-audit --no-fund --loglevel=error
touch "$stamp"
