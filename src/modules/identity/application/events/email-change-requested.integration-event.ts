import { DomainEvent } from '../../../../shared/kernel/domain-event';

/** Ids only: the new address is sealed in member_tokens, the token is derived from its id. */
export interface EmailChangeRequestedPayload {
  readonly userId: string;
  readonly tokenId: string;
}

/**
 * A member asked to change their e-mail address: a confirmation link goes to
 * the new address and a notice to the current one.
 *
 * Published contract (docs/adr/0029).
 */
export class EmailChangeRequested extends DomainEvent<EmailChangeRequestedPayload> {
  static readonly TYPE = 'identity.email-change-requested.v1';
  readonly type = EmailChangeRequested.TYPE;
  readonly aggregateType = 'user';

  constructor(payload: EmailChangeRequestedPayload, occurredAt: Date) {
    super(payload.userId, payload, occurredAt);
  }
}
