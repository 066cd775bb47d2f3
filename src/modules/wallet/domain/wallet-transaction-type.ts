/** Kinds of ledger rows; each moves one account (balance or points) in one direction. */
export const WALLET_TRANSACTION_TYPES = [
  'CHARGE',
  'PAYMENT',
  'REFUND',
  'POINTS_EARNED',
  'POINTS_USED',
  'POINTS_RESTORED',
  'POINTS_REVOKED',
] as const;

export type WalletTransactionType = (typeof WALLET_TRANSACTION_TYPES)[number];
