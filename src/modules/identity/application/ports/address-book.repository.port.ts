import { AddressBook } from '../../domain/address-book.aggregate';

/** Address books on the write side (primary, current UnitOfWork). */
export abstract class AddressBookRepository {
  /**
   * The member's address book with the member's row locked until the
   * transaction ends, so concurrent changes of one book are serialized (the
   * 10-address limit cannot be raced). Null when there is no such member.
   */
  abstract loadForUpdate(userId: string): Promise<AddressBook | null>;

  /** Writes the book's changes (deletes, updates, inserts). */
  abstract save(book: AddressBook): Promise<void>;
}
