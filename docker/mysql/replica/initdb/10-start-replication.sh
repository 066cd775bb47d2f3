#!/bin/bash
# First start of mysql-replica only (empty data directory). The official image
# runs this inside its temporary init server (socket only, no TCP) after it has
# set the root password. compose starts this container only once mysql-primary
# is healthy, i.e. once the primary's own init (users, replication user) is done.
#
# It may be executed or sourced by the entrypoint (sourced when the file is not
# executable), so: no `exit`, no `set -u`, everything inside a function.
#
# Why the replica does not get MYSQL_DATABASE / MYSQL_USER: the primary's
# CREATE DATABASE, CREATE USER 'hexashop' and GRANTs are in its binary log and
# arrive here through replication. Creating them locally as well would make
# the replicated CREATE USER fail (error 1396) and stop the applier.
#
# Errant GTIDs: the image's root-password statements run with sql_log_bin=0 and
# the time zone tables are skipped here (MYSQL_INITDB_SKIP_TZINFO; they arrive
# from the primary), so this server should have executed nothing of its own.
# RESET BINARY LOGS AND GTIDS makes sure of it: gtid_executed is empty, so
# auto-positioning asks the primary for its whole history and the replica never
# holds a transaction the primary lacks (which would block a later failover).

hexashop_replica_init() {
	local source_host="${MYSQL_SOURCE_HOST:-mysql-primary}"
	local source_port="${MYSQL_SOURCE_PORT:-3306}"
	local repl_user="${MYSQL_REPLICATION_USER:-repl}"
	local repl_password="${MYSQL_REPLICATION_PASSWORD:?MYSQL_REPLICATION_PASSWORD is required}"

	echo "hexashop: replicating from ${source_host}:${source_port} (GTID auto-position)"
	mysql --defaults-extra-file=<(printf '[client]\nuser=root\npassword="%s"\n' "${MYSQL_ROOT_PASSWORD}") \
		--protocol=socket --batch <<-SQL
		RESET BINARY LOGS AND GTIDS;

		CHANGE REPLICATION SOURCE TO
		  SOURCE_HOST = '${source_host}',
		  SOURCE_PORT = ${source_port},
		  SOURCE_USER = '${repl_user}',
		  SOURCE_PASSWORD = '${repl_password}',
		  SOURCE_AUTO_POSITION = 1,
		  -- TLS for the connection (the replication user REQUIRE SSL);
		  -- GET_SOURCE_PUBLIC_KEY lets caching_sha2_password work even if
		  -- someone turns SOURCE_SSL off.
		  SOURCE_SSL = 1,
		  GET_SOURCE_PUBLIC_KEY = 1,
		  SOURCE_CONNECT_RETRY = 5,
		  SOURCE_RETRY_COUNT = 17280,
		  SOURCE_HEARTBEAT_PERIOD = 5;

		-- Starts the receiver now; after the image restarts the server for
		-- good, the replication threads start again on their own.
		START REPLICA;

		-- Last step of init: from now on not even root can write here by
		-- accident; only the replication applier writes. Persisted in
		-- mysqld-auto.cnf so it survives restarts.
		SET PERSIST super_read_only = ON;
	SQL
}

hexashop_replica_init
