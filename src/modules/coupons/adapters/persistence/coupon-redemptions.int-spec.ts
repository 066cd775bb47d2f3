import { TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CouponRows } from '../../../../../test/support/coupon-rows';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { CouponRedemptions } from '../../application/ports/coupon-redemptions.port';
import { CouponsModule } from '../../coupons.module';
import { CouponNotUsableError } from '../../domain/coupon-not-usable.error';
import { Money } from '../../../../shared/kernel/money';

describe('CouponRedemptions (MariaDB)', () => {
  let context: TestingModule;
  let sut: CouponRedemptions;
  let unitOfWork: UnitOfWork;
  let db: DataSource;
  let alice: string;
  let bob: string;
  let percentCoupon: string;
  const now = new Date();

  beforeAll(async () => {
    context = await createPlatformContext([CouponsModule], {}, 'api');
    sut = context.get(CouponRedemptions);
    unitOfWork = context.get(UnitOfWork);
    db = context.get(DataSource);
    alice = await CouponRows.user(db);
    bob = await CouponRows.user(db);
    // 10 % off from 20,000 won, at most 5,000 won.
    percentCoupon = await CouponRows.coupon(db);
  });

  afterAll(async () => {
    await context.close();
  });

  const aliceHolds = (couponId = percentCoupon, validUntil = new Date(Date.now() + 86_400_000)) =>
    CouponRows.userCoupon(db, { couponId, userId: alice, validUntil });
  const coupon = (overrides: Parameters<typeof CouponRows.coupon>[1]) =>
    CouponRows.coupon(db, overrides);

  it('marks the coupon USED by the order inside the caller’s unit of work and returns the discount', async () => {
    const freshCoupon = await coupon({});
    const userCouponId = await aliceHolds(freshCoupon);
    const orderId = randomUUID();

    const result = await unitOfWork.run(() =>
      sut.redeem({ userCouponId, userId: alice, orderId, subtotal: Money.won(34_567), at: now }),
    );

    expect(result).toEqual({ discount: Money.won(3456), applied: true });
    const row = await CouponRows.status(db, userCouponId);
    expect(row.status).toBe('USED');
    expect(row.order_id).toBe(orderId);
    expect(new Date(row.used_at as string).getTime()).toBe(now.getTime());
  });

  it('leaves the coupon AVAILABLE when the caller’s transaction rolls back', async () => {
    const userCouponId = await aliceHolds(await coupon({}));

    await expect(
      unitOfWork.run(async () => {
        const result = await sut.redeem({
          userCouponId,
          userId: alice,
          orderId: randomUUID(),
          subtotal: Money.won(50_000),
          at: now,
        });
        expect(result.applied).toBe(true);
        throw new Error('wallet balance too low');
      }),
    ).rejects.toThrow('wallet balance too low');

    expect(await CouponRows.status(db, userCouponId)).toEqual({
      status: 'AVAILABLE',
      order_id: null,
      used_at: null,
    });
  });

  it('holds a row lock: a second redemption waits for the first and then finds the coupon used', async () => {
    const userCouponId = await aliceHolds(await coupon({}));
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstCommittedAt = 0;
    let secondSettledAt = 0;

    const first = unitOfWork
      .run(async () => {
        await sut.redeem({
          userCouponId,
          userId: alice,
          orderId: randomUUID(),
          subtotal: Money.won(50_000),
          at: now,
        });
        await firstMayCommit;
      })
      .then(() => (firstCommittedAt = Date.now()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = unitOfWork
      .run(() =>
        sut.redeem({
          userCouponId,
          userId: alice,
          orderId: randomUUID(),
          subtotal: Money.won(50_000),
          at: now,
        }),
      )
      .finally(() => (secondSettledAt = Date.now()));
    second.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondSettledAt).toBe(0);
    releaseFirst();

    await first;
    await expect(second).rejects.toBeInstanceOf(CouponNotUsableError);
    expect(secondSettledAt).toBeGreaterThanOrEqual(firstCommittedAt);
  });

  it('gives no discount and leaves the coupon AVAILABLE below minOrderAmount', async () => {
    const userCouponId = await aliceHolds(await coupon({ minOrderAmount: 20_000 }));

    const result = await unitOfWork.run(() =>
      sut.redeem({
        userCouponId,
        userId: alice,
        orderId: randomUUID(),
        subtotal: Money.won(19_999),
        at: now,
      }),
    );

    expect(result).toEqual({ discount: Money.won(0), applied: false });
    expect((await CouponRows.status(db, userCouponId)).status).toBe('AVAILABLE');
  });

  it.each([
    ['an unknown user coupon', () => Promise.resolve(randomUUID()), () => alice, () => now],
    ["another user's coupon", async () => aliceHolds(await coupon({})), () => bob, () => now],
    [
      'a coupon whose window ended (sweep not run yet)',
      async () => aliceHolds(await coupon({})),
      () => alice,
      () => new Date(Date.now() + 2 * 86_400_000),
    ],
  ])('refuses %s with COUPON_NOT_USABLE', async (_label, holding, who, at) => {
    const userCouponId = await holding();

    await expect(
      unitOfWork.run(() =>
        sut.redeem({
          userCouponId,
          userId: who(),
          orderId: randomUUID(),
          subtotal: Money.won(50_000),
          at: at(),
        }),
      ),
    ).rejects.toBeInstanceOf(CouponNotUsableError);
  });

  it('takes a FIXED discount of at most the subtotal', async () => {
    const userCouponId = await aliceHolds(
      await coupon({
        discountType: 'FIXED',
        discountValue: 3000,
        maxDiscount: null,
        minOrderAmount: 0,
      }),
    );

    await expect(
      unitOfWork.run(() =>
        sut.redeem({
          userCouponId,
          userId: alice,
          orderId: randomUUID(),
          subtotal: Money.won(2500),
          at: now,
        }),
      ),
    ).resolves.toEqual({ discount: Money.won(2500), applied: true });
  });

  describe('restore', () => {
    const usedBy = async (orderId: string, validUntil?: Date): Promise<string> => {
      const userCouponId = await aliceHolds(await coupon({}), validUntil);
      await unitOfWork.run(() =>
        sut.redeem({ userCouponId, userId: alice, orderId, subtotal: Money.won(50_000), at: now }),
      );
      return userCouponId;
    };

    it('makes the coupon AVAILABLE again inside its window', async () => {
      const orderId = randomUUID();
      const userCouponId = await usedBy(orderId);

      await unitOfWork.run(() => sut.restore({ userCouponId, orderId, at: new Date() }));

      expect(await CouponRows.status(db, userCouponId)).toEqual({
        status: 'AVAILABLE',
        order_id: null,
        used_at: null,
      });
    });

    it('makes it EXPIRED after its window', async () => {
      const orderId = randomUUID();
      const userCouponId = await usedBy(orderId);

      await unitOfWork.run(() =>
        sut.restore({ userCouponId, orderId, at: new Date(Date.now() + 2 * 86_400_000) }),
      );

      expect((await CouponRows.status(db, userCouponId)).status).toBe('EXPIRED');
    });

    it('ignores another order', async () => {
      const orderId = randomUUID();
      const userCouponId = await usedBy(orderId);

      await unitOfWork.run(() => sut.restore({ userCouponId, orderId: randomUUID(), at: now }));

      expect(await CouponRows.status(db, userCouponId)).toMatchObject({
        status: 'USED',
        order_id: orderId,
      });
    });
  });
});
