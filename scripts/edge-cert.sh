#!/usr/bin/env bash
# Self-signed TLS certificate for HAProxy at the edge, for local use only
# (localhost, 127.0.0.1; EC P-256, 825 days). Never committed: the local stack
# makes one under .local/<profile>/haproxy/ on first start, compose reads
# docker/haproxy/certs/hexashop.pem (git-ignored). Production mounts a real one.
#
#   scripts/edge-cert.sh DIR [--compose]   writes DIR/hexashop.pem (cert + key,
#        for HAProxy, mode 600) and DIR/hexashop.crt (what clients trust) unless
#        both exist; --compose makes the pem readable by the image's haproxy user
set -euo pipefail
dir=${1:?usage: scripts/edge-cert.sh DIR}
[[ -s $dir/hexashop.pem && -s $dir/hexashop.crt ]] && exit 0
mkdir -p "$dir"
key=$(mktemp)
trap 'rm -f "$key"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
  -subj "/CN=localhost/O=hexashop local" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$key" -out "$dir/hexashop.crt" >/dev/null 2>&1
(
  umask 077
  cat "$dir/hexashop.crt" "$key" >"$dir/hexashop.pem"
)
# The compose image runs HAProxy as an unprivileged user: let it read the key.
[[ ${2:-} == --compose ]] && chmod 644 "$dir/hexashop.pem"
echo "edge certificate: $dir/hexashop.pem"
