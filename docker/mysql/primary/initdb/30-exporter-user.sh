#!/bin/bash
# First start of mysql-primary only: the read-only account mysqld_exporter
# logs in with (compose services mysqld-exporter-primary/-replica). Written to
# the binary log like the users of 10-replication-user.sh, so it reaches the
# replica too. Rules as there: no `exit`, no `set -u`, everything in a function.
# PROCESS, REPLICATION CLIENT and SELECT are what mysqld_exporter documents for
# its default collectors (global status/variables, replica status, binlog size);
# at most 3 connections so a stuck exporter cannot take the server's.

hexashop_exporter_init() {
	local exporter_password="${MYSQL_EXPORTER_PASSWORD:?MYSQL_EXPORTER_PASSWORD is required}"

	echo "hexashop: creating the metrics user 'exporter'"
	mysql --defaults-extra-file=<(printf '[client]\nuser=root\npassword="%s"\n' "${MYSQL_ROOT_PASSWORD}") \
		--protocol=socket --batch <<-SQL
		CREATE USER 'exporter'@'%'
		  IDENTIFIED WITH caching_sha2_password BY '${exporter_password}'
		  WITH MAX_USER_CONNECTIONS 3;
		GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'%';
	SQL
}

hexashop_exporter_init
