import { DomainEvent } from '../../../../shared/kernel/domain-event';

/** Ids only: the outbox is stored in clear, so personal data stays in the sealed users row (ADR 0032). */
export interface UserRegisteredPayload {
  readonly userId: string;
}

/**
 * A customer signed up; the welcome e-mail is sent from it (the address and
 * name are read through the UserDirectory). v1 carried the e-mail and name
 * in clear, which put them in the outbox table and the binlog.
 *
 * Published contract (docs/adr/0029): recorded by the aggregate, written to
 * the outbox, consumed by other contexts through this file. Changing the
 * payload incompatibly means a new TYPE version, not an edit.
 */
export class UserRegistered extends DomainEvent<UserRegisteredPayload> {
  static readonly TYPE = 'identity.user-registered.v2';
  readonly type = UserRegistered.TYPE;
  readonly aggregateType = 'user';

  constructor(payload: UserRegisteredPayload, occurredAt: Date) {
    super(payload.userId, payload, occurredAt);
  }
}
