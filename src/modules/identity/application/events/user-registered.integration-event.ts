import { DomainEvent } from '../../../../shared/kernel/domain-event';

export interface UserRegisteredPayload {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
}

/**
 * A customer signed up; the welcome e-mail is sent from it.
 *
 * Published contract (docs/adr/0029): recorded by the aggregate, written to
 * the outbox, consumed by other contexts through this file. Changing the
 * payload incompatibly means a new TYPE version, not an edit.
 */
export class UserRegistered extends DomainEvent<UserRegisteredPayload> {
  static readonly TYPE = 'identity.user-registered.v1';
  readonly type = UserRegistered.TYPE;
  readonly aggregateType = 'user';

  constructor(payload: UserRegisteredPayload, occurredAt: Date) {
    super(payload.userId, payload, occurredAt);
  }
}
