import { DomainEvent } from '../../../../shared/kernel/domain-event';

/** Ids only: the token is derived from its id by the worker. */
export interface PasswordResetRequestedPayload {
  readonly userId: string;
  readonly tokenId: string;
}

/**
 * Someone asked for a password reset of an existing account: the reset token
 * goes to the account's address.
 *
 * Published contract (docs/adr/0029).
 */
export class PasswordResetRequested extends DomainEvent<PasswordResetRequestedPayload> {
  static readonly TYPE = 'identity.password-reset-requested.v1';
  readonly type = PasswordResetRequested.TYPE;
  readonly aggregateType = 'user';

  constructor(payload: PasswordResetRequestedPayload, occurredAt: Date) {
    super(payload.userId, payload, occurredAt);
  }
}
