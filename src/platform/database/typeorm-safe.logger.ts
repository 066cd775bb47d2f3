import { Logger as NestLogger } from '@nestjs/common';
import { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's loggers print query parameters, which hold password hashes and
 * tokens: this one never logs parameters, only the SQL text of failed and
 * slow statements (cut to 300 characters), migrations and warnings. The SQL
 * text itself is not scrubbed: values must reach MySQL as parameters, never
 * spliced into the statement, or they would show up here. The driver's error
 * message is logged as it is and may quote a value (e.g. a duplicate key).
 */
export class TypeOrmSafeLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn(
      `query failed: ${typeof error === 'string' ? error : error.message} -- ${truncate(query)}`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${truncate(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}

function truncate(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}
