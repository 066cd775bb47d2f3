/** What a user sees of their wallet. */
export interface WalletView {
  readonly balance: number;
  readonly points: number;
}
