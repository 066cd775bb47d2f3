import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { NotFoundError } from '../../../shared/kernel/not-found.error';
import { AddressLimitReachedError } from './address-limit-reached.error';
import { MemberAddress } from './member-address.entity';
import {
  PostalAddress,
  PostalAddressInput,
} from '../../../shared/kernel/postal-address.value-object';

/** What a save must write: rows to delete, update and insert. */
export interface AddressBookChanges {
  readonly removed: readonly string[];
  readonly updated: readonly MemberAddress[];
  readonly added: readonly MemberAddress[];
}

/**
 * A member's addresses. Invariants: at most LIMIT addresses; when there is
 * any, exactly one is the default (the first one added is; removing or
 * un-defaulting it passes the mark to the newest other address).
 */
export class AddressBook extends AggregateRoot {
  static readonly LIMIT = 10;

  private readonly removed = new Set<string>();
  private readonly updated = new Set<string>();
  private readonly added = new Set<string>();

  private constructor(
    readonly userId: string,
    private readonly entries: MemberAddress[],
  ) {
    super();
  }

  static rehydrate(userId: string, addresses: readonly MemberAddress[]): AddressBook {
    const sorted = [...addresses].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
    );
    return new AddressBook(userId, sorted);
  }

  /** Oldest first. */
  get addresses(): readonly MemberAddress[] {
    return this.entries;
  }

  find(id: string): MemberAddress | undefined {
    return this.entries.find((entry) => entry.id === id);
  }

  add(input: {
    id: string;
    address: PostalAddressInput;
    isDefault?: boolean;
    now: Date;
  }): MemberAddress {
    if (this.entries.length >= AddressBook.LIMIT)
      throw new AddressLimitReachedError(AddressBook.LIMIT);
    const address = PostalAddress.create(input.address);
    const isDefault = input.isDefault === true || this.entries.length === 0;
    if (isDefault) this.clearDefault(input.now);
    const entry = MemberAddress.create({
      id: input.id,
      userId: this.userId,
      address,
      isDefault,
      createdAt: input.now,
      updatedAt: input.now,
    });
    this.entries.push(entry);
    this.added.add(entry.id);
    return entry;
  }

  update(
    id: string,
    changes: Partial<PostalAddressInput> & { isDefault?: boolean },
    now: Date,
  ): MemberAddress {
    const entry = this.require(id);
    const { isDefault, ...fields } = changes;
    const address = entry.address.with(fields);
    let makeDefault = entry.isDefault;
    if (isDefault === true && !entry.isDefault) {
      this.clearDefault(now);
      makeDefault = true;
    }
    if (isDefault === false && entry.isDefault) {
      const heir = this.newestOtherThan(id);
      if (heir) {
        entry.change(address, false, now);
        this.touch(entry);
        heir.change(heir.address, true, now);
        this.touch(heir);
        return entry;
      }
    }
    entry.change(address, makeDefault, now);
    this.touch(entry);
    return entry;
  }

  remove(id: string, now: Date): void {
    const entry = this.require(id);
    this.entries.splice(this.entries.indexOf(entry), 1);
    this.updated.delete(id);
    if (this.added.has(id)) this.added.delete(id);
    else this.removed.add(id);
    if (entry.isDefault) {
      const heir = this.newestOtherThan(id);
      if (heir) {
        heir.change(heir.address, true, now);
        this.touch(heir);
      }
    }
  }

  /** Rows to write, in an order the one-default unique key accepts: deletes, un-defaults, defaults, inserts. */
  changes(): AddressBookChanges {
    const updated = this.entries
      .filter((entry) => this.updated.has(entry.id))
      .sort((a, b) => Number(a.isDefault) - Number(b.isDefault));
    return {
      removed: [...this.removed],
      updated,
      added: this.entries.filter((entry) => this.added.has(entry.id)),
    };
  }

  private require(id: string): MemberAddress {
    const entry = this.find(id);
    if (!entry) throw new NotFoundError('Address', id);
    return entry;
  }

  private clearDefault(now: Date): void {
    for (const entry of this.entries)
      if (entry.isDefault) {
        entry.change(entry.address, false, now);
        this.touch(entry);
      }
  }

  private newestOtherThan(id: string): MemberAddress | undefined {
    return [...this.entries].reverse().find((entry) => entry.id !== id);
  }

  private touch(entry: MemberAddress): void {
    if (!this.added.has(entry.id)) this.updated.add(entry.id);
  }
}
