#!/usr/bin/env bash
# Personal-data keys of a local profile (ADR 0032): prints DATA_KEYS=… and
# BLIND_INDEX_KEY=… lines, generated once into DIR/personal-data-keys.env
# (git-ignored, mode 600) and reused afterwards, so data written by an
# earlier run stays readable. Used by up.sh, test.sh and bench.sh; a variable
# already set in the environment is left to the caller (they export only
# what is unset).
#
#   scripts/data-keys.sh DIR
set -euo pipefail
dir=${1:?usage: data-keys.sh DIR}
file=$dir/personal-data-keys.env
mkdir -p "$dir"
if [[ ! -s $file ]]; then
  (
    umask 077
    node -e '
      const { randomBytes } = require("node:crypto");
      const key = () => randomBytes(32).toString("base64");
      process.stdout.write(`DATA_KEYS=k1:${key()}\nBLIND_INDEX_KEY=${key()}\n`);
    ' >"$file.tmp"
    mv -f "$file.tmp" "$file"
  )
fi
cat "$file"
