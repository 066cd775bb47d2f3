import { Logger as NestLogger } from '@nestjs/common';
import { Logger as TypeOrmLogger } from 'typeorm';
import { safeErrorMessage, sqlText } from '../observability/safe-error';

/**
 * TypeORM's loggers print query parameters, which hold password hashes and
 * tokens: this one never logs parameters, only the SQL text of failed and
 * slow statements (cut to 300 characters), migrations and warnings. The SQL
 * text itself is not scrubbed: values must reach MySQL as parameters, never
 * spliced into the statement, or they would show up here. The driver's error
 * message quotes values (`Duplicate entry '<e-mail>' for key ...`): only its
 * code, errno and SQL state are logged (safe-error.ts).
 */
export class TypeOrmSafeLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    // A string error is the driver's message alone: nothing in it is safe to keep.
    const what = typeof error === 'string' ? 'database error' : safeErrorMessage(error);
    this.logger.warn(`query failed: ${what} -- ${sqlText(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${sqlText(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
