import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingAuditTrail } from '../../../../../shared/kernel/testing/recording-audit-trail.fake';
import { InMemoryAddressBookRepository } from '../../testing/in-memory-address-book.repository.fake';
import { RemoveAddressCommand } from './remove-address.command';
import { RemoveAddressHandler } from './remove-address.handler';

const input = {
  recipient: 'Jane',
  phone: '+821012345678',
  postalCode: '04524',
  line1: '1 Main St',
};

describe(RemoveAddressHandler.name, () => {
  let books: InMemoryAddressBookRepository;
  let audit: RecordingAuditTrail;
  let sut: RemoveAddressHandler;

  beforeEach(async () => {
    const unitOfWork = new ImmediateUnitOfWork();
    books = new InMemoryAddressBookRepository(unitOfWork);
    audit = new RecordingAuditTrail(unitOfWork);
    books.addMember('user-1');
    const book = (await books.loadForUpdate('user-1'))!;
    book.add({ id: 'a1', address: input, now: new Date('2025-01-01') });
    book.add({ id: 'a2', address: input, now: new Date('2025-01-02') });
    await books.save(book);
    sut = new RemoveAddressHandler(books, audit, unitOfWork, new FixedClock());
  });

  it('removes the default and passes the mark on, audited', async () => {
    await sut.execute(new RemoveAddressCommand('user-1', 'CUSTOMER', 'a1'));

    expect(books.stored('user-1').map((e) => [e.id, e.isDefault])).toEqual([['a2', true]]);
    expect(audit.entries.map((e) => [e.action, e.resource])).toEqual([
      ['member.address.removed', 'address:a1'],
    ]);
  });

  it('does not find an unknown address', async () => {
    await expect(sut.execute(new RemoveAddressCommand('user-1', 'CUSTOMER', 'zz'))).rejects.toThrow(
      NotFoundError,
    );
    expect(books.stored('user-1')).toHaveLength(2);
  });
});
