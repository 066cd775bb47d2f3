import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../test/support/platform-context';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import { FixedClock } from '../../shared/kernel/testing/fixed-clock.fake';
import { UnitOfWork } from '../../shared/kernel/unit-of-work.port';
import { TransactionContext } from '../database/transaction-context';
import { FieldCipher } from '../crypto/field-cipher';
import { MemberKeyStore } from '../crypto/member-key-store';
import { IdempotencyClaim } from './idempotency-claim';
import { IdempotencyClaimLostError } from './idempotency-claim-lost.error';
import { IdempotencyScope } from '../database/idempotency-scope';
import { ClaimOutcome, ClaimRequest, IdempotencyStore } from './idempotency-store';

describe(IdempotencyStore.name, () => {
  let context: TestingModule;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let transaction: TransactionContext;
  let clock: FixedClock;
  let sut: IdempotencyStore;
  const probe = `idem_probe_${randomUUID().slice(0, 8)}`;

  const request = (change: Partial<ClaimRequest> = {}): ClaimRequest => ({
    userId: randomUUID(),
    route: 'POST /api/v1/test',
    key: randomUUID(),
    fingerprint: 'a'.repeat(64),
    statusCode: 201,
    ...change,
  });
  const claimOf = (outcome: ClaimOutcome): IdempotencyClaim => {
    if (outcome.kind !== 'claimed') throw new Error(`expected a claim, got ${outcome.kind}`);
    return outcome.claim;
  };
  const record = async (r: ClaimRequest) =>
    (
      (await dataSource.query(
        `SELECT status, response_status, response_body, request_hash FROM idempotency_records
          WHERE user_id = ? AND route = ? AND idem_key = ?`,
        [r.userId, r.route, r.key],
      )) as Array<{
        status: string;
        response_status: number | null;
        response_body: string | null;
        request_hash: string;
      }>
    )[0];
  const probeRows = async (tag: string) =>
    Number(
      (
        (await dataSource.query(`SELECT COUNT(*) AS n FROM ${probe} WHERE tag = ?`, [
          tag,
        ])) as Array<{
          n: number | string;
        }>
      )[0]?.n,
    );
  /** An idempotent "request": claim in scope, one UnitOfWork that writes and returns a body. */
  const serve = (claim: IdempotencyClaim, tag: string, work?: () => Promise<void>) =>
    IdempotencyScope.run(claim, () =>
      unitOfWork.run(async () => {
        await transaction.manager().query(`INSERT INTO ${probe} (tag) VALUES (?)`, [tag]);
        if (work) await work();
        return { tag, ok: true };
      }),
    );

  beforeAll(async () => {
    context = await createPlatformContext();
    dataSource = context.get(DataSource);
    unitOfWork = context.get(UnitOfWork);
    transaction = context.get(TransactionContext);
    clock = new FixedClock(new Date());
    sut = new IdempotencyStore(
      dataSource,
      clock,
      context.get(IdGenerator),
      context.get(FieldCipher),
      context.get(MemberKeyStore),
    );
    await dataSource.query(
      `CREATE TABLE ${probe} (id INT AUTO_INCREMENT PRIMARY KEY, tag VARCHAR(64) NOT NULL) ENGINE=InnoDB`,
    );
  });

  afterAll(async () => {
    await dataSource.query(`DROP TABLE ${probe}`);
    await context.close();
  });

  beforeEach(() => clock.set(new Date()));

  it('gives the key to exactly one of 20 concurrent identical requests', async () => {
    const r = request();

    const outcomes = await Promise.all(Array.from({ length: 20 }, () => sut.claim(r)));

    expect(outcomes.filter((o) => o.kind === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'in-progress')).toHaveLength(19);
    expect(await record(r)).toMatchObject({ status: 'IN_PROGRESS', response_status: null });
  });

  it('answers mismatch for the same key with another request, even while it runs', async () => {
    const r = request();
    claimOf(await sut.claim(r));

    expect((await sut.claim({ ...r, fingerprint: 'b'.repeat(64) })).kind).toBe('mismatch');
  });

  it('refuses a key the header rules would reject instead of letting MySQL truncate it', async () => {
    await expect(sut.claim(request({ key: 'k'.repeat(101) }))).rejects.toThrow('invalid');
  });

  it('scopes keys to the user and the route', async () => {
    const r = request();
    claimOf(await sut.claim(r));

    expect((await sut.claim({ ...r, userId: randomUUID() })).kind).toBe('claimed');
    expect((await sut.claim({ ...r, route: 'POST /api/v1/other' })).kind).toBe('claimed');
  });

  it('completes the record in the business transaction and replays that exact response', async () => {
    const r = request();
    const claim = claimOf(await sut.claim(r));

    const result = await serve(claim, r.key);

    expect(result).toEqual({ tag: r.key, ok: true });
    expect(claim.committed).toBe(true);
    expect(await record(r)).toMatchObject({ status: 'COMPLETED', response_status: 201 });
    // Sealed under the member's key (a response may carry their address): no plain text stored.
    const stored = (await record(r))!.response_body!;
    expect(stored).toMatch(/^e1\.[^.]+\.[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(r.key);
    expect(await sut.claim(r)).toEqual({
      kind: 'replay',
      statusCode: 201,
      body: JSON.stringify(result),
    });
    expect(await probeRows(r.key)).toBe(1);
  });

  it('binds a sealed body to its record: copied to another one it does not open, while a body stored in plain text before sealing still replays', async () => {
    const user = randomUUID();
    const [a, b] = [request({ userId: user }), request({ userId: user })];
    await serve(claimOf(await sut.claim(a)), a.key);
    await serve(claimOf(await sut.claim(b)), b.key);

    await dataSource.query(
      `UPDATE idempotency_records SET response_body = ? WHERE user_id = ? AND idem_key = ?`,
      [(await record(a))!.response_body, user, b.key],
    );
    await expect(sut.claim(b)).rejects.toThrow();

    const legacy = JSON.stringify({ tag: 'stored before sealing' });
    await dataSource.query(
      `UPDATE idempotency_records SET response_body = ? WHERE user_id = ? AND idem_key = ?`,
      [legacy, user, a.key],
    );
    expect(await sut.claim(a)).toEqual({ kind: 'replay', statusCode: 201, body: legacy });
  });

  it('leaves the claim in progress when the business transaction rolls back, and release frees the key', async () => {
    const r = request();
    const claim = claimOf(await sut.claim(r));

    await expect(
      serve(claim, r.key, async () => {
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');

    expect(await probeRows(r.key)).toBe(0);
    expect(await record(r)).toMatchObject({ status: 'IN_PROGRESS' });
    await claim.release();
    expect(await record(r)).toBeUndefined();
    expect((await sut.claim(r)).kind).toBe('claimed');
  });

  it('completes once per successful commit when a deadlock makes the UnitOfWork run the work again', async () => {
    const r = request();
    const claim = claimOf(await sut.claim(r));
    let attempts = 0;

    await serve(claim, r.key, async () => {
      attempts += 1;
      if (attempts === 1) throw Object.assign(new Error('Deadlock found'), { errno: 1213 });
    });

    expect(attempts).toBe(2);
    expect(await probeRows(r.key)).toBe(1);
    expect(await record(r)).toMatchObject({ status: 'COMPLETED' });
  });

  it('does not complete again in a second transaction of the same request', async () => {
    const r = request();
    const claim = claimOf(await sut.claim(r));
    await serve(claim, `${r.key}-1`);

    await serve(claim, `${r.key}-2`);

    expect(await sut.claim(r)).toMatchObject({
      kind: 'replay',
      body: JSON.stringify({ tag: `${r.key}-1`, ok: true }),
    });
    expect(await probeRows(`${r.key}-2`)).toBe(1);
  });

  it('lets a retry take over a claim whose lease ran out; the slow original then rolls back', async () => {
    const r = request();
    const original = claimOf(await sut.claim(r));
    expect((await sut.claim(r)).kind).toBe('in-progress');

    clock.advance(IdempotencyStore.LEASE_MS + 1);
    expect((await sut.claim({ ...r, fingerprint: 'c'.repeat(64) })).kind).toBe('mismatch');
    const retry = claimOf(await sut.claim(r));

    await expect(serve(original, `${r.key}-slow`)).rejects.toBeInstanceOf(
      IdempotencyClaimLostError,
    );
    expect(await probeRows(`${r.key}-slow`)).toBe(0);
    await serve(retry, `${r.key}-retry`);
    expect(await probeRows(`${r.key}-retry`)).toBe(1);
    await original.release();
    expect(await record(r)).toMatchObject({ status: 'COMPLETED' });
  });

  it('never takes over a completed record before it expires', async () => {
    const r = request();
    await serve(claimOf(await sut.claim(r)), r.key);

    clock.advance(IdempotencyStore.TTL_MS - 1);

    expect((await sut.claim(r)).kind).toBe('replay');
  });

  it('ignores an expired record: the key may be used again, even for another request', async () => {
    const r = request();
    await serve(claimOf(await sut.claim(r)), r.key);

    clock.advance(IdempotencyStore.TTL_MS);
    const reused = await sut.claim({ ...r, fingerprint: 'd'.repeat(64) });

    expect(reused.kind).toBe('claimed');
    expect(await record(r)).toMatchObject({
      status: 'IN_PROGRESS',
      response_body: null,
      request_hash: 'd'.repeat(64),
    });
  });

  it('purges expired records only', async () => {
    const expired = request();
    const live = request();
    await serve(claimOf(await sut.claim(expired)), expired.key);
    clock.advance(IdempotencyStore.TTL_MS / 2);
    await serve(claimOf(await sut.claim(live)), live.key);

    clock.advance(IdempotencyStore.TTL_MS / 2);
    let purged = 0;
    for (let batch = -1; batch !== 0;) purged += batch = await sut.purgeExpired(1000);

    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await record(expired)).toBeUndefined();
    expect(await record(live)).toMatchObject({ status: 'COMPLETED' });
  });
});
