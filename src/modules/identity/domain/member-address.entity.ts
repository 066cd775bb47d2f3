import { PostalAddress } from '../../../shared/kernel/postal-address.value-object';

export interface MemberAddressProps {
  readonly id: string;
  readonly userId: string;
  readonly address: PostalAddress;
  readonly isDefault: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One address of a member's address book; changed only through the AddressBook. */
export class MemberAddress {
  private constructor(private props: MemberAddressProps) {}

  static create(props: MemberAddressProps): MemberAddress {
    return new MemberAddress(props);
  }

  get id(): string {
    return this.props.id;
  }

  get userId(): string {
    return this.props.userId;
  }

  get address(): PostalAddress {
    return this.props.address;
  }

  get isDefault(): boolean {
    return this.props.isDefault;
  }

  get createdAt(): Date {
    return this.props.createdAt;
  }

  get updatedAt(): Date {
    return this.props.updatedAt;
  }

  /** @internal AddressBook only. */
  change(address: PostalAddress, isDefault: boolean, now: Date): void {
    this.props = { ...this.props, address, isDefault, updatedAt: now };
  }
}
