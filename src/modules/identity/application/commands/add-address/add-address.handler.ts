import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { AddressBookRepository } from '../../ports/address-book.repository.port';
import { AddressView } from '../../queries/list-addresses/address.view';
import { toAddressView } from '../../services/address-view.mapper';
import { AddAddressCommand } from './add-address.command';

/** Adds an address under the member's row lock (limit 10) and audits it in the same transaction. */
@CommandHandler(AddAddressCommand)
export class AddAddressHandler implements ICommandHandler<AddAddressCommand, AddressView> {
  constructor(
    private readonly books: AddressBookRepository,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: AddAddressCommand): Promise<AddressView> {
    const id = this.ids.next();
    return this.unitOfWork.run(async () => {
      const book = await this.books.loadForUpdate(command.userId);
      if (!book) throw new NotFoundError('User', command.userId);
      const entry = book.add({
        id,
        address: command.address,
        isDefault: command.isDefault,
        now: this.clock.now(),
      });
      await this.books.save(book);
      await this.audit.recordChange({
        actor: { userId: command.userId, role: command.role },
        action: 'member.address.added',
        subjectUserId: command.userId,
        resource: `address:${id}`,
      });
      return toAddressView(entry);
    });
  }
}
