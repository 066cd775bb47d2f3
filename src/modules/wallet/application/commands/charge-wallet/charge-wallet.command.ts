import { Command } from '@nestjs/cqrs';

export interface ChargeWalletResult {
  readonly balance: number;
  readonly transactionId: string;
}

export class ChargeWalletCommand extends Command<ChargeWalletResult> {
  constructor(
    readonly userId: string,
    readonly amount: number,
  ) {
    super();
  }
}
