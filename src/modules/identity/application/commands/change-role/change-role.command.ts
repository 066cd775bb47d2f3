import { Command } from '@nestjs/cqrs';
import { Role } from '../../../domain/role';

/** An administrator gives an account another role. */
export class ChangeRoleCommand extends Command<void> {
  constructor(
    readonly actorUserId: string,
    readonly actorRole: string,
    readonly userId: string,
    readonly role: Role,
  ) {
    super();
  }
}
