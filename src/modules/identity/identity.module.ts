import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from '../../shared/kernel/clock.port';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import { AddressesController } from './adapters/http/addresses.controller';
import { AuthController } from './adapters/http/auth.controller';
import { UsersController } from './adapters/http/users.controller';
import { TypeOrmAddressBookRepository } from './adapters/persistence/typeorm-address-book.repository';
import { RefreshTokenOrmEntity } from './adapters/persistence/refresh-token.orm-entity';
import { SessionOrmEntity } from './adapters/persistence/session.orm-entity';
import { TypeOrmSessionRepository } from './adapters/persistence/typeorm-session.repository';
import { TypeOrmUserReadModel } from './adapters/persistence/typeorm-user.read-model';
import { TypeOrmUserRepository } from './adapters/persistence/typeorm-user.repository';
import { Argon2PasswordHasher } from './adapters/security/argon2-password.hasher';
import { CryptoRefreshTokenCodec } from './adapters/security/crypto-refresh-token.codec';
import { DenylistAccessTokenRevocation } from './adapters/security/denylist-access-token.revocation';
import { JwtAccessTokenIssuer } from './adapters/security/jwt-access-token.issuer';
import { RedisLoginThrottle } from './adapters/security/redis-login.throttle';
import { AddAddressHandler } from './application/commands/add-address/add-address.handler';
import { LogInHandler } from './application/commands/log-in/log-in.handler';
import { LogOutHandler } from './application/commands/log-out/log-out.handler';
import { RefreshTokensHandler } from './application/commands/refresh-tokens/refresh-tokens.handler';
import { RemoveAddressHandler } from './application/commands/remove-address/remove-address.handler';
import { SignUpHandler } from './application/commands/sign-up/sign-up.handler';
import { UpdateAddressHandler } from './application/commands/update-address/update-address.handler';
import { TokenPairMinter } from './application/services/token-pair-minter.service';
import { AddressBookRepository } from './application/ports/address-book.repository.port';
import { AccessTokenIssuer } from './application/ports/access-token-issuer.port';
import { AccessTokenRevocation } from './application/ports/access-token-revocation.port';
import { LoginThrottle } from './application/ports/login-throttle.port';
import { PasswordHasher } from './application/ports/password-hasher.port';
import { RefreshTokenCodec } from './application/ports/refresh-token-codec.port';
import { SessionRepository } from './application/ports/session.repository.port';
import { UserReadModel } from './application/ports/user.read-model.port';
import { UserRepository } from './application/ports/user.repository.port';
import { GetCurrentUserHandler } from './application/queries/get-current-user/get-current-user.handler';
import { ListAddressesHandler } from './application/queries/list-addresses/list-addresses.handler';
import { IdentityDirectoryModule } from './identity-directory.module';
import { EraseMemberHandler } from './application/commands/erase-member/erase-member.handler';
import { AdminUsersController } from './adapters/http/admin-users.controller';
import { AccessLogController } from './adapters/http/access-log.controller';
import { AuditController } from './adapters/http/audit.controller';
import { ChangeRoleHandler } from './application/commands/change-role/change-role.handler';
import { FindUsersByEmailHandler } from './application/queries/find-users-by-email/find-users-by-email.handler';
import { GetUserHandler } from './application/queries/get-user/get-user.handler';
import { TypeOrmMemberTokenRepository } from './adapters/persistence/typeorm-member-token.repository';
import { RedisPasswordResetThrottle } from './adapters/security/redis-password-reset.throttle';
import { ChangePasswordHandler } from './application/commands/change-password/change-password.handler';
import { ConfirmEmailChangeHandler } from './application/commands/confirm-email-change/confirm-email-change.handler';
import { ConfirmPasswordResetHandler } from './application/commands/confirm-password-reset/confirm-password-reset.handler';
import { RequestEmailChangeHandler } from './application/commands/request-email-change/request-email-change.handler';
import { RequestPasswordResetHandler } from './application/commands/request-password-reset/request-password-reset.handler';
import { UpdateProfileHandler } from './application/commands/update-profile/update-profile.handler';
import { MemberTokenRepository } from './application/ports/member-token.repository.port';
import { PasswordResetThrottle } from './application/ports/password-reset-throttle.port';
import { SessionRevoker } from './application/services/session-revoker.service';

/** Identity: accounts, credentials, sessions and tokens. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SessionOrmEntity, RefreshTokenOrmEntity]),
    IdentityDirectoryModule,
  ],
  controllers: [
    AuthController,
    UsersController,
    AddressesController,
    AdminUsersController,
    AuditController,
    AccessLogController,
  ],
  providers: [
    SignUpHandler,
    LogInHandler,
    RefreshTokensHandler,
    LogOutHandler,
    GetCurrentUserHandler,
    AddAddressHandler,
    UpdateAddressHandler,
    RemoveAddressHandler,
    ListAddressesHandler,
    UpdateProfileHandler,
    EraseMemberHandler,
    ChangeRoleHandler,
    GetUserHandler,
    FindUsersByEmailHandler,
    ChangePasswordHandler,
    RequestEmailChangeHandler,
    ConfirmEmailChangeHandler,
    RequestPasswordResetHandler,
    ConfirmPasswordResetHandler,
    {
      provide: SessionRevoker,
      useFactory: (...deps: ConstructorParameters<typeof SessionRevoker>) =>
        new SessionRevoker(...deps),
      inject: [SessionRepository, AccessTokenRevocation],
    },
    { provide: MemberTokenRepository, useClass: TypeOrmMemberTokenRepository },
    { provide: PasswordResetThrottle, useClass: RedisPasswordResetThrottle },
    {
      // Built by hand: application classes carry no Nest decorators.
      provide: TokenPairMinter,
      useFactory: (...deps: ConstructorParameters<typeof TokenPairMinter>) =>
        new TokenPairMinter(...deps),
      inject: [SessionRepository, RefreshTokenCodec, AccessTokenIssuer, IdGenerator, Clock],
    },
    { provide: UserRepository, useClass: TypeOrmUserRepository },
    { provide: SessionRepository, useClass: TypeOrmSessionRepository },
    { provide: AddressBookRepository, useClass: TypeOrmAddressBookRepository },
    { provide: UserReadModel, useClass: TypeOrmUserReadModel },
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
    { provide: AccessTokenIssuer, useClass: JwtAccessTokenIssuer },
    { provide: RefreshTokenCodec, useClass: CryptoRefreshTokenCodec },
    { provide: LoginThrottle, useClass: RedisLoginThrottle },
    { provide: AccessTokenRevocation, useClass: DenylistAccessTokenRevocation },
  ],
  exports: [PasswordHasher],
})
export class IdentityModule {}
