#!/bin/bash
# First start of mysql-primary only. The member-key vault (ADR 0035) lives in
# its own schema beside the shop database, so that the shop database's backups
# never contain the keys that erasure destroys. The image grants the
# application user MYSQL_DATABASE.* only: this adds the vault. Replicated like
# the statements before it. Sourced or executed: no `exit`, no `set -u`.

hexashop_vault_init() {
	local vault="${MYSQL_DATABASE:-hexashop}_keys"
	echo "hexashop: creating the member-key vault schema '${vault}'"
	mysql --defaults-extra-file=<(printf '[client]\nuser=root\npassword="%s"\n' "${MYSQL_ROOT_PASSWORD}") \
		--protocol=socket --batch <<-SQL
		CREATE DATABASE IF NOT EXISTS \`${vault}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		GRANT ALL PRIVILEGES ON \`${vault}\`.* TO '${MYSQL_USER}'@'%';
	SQL
}

hexashop_vault_init
