import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { BlindIndex } from './blind-index';
import { FieldCipher } from './field-cipher';
import { KeyRing } from './key-ring';
import { MemberKeyStore } from './member-key-store';
import { MemberKeyVault } from './member-key-vault';

/** Personal data at rest: key ring, field encryption, blind indexes and the member-key vault (ADR 0032). */
@Global()
@Module({
  providers: [
    {
      provide: KeyRing,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new KeyRing(config.personalData.keys, config.personalData.activeKeyId),
    },
    {
      provide: FieldCipher,
      inject: [KeyRing],
      useFactory: (ring: KeyRing) => new FieldCipher(ring),
    },
    {
      provide: BlindIndex,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new BlindIndex(config.personalData.blindIndexKey),
    },
    {
      provide: MemberKeyStore,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new MemberKeyStore(config.personalData.keySchema),
    },
    MemberKeyVault,
  ],
  exports: [KeyRing, FieldCipher, BlindIndex, MemberKeyStore, MemberKeyVault],
})
export class CryptoModule {}
