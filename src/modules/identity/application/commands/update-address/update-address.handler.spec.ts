import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingAuditTrail } from '../../../../../shared/kernel/testing/recording-audit-trail.fake';
import { AddressBook } from '../../../domain/address-book.aggregate';
import { InMemoryAddressBookRepository } from '../../testing/in-memory-address-book.repository.fake';
import { UpdateAddressCommand } from './update-address.command';
import { UpdateAddressHandler } from './update-address.handler';

const input = {
  recipient: 'Jane',
  phone: '+821012345678',
  postalCode: '04524',
  line1: '1 Main St',
};

describe(UpdateAddressHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let books: InMemoryAddressBookRepository;
  let audit: RecordingAuditTrail;
  let sut: UpdateAddressHandler;

  beforeEach(async () => {
    unitOfWork = new ImmediateUnitOfWork();
    books = new InMemoryAddressBookRepository(unitOfWork);
    audit = new RecordingAuditTrail(unitOfWork);
    for (const user of ['user-1', 'user-2']) {
      books.addMember(user);
      const book = (await books.loadForUpdate(user))!;
      book.add({ id: `${user}-a`, address: input, now: new Date('2025-01-01') });
      await books.save(book);
    }
    sut = new UpdateAddressHandler(books, audit, unitOfWork, new FixedClock());
  });

  it('changes the address and audits it', async () => {
    const view = await sut.execute(
      new UpdateAddressCommand('user-1', 'CUSTOMER', 'user-1-a', { line2: 'Apt 5' }),
    );

    expect(view.line2).toBe('Apt 5');
    expect(books.stored('user-1')[0]!.address.line2).toBe('Apt 5');
    expect(audit.actions()).toEqual(['member.address.updated']);
  });

  it("does not find another member's address and changes nothing", async () => {
    await expect(
      sut.execute(new UpdateAddressCommand('user-1', 'CUSTOMER', 'user-2-a', { line1: 'Stolen' })),
    ).rejects.toThrow(NotFoundError);
    expect(books.stored('user-2')[0]!.address.line1).toBe('1 Main St');
    expect(audit.entries).toEqual([]);
  });

  it('rolls back the audit row when the save fails', async () => {
    books.save = async (_book: AddressBook) => {
      throw new Error('disk full');
    };

    await expect(
      sut.execute(new UpdateAddressCommand('user-1', 'CUSTOMER', 'user-1-a', { line2: 'x' })),
    ).rejects.toThrow('disk full');
    expect(audit.entries).toEqual([]);
  });
});
