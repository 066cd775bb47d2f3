import { Command } from '@nestjs/cqrs';

export interface ExpireUserCouponsResult {
  /** How many AVAILABLE coupons were marked EXPIRED. */
  readonly expired: number;
  /** True when the run stopped at `maxBatches` with work possibly left for the next run. */
  readonly more: boolean;
}

export class ExpireUserCouponsCommand extends Command<ExpireUserCouponsResult> {
  constructor(
    readonly batchSize = 500,
    readonly maxBatches = 20,
  ) {
    super();
  }
}
