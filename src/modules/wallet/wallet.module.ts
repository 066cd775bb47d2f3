import { Global, Module } from '@nestjs/common';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../shared/kernel/unit-of-work.port';
import { WalletController } from './adapters/http/wallet.controller';
import { TypeOrmWalletReadModel } from './adapters/persistence/typeorm-wallet.read-model';
import { TypeOrmWalletRepository } from './adapters/persistence/typeorm-wallet.repository';
import { ChargeWalletHandler } from './application/commands/charge-wallet/charge-wallet.handler';
import { WalletPaymentsService } from './application/services/wallet-payments.service';
import { WalletPayments } from './application/ports/wallet-payments.port';
import { WalletReadModel } from './application/ports/wallet.read-model.port';
import { WalletRepository } from './application/ports/wallet.repository.port';
import { GetWalletHandler } from './application/queries/get-wallet/get-wallet.handler';
import { ListWalletTransactionsHandler } from './application/queries/list-wallet-transactions/list-wallet-transactions.handler';

/**
 * Wallet: prepaid balance, points and their ledger. Other modules move money
 * only through the exported WalletPayments port (ordering: pay and refund).
 * Global, so that they inject the port without importing this module file,
 * which the dependency rules forbid (modules meet only through ports).
 */
@Global()
@Module({
  controllers: [WalletController],
  providers: [
    ChargeWalletHandler,
    GetWalletHandler,
    ListWalletTransactionsHandler,
    {
      // Built by hand: application classes carry no Nest decorators.
      provide: WalletPayments,
      useFactory: (...deps: ConstructorParameters<typeof WalletPaymentsService>) =>
        new WalletPaymentsService(...deps),
      inject: [WalletRepository, UnitOfWork, IdGenerator],
    },
    { provide: WalletRepository, useClass: TypeOrmWalletRepository },
    { provide: WalletReadModel, useClass: TypeOrmWalletReadModel },
  ],
  exports: [WalletPayments],
})
export class WalletModule {}
