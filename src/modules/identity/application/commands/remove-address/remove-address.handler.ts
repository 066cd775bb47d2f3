import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { AddressBookRepository } from '../../ports/address-book.repository.port';
import { RemoveAddressCommand } from './remove-address.command';

/** Deletes one of the caller's addresses; the default mark passes to the newest remaining one. */
@CommandHandler(RemoveAddressCommand)
export class RemoveAddressHandler implements ICommandHandler<RemoveAddressCommand, void> {
  constructor(
    private readonly books: AddressBookRepository,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: RemoveAddressCommand): Promise<void> {
    await this.unitOfWork.run(async () => {
      const book = await this.books.loadForUpdate(command.userId);
      if (!book) throw new NotFoundError('Address', command.addressId);
      book.remove(command.addressId, this.clock.now());
      await this.books.save(book);
      await this.audit.recordChange({
        actor: { userId: command.userId, role: command.role },
        action: 'member.address.removed',
        subjectUserId: command.userId,
        resource: `address:${command.addressId}`,
      });
    });
  }
}
