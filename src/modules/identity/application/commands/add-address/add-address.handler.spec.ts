import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingAuditTrail } from '../../../../../shared/kernel/testing/recording-audit-trail.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { AddressLimitReachedError } from '../../../domain/address-limit-reached.error';
import { InMemoryAddressBookRepository } from '../../testing/in-memory-address-book.repository.fake';
import { AddAddressCommand } from './add-address.command';
import { AddAddressHandler } from './add-address.handler';

const input = {
  recipient: 'Jane',
  phone: '+821012345678',
  postalCode: '04524',
  line1: '1 Main St',
};

describe(AddAddressHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let books: InMemoryAddressBookRepository;
  let audit: RecordingAuditTrail;
  let sut: AddAddressHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    books = new InMemoryAddressBookRepository(unitOfWork);
    audit = new RecordingAuditTrail(unitOfWork);
    books.addMember('user-1');
    sut = new AddAddressHandler(
      books,
      audit,
      unitOfWork,
      new SequentialIdGenerator('addr'),
      new FixedClock(),
    );
  });

  it('adds the first address as default and audits the change in the same transaction', async () => {
    const view = await sut.execute(new AddAddressCommand('user-1', 'CUSTOMER', input));

    expect(view).toEqual({
      id: 'addr-1',
      ...input,
      line2: null,
      isDefault: true,
      createdAt: '2025-01-15T09:00:00.000Z',
    });
    expect(books.stored('user-1')).toHaveLength(1);
    expect(audit.entries).toEqual([
      {
        kind: 'change',
        transaction: unitOfWork.committed[0],
        actor: { userId: 'user-1', role: 'CUSTOMER' },
        action: 'member.address.added',
        subjectUserId: 'user-1',
        resource: 'address:addr-1',
      },
    ]);
  });

  it('refuses the 11th address, writing nothing and auditing nothing more', async () => {
    for (let i = 0; i < 10; i++)
      await sut.execute(new AddAddressCommand('user-1', 'CUSTOMER', input));

    await expect(sut.execute(new AddAddressCommand('user-1', 'CUSTOMER', input))).rejects.toThrow(
      AddressLimitReachedError,
    );
    expect(books.stored('user-1')).toHaveLength(10);
    expect(audit.entries).toHaveLength(10);
  });

  it('does not find an unknown member', async () => {
    await expect(sut.execute(new AddAddressCommand('ghost', 'CUSTOMER', input))).rejects.toThrow(
      NotFoundError,
    );
  });
});
