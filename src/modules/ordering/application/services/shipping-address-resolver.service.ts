import { NotFoundError } from '../../../../shared/kernel/not-found.error';
import {
  PostalAddress,
  PostalAddressInput,
} from '../../../../shared/kernel/postal-address.value-object';
import { ValidationError } from '../../../../shared/kernel/validation.error';
import { AddressReadModel } from '../../../identity/application/ports/address.read-model.port';

/** Where an order goes: an address of the caller's address book, or one given inline. */
export interface DeliveryChoice {
  readonly addressId?: string;
  readonly address?: PostalAddressInput;
}

/**
 * Turns the caller's delivery choice into the address the order keeps a copy
 * of. Runs before the order's transaction: the address book is read once, on
 * a replica (read-your-writes aware), and no lock is held for it.
 */
export class ShippingAddressResolver {
  constructor(private readonly addresses: AddressReadModel) {}

  /**
   * Exactly one of `addressId` and `address` (VALIDATION_FAILED otherwise);
   * an address that is not the caller's is NOT_FOUND, as if it did not exist.
   */
  async resolve(userId: string, choice: DeliveryChoice): Promise<PostalAddress> {
    const byId = choice.addressId !== undefined;
    const inline = choice.address !== undefined;
    if (byId === inline)
      throw new ValidationError([
        { field: 'addressId', message: 'give either addressId or address (exactly one)' },
      ]);
    if (byId) {
      const found = await this.addresses.findForOwner(userId, choice.addressId!);
      if (!found) throw new NotFoundError('Address', choice.addressId);
      return PostalAddress.create(found);
    }
    try {
      return PostalAddress.create(choice.address!);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new ValidationError(
        error.errors.map((fieldError) => ({ ...fieldError, field: `address.${fieldError.field}` })),
      );
    }
  }
}
