import { Module } from '@nestjs/common';
import { TypeOrmUserDirectory } from './adapters/persistence/typeorm-user.directory';
import { UserDirectory } from './application/ports/user-directory.port';

/** Identity's read-only directory for other modules; no routes, so the worker can import it. */
@Module({
  providers: [{ provide: UserDirectory, useClass: TypeOrmUserDirectory }],
  exports: [UserDirectory],
})
export class IdentityDirectoryModule {}
