import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { PhoneNumber } from '../../../../../shared/kernel/phone-number.value-object';
import { UserRepository } from '../../ports/user.repository.port';
import { UpdateProfileCommand } from './update-profile.command';

/** Name and phone change with their audit row in one transaction. */
@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand, void> {
  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: UpdateProfileCommand): Promise<void> {
    const phone =
      command.phone === undefined || command.phone === null
        ? command.phone
        : PhoneNumber.parse(command.phone);
    await this.unitOfWork.run(async () => {
      const user = await this.users.findByIdForUpdate(command.userId);
      if (!user) throw new NotFoundError('user', command.userId);
      user.changeProfile({ name: command.name, phone });
      await this.users.save(user);
      await this.audit.recordChange({
        actor: { userId: command.userId, role: command.role },
        action: 'member.profile.changed',
        subjectUserId: command.userId,
        resource: `user:${command.userId}`,
      });
      this.unitOfWork.attributeTo(command.userId);
    });
  }
}
