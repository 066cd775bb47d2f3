import { EntityManager } from 'typeorm';
import { IdempotencyClaimLostError } from './idempotency-claim-lost.error';
import { IdempotencyClaim, IdempotencyClaimWriter, serializeResponse } from './idempotency-claim';
import { IdempotencyScope } from '../database/idempotency-scope';

/** Records completions; answers "taken over" when told to. */
class RecordingClaimWriter implements IdempotencyClaimWriter {
  readonly completions: Array<{ manager: EntityManager | undefined; body: string | null }> = [];
  readonly releases: IdempotencyClaim[] = [];
  takenOver = false;

  async complete(
    manager: EntityManager | undefined,
    _claim: IdempotencyClaim,
    body: string | null,
  ): Promise<boolean> {
    if (this.takenOver) return false;
    this.completions.push({ manager, body });
    return true;
  }

  async release(claim: IdempotencyClaim): Promise<void> {
    this.releases.push(claim);
  }
}

describe(IdempotencyClaim.name, () => {
  const manager = {} as EntityManager;
  let writer: RecordingClaimWriter;
  let sut: IdempotencyClaim;

  beforeEach(() => {
    writer = new RecordingClaimWriter();
    sut = new IdempotencyClaim(
      writer,
      { userId: 'u', route: 'POST /api/v1/wallet/charges', key: 'k' },
      'token',
      201,
      'row-id',
    );
  });

  it('stores the JSON text of the result through the transaction manager', async () => {
    await sut.completeWithin(manager, { balance: 5, transactionId: 't' });

    expect(writer.completions).toEqual([{ manager, body: '{"balance":5,"transactionId":"t"}' }]);
  });

  it('counts as committed only after markCommitted, with the body of the last completion', async () => {
    await sut.completeWithin(manager, { attempt: 1 });
    expect(sut.committed).toBe(false);
    expect(IdempotencyScope.run(sut, () => IdempotencyScope.pending())).toBe(sut);

    await sut.completeWithin(manager, { attempt: 2 });
    sut.markCommitted();

    expect(sut.committed).toBe(true);
    expect(sut.body).toBe('{"attempt":2}');
    expect(IdempotencyScope.run(sut, () => IdempotencyScope.pending())).toBeUndefined();
  });

  it('finish returns the committed body without writing again', async () => {
    await sut.completeWithin(manager, { a: 1 });
    sut.markCommitted();

    await expect(sut.finish({ a: 'changed later' })).resolves.toBe('{"a":1}');
    expect(writer.completions).toHaveLength(1);
  });

  it('finish completes in its own statement when no transaction did', async () => {
    await expect(sut.finish({ a: 1 })).resolves.toBe('{"a":1}');

    expect(writer.completions).toEqual([{ manager: undefined, body: '{"a":1}' }]);
    expect(sut.committed).toBe(true);
  });

  it('fails with IDEMPOTENCY_IN_PROGRESS when the claim was taken over', async () => {
    writer.takenOver = true;

    const error = await sut.completeWithin(manager, { a: 1 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IdempotencyClaimLostError);
    expect((error as IdempotencyClaimLostError).code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(sut.committed).toBe(false);
  });

  it('release hands the claim to the writer', async () => {
    await sut.release();

    expect(writer.releases).toEqual([sut]);
  });
});

describe(serializeResponse.name, () => {
  it('is JSON.stringify for values and null for no body', () => {
    const at = new Date('2025-01-01T00:00:00.000Z');
    expect(serializeResponse({ b: 1, a: [at] })).toBe('{"b":1,"a":["2025-01-01T00:00:00.000Z"]}');
    expect(serializeResponse(undefined)).toBeNull();
    expect(serializeResponse(null)).toBeNull();
  });
});
