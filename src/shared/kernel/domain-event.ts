/**
 * Something that happened in an aggregate, recorded by the aggregate and
 * written to the outbox in the same transaction as the state change.
 * `type` is a stable, versioned name (`<context>.<event>.v<n>`) that consumers
 * subscribe to; `payload` must be plain JSON.
 */
export abstract class DomainEvent<TPayload extends object = object> {
  abstract readonly type: string;
  abstract readonly aggregateType: string;

  protected constructor(
    readonly aggregateId: string,
    readonly payload: TPayload,
    readonly occurredAt: Date,
  ) {}
}
