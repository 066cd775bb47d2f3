import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { AddressBookRepository } from '../../ports/address-book.repository.port';
import { AddressView } from '../../queries/list-addresses/address.view';
import { toAddressView } from '../../services/address-view.mapper';
import { UpdateAddressCommand } from './update-address.command';

/** Changes one of the caller's addresses; another member's address is not found. */
@CommandHandler(UpdateAddressCommand)
export class UpdateAddressHandler implements ICommandHandler<UpdateAddressCommand, AddressView> {
  constructor(
    private readonly books: AddressBookRepository,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateAddressCommand): Promise<AddressView> {
    return this.unitOfWork.run(async () => {
      const book = await this.books.loadForUpdate(command.userId);
      if (!book) throw new NotFoundError('Address', command.addressId);
      const entry = book.update(command.addressId, command.changes, this.clock.now());
      await this.books.save(book);
      await this.audit.recordChange({
        actor: { userId: command.userId, role: command.role },
        action: 'member.address.updated',
        subjectUserId: command.userId,
        resource: `address:${command.addressId}`,
      });
      return toAddressView(entry);
    });
  }
}
