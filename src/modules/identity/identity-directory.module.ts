import { Module } from '@nestjs/common';
import { TypeOrmAddressReadModel } from './adapters/persistence/typeorm-address.read-model';
import { TypeOrmUserDirectory } from './adapters/persistence/typeorm-user.directory';
import { AddressReadModel } from './application/ports/address.read-model.port';
import { UserDirectory } from './application/ports/user-directory.port';
import { HmacMemberTokenCodec } from './adapters/security/hmac-member-token.codec';
import { MemberTokenCodec } from './application/ports/member-token-codec.port';

/**
 * Identity's read-only directory for other modules (contacts for e-mails,
 * address books for orders); no routes, so the worker can import it.
 */
@Module({
  providers: [
    { provide: UserDirectory, useClass: TypeOrmUserDirectory },
    { provide: AddressReadModel, useClass: TypeOrmAddressReadModel },
    { provide: MemberTokenCodec, useClass: HmacMemberTokenCodec },
  ],
  exports: [UserDirectory, AddressReadModel, MemberTokenCodec],
})
export class IdentityDirectoryModule {}
