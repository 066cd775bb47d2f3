# shellcheck shell=bash
# Checkers of the deploy files that npm test runs (test profile only; no
# service): promtool (Debian `prometheus`), amtool (`prometheus-alertmanager`),
# `haproxy -c`, `docker-compose config -q` (Debian's docker-compose 1.29), and
# the exporters whose real metric names the dashboard test reads
# (`prometheus-mysqld-exporter`, `prometheus-redis-exporter`,
# `prometheus-node-exporter`). Installed by `up` when missing, like the services.

checks_bins() {
  local bin
  for bin in promtool amtool haproxy docker-compose prometheus-mysqld-exporter prometheus-redis-exporter prometheus-node-exporter; do
    find_bin "$bin" >/dev/null || return 1
  done
}
if [[ $PROFILE == test ]]; then
  PACKAGES+=("checks_bins:prometheus prometheus-alertmanager haproxy docker-compose prometheus-mysqld-exporter prometheus-redis-exporter prometheus-node-exporter")
fi
