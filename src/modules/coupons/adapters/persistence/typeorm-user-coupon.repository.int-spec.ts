import { TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CouponRows } from '../../../../../test/support/coupon-rows';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { CouponOrmEntity } from './coupon.orm-entity';
import { TypeOrmUserCouponRepository } from './typeorm-user-coupon.repository';
import { UserCouponOrmEntity } from './user-coupon.orm-entity';

describe('TypeOrmUserCouponRepository.expireDue (MariaDB)', () => {
  let context: TestingModule;
  let sut: TypeOrmUserCouponRepository;
  let unitOfWork: UnitOfWork;
  let db: DataSource;
  let userId: string;
  // Each test uses instants far in the past, earlier than the previous test's,
  // so rows of other tests and specs (all later) never match its sweep.
  let era = Date.UTC(2001, 0, 1);

  beforeAll(async () => {
    context = await createPlatformContext([
      TypeOrmModule.forFeature([CouponOrmEntity, UserCouponOrmEntity]),
    ]);
    unitOfWork = context.get(UnitOfWork);
    db = context.get(DataSource);
    sut = new TypeOrmUserCouponRepository(context.get(TransactionContext));
    userId = await CouponRows.user(db);
  });

  afterAll(async () => {
    await context.close();
  });

  /** `count` coupons of one issue (different users) whose window ended at `validUntil`. */
  const holdings = async (
    count: number,
    validUntil: Date,
    status: 'AVAILABLE' | 'USED' | 'EXPIRED' = 'AVAILABLE',
  ): Promise<string[]> => {
    const couponId = await CouponRows.coupon(db, {
      validFrom: new Date(validUntil.getTime() - 86_400_000),
      validUntil,
    });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const owner = i === 0 ? userId : await CouponRows.user(db);
      ids.push(await CouponRows.userCoupon(db, { couponId, userId: owner, validUntil, status }));
    }
    return ids;
  };
  const statuses = async (ids: string[]) =>
    Promise.all(ids.map(async (id) => (await CouponRows.status(db, id)).status));

  beforeEach(() => {
    era -= 30 * 86_400_000;
  });

  it('expires AVAILABLE coupons whose validUntil passed, leaving running, USED and EXPIRED ones alone', async () => {
    const now = new Date(era);
    const ended = await holdings(2, new Date(era - 1000));
    const endsNow = await holdings(1, now);
    const running = await holdings(1, new Date(era + 1));
    const used = await holdings(1, new Date(era - 1000), 'USED');

    const changed = await unitOfWork.run(() => sut.expireDue(now, 100));

    expect(changed).toBe(3);
    expect(await statuses([...ended, ...endsNow])).toEqual(['EXPIRED', 'EXPIRED', 'EXPIRED']);
    expect(await statuses(running)).toEqual(['AVAILABLE']);
    expect(await statuses(used)).toEqual(['USED']);
  });

  it('changes at most `limit` rows per call, and nothing once all are expired', async () => {
    const now = new Date(era);
    const ids = await holdings(5, new Date(era - 1000));

    expect(await unitOfWork.run(() => sut.expireDue(now, 2))).toBe(2);
    expect(await unitOfWork.run(() => sut.expireDue(now, 2))).toBe(2);
    expect(await unitOfWork.run(() => sut.expireDue(now, 2))).toBe(1);
    expect(await unitOfWork.run(() => sut.expireDue(now, 2))).toBe(0);
    expect(new Set(await statuses(ids))).toEqual(new Set(['EXPIRED']));
  });

  it('lets two sweeps run at once: the second skips rows the first holds instead of waiting', async () => {
    const now = new Date(era);
    const ids = await holdings(6, new Date(era - 1000));
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));

    const first = unitOfWork.run(async () => {
      const changed = await sut.expireDue(now, 4);
      await firstMayCommit;
      return changed;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const second = await unitOfWork.run(() => sut.expireDue(now, 4));
    const secondMs = Date.now() - started;
    releaseFirst();

    expect(second).toBe(2);
    expect(secondMs).toBeLessThan(1000);
    expect(await first).toBe(4);
    expect(new Set(await statuses(ids))).toEqual(new Set(['EXPIRED']));
  });

  it('skips a coupon an order holds locked, and leaves it to the next run', async () => {
    const now = new Date(era);
    const [locked, free] = await holdings(2, new Date(era - 1000));
    let release!: () => void;
    const orderMayCommit = new Promise<void>((resolve) => (release = resolve));
    const order = unitOfWork.run(async () => {
      await sut.findByIdForUpdate(locked!);
      await orderMayCommit;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(await unitOfWork.run(() => sut.expireDue(now, 10))).toBe(1);
    expect(await statuses([locked!, free!])).toEqual(['AVAILABLE', 'EXPIRED']);
    release();
    await order;
    expect(await unitOfWork.run(() => sut.expireDue(now, 10))).toBe(1);
    expect(await statuses([locked!])).toEqual(['EXPIRED']);
  });
});
