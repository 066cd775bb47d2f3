/** The data of every job the outbox relay enqueues: one domain event. */
export interface OutboxJob<TPayload = Record<string, unknown>> {
  readonly eventId: string;
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly occurredAt: string;
  readonly payload: TPayload;
}
