import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { AddressBook } from '../../domain/address-book.aggregate';
import { MemberAddress } from '../../domain/member-address.entity';
import { AddressBookRepository } from '../ports/address-book.repository.port';

/** Address books in a map of members; saving replaces a member's addresses. Rolls back with the fake UnitOfWork. */
export class InMemoryAddressBookRepository extends AddressBookRepository {
  private readonly books = new Map<string, MemberAddress[]>();
  saves = 0;

  constructor(unitOfWork?: ImmediateUnitOfWork) {
    super();
    unitOfWork?.enlist({
      checkpoint: () => {
        const copy = new Map([...this.books].map(([id, list]) => [id, [...list]]));
        return () => {
          this.books.clear();
          for (const [id, list] of copy) this.books.set(id, list);
        };
      },
    });
  }

  /** Registers a member (with no address). */
  addMember(userId: string): void {
    this.books.set(userId, []);
  }

  stored(userId: string): readonly MemberAddress[] {
    return this.books.get(userId) ?? [];
  }

  async loadForUpdate(userId: string): Promise<AddressBook | null> {
    const list = this.books.get(userId);
    return list ? AddressBook.rehydrate(userId, list) : null;
  }

  async save(book: AddressBook): Promise<void> {
    this.saves += 1;
    this.books.set(book.userId, [...book.addresses]);
  }
}
