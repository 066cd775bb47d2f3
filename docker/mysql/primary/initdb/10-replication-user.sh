#!/bin/bash
# First start of mysql-primary only (empty data directory). The official image
# runs this inside its temporary init server (socket only, no TCP), after it
# has set the root password and created MYSQL_DATABASE / MYSQL_USER.
#
# It may be executed or sourced by the entrypoint (sourced when the file is not
# executable), so: no `exit`, no `set -u`, everything inside a function.
#
# These statements ARE written to the binary log, on purpose, like the image's
# CREATE DATABASE / CREATE USER before them: the replica starts from an empty
# GTID set and replays the primary's log from its first event, which is how the
# application user, its grants and this replication user reach the replica.
# The application user needs nothing beyond the image's GRANT ALL ON hexashop.*:
# replica lag is measured with a heartbeat table, not SHOW REPLICA STATUS.

hexashop_primary_init() {
	local repl_user="${MYSQL_REPLICATION_USER:-repl}"
	local repl_password="${MYSQL_REPLICATION_PASSWORD:?MYSQL_REPLICATION_PASSWORD is required}"

	echo "hexashop: creating replication user '${repl_user}'"
	mysql --defaults-extra-file=<(printf '[client]\nuser=root\npassword="%s"\n' "${MYSQL_ROOT_PASSWORD}") \
		--protocol=socket --batch <<-SQL
		-- caching_sha2_password is the 8.4 default (mysql_native_password is off);
		-- REQUIRE SSL so the password exchange always runs over TLS (the replica
		-- connects with SOURCE_SSL=1; the image creates server certificates at init).
		CREATE USER '${repl_user}'@'%'
		  IDENTIFIED WITH caching_sha2_password BY '${repl_password}'
		  REQUIRE SSL;
		GRANT REPLICATION SLAVE ON *.* TO '${repl_user}'@'%';
	SQL
}

hexashop_primary_init
