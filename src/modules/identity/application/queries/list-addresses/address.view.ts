/** One address of the address book, as the member (and the ordering context) sees it. */
export interface AddressView {
  readonly id: string;
  readonly recipient: string;
  readonly phone: string;
  readonly postalCode: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly isDefault: boolean;
  readonly createdAt: string;
}
