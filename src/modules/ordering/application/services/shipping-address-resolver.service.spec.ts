import { NotFoundError } from '../../../../shared/kernel/not-found.error';
import { ValidationError } from '../../../../shared/kernel/validation.error';
import { HOME, InMemoryAddressBook } from '../testing/in-memory-address-book.fake';
import { ShippingAddressResolver } from './shipping-address-resolver.service';

describe(ShippingAddressResolver.name, () => {
  let book: InMemoryAddressBook;
  let sut: ShippingAddressResolver;

  beforeEach(() => {
    book = new InMemoryAddressBook();
    book.put('user-1', 'addr-1', { ...HOME, recipient: 'Kim', line2: null });
    book.put('user-2', 'addr-2');
    sut = new ShippingAddressResolver(book);
  });

  it("copies an address of the caller's book", async () => {
    const address = await sut.resolve('user-1', { addressId: 'addr-1' });
    expect(address.toInput()).toEqual({ ...HOME, recipient: 'Kim', line2: null });
  });

  it("answers NOT_FOUND for another member's address and for an unknown one", async () => {
    await expect(sut.resolve('user-1', { addressId: 'addr-2' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(sut.resolve('user-1', { addressId: 'addr-9' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('takes an inline address, trimmed', async () => {
    const address = await sut.resolve('user-1', { address: { ...HOME, recipient: '  Lee ' } });
    expect(address.recipient).toBe('Lee');
  });

  it('names each bad inline field under address.', async () => {
    const error = await sut
      .resolve('user-1', { address: { ...HOME, phone: '010-1234', line1: ' ' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field).sort()).toEqual([
      'address.line1',
      'address.phone',
    ]);
  });

  it.each([
    ['neither', {}],
    ['both', { addressId: 'addr-1', address: HOME }],
  ])('refuses %s of addressId and address', async (_, choice) => {
    const error = await sut.resolve('user-1', choice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors[0]!.field).toBe('addressId');
  });
});
