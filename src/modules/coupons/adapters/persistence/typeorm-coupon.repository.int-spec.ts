import { TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CouponRows } from '../../../../../test/support/coupon-rows';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { isCheckConstraintError } from '../../../../platform/database/mysql-errors';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { CouponOrmEntity } from './coupon.orm-entity';
import { TypeOrmCouponRepository } from './typeorm-coupon.repository';
import { Money } from '../../../../shared/kernel/money';

describe('TypeOrmCouponRepository (MariaDB)', () => {
  let context: TestingModule;
  let sut: TypeOrmCouponRepository;
  let unitOfWork: UnitOfWork;
  let db: DataSource;

  beforeAll(async () => {
    context = await createPlatformContext([TypeOrmModule.forFeature([CouponOrmEntity])]);
    unitOfWork = context.get(UnitOfWork);
    db = context.get(DataSource);
    sut = new TypeOrmCouponRepository(context.get(TransactionContext));
  });

  afterAll(async () => {
    await context.close();
  });

  const issued = async (couponId: string): Promise<number> =>
    Number(
      (
        (await db.query('SELECT issued_quantity FROM coupons WHERE id = ?', [couponId])) as Array<{
          issued_quantity: number;
        }>
      )[0]?.issued_quantity,
    );

  it('takes exactly total_quantity coupons when 30 transactions race for 7', async () => {
    const couponId = await CouponRows.coupon(db, { totalQuantity: 7 });

    const results = await Promise.all(
      Array.from({ length: 30 }, () => unitOfWork.run(() => sut.takeOne(couponId))),
    );

    expect(results.filter(Boolean)).toHaveLength(7);
    expect(await issued(couponId)).toBe(7);
  });

  it('gives the coupon back when the transaction that took it rolls back', async () => {
    const couponId = await CouponRows.coupon(db, { totalQuantity: 1 });

    await expect(
      unitOfWork.run(async () => {
        expect(await sut.takeOne(couponId)).toBe(true);
        throw new Error('insert failed');
      }),
    ).rejects.toThrow('insert failed');

    expect(await issued(couponId)).toBe(0);
    expect(await unitOfWork.run(() => sut.takeOne(couponId))).toBe(true);
  });

  it('has a CHECK that stops any write from issuing more than total_quantity', async () => {
    const couponId = await CouponRows.coupon(db, { totalQuantity: 1 });

    const error = await db
      .query('UPDATE coupons SET issued_quantity = 2 WHERE id = ?', [couponId])
      .catch((e: unknown) => e);

    expect(isCheckConstraintError(error)).toBe(true);
  });

  it('reads the coupon back as an aggregate', async () => {
    const couponId = await CouponRows.coupon(db, {
      discountType: 'PERCENT',
      discountValue: 15,
      maxDiscount: 4000,
      minOrderAmount: 1000,
    });

    const coupon = await sut.findById(couponId);

    expect(coupon?.policy.discountFor(Money.won(100_000)).won).toBe(4000);
    expect(coupon?.policy.discountFor(Money.won(999)).won).toBe(0);
    expect(coupon?.soldOut).toBe(false);
  });
});
