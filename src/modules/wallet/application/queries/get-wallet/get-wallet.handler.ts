import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { WalletReadModel } from '../../ports/wallet.read-model.port';
import { GetWalletQuery } from './get-wallet.query';
import { WalletView } from './wallet.view';

@QueryHandler(GetWalletQuery)
export class GetWalletHandler implements IQueryHandler<GetWalletQuery, WalletView> {
  constructor(private readonly wallets: WalletReadModel) {}

  execute(query: GetWalletQuery): Promise<WalletView> {
    return this.wallets.findByUser(query.userId);
  }
}
