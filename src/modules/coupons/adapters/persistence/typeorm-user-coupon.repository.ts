import { Injectable } from '@nestjs/common';
import { isDuplicateKeyError } from '../../../../platform/database/mysql-errors';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { UserCouponRepository } from '../../application/ports/user-coupon.repository.port';
import { CouponAlreadyIssuedError } from '../../domain/coupon-already-issued.error';
import { UserCoupon } from '../../domain/user-coupon.aggregate';
import { UserCouponOrmEntity } from './user-coupon.orm-entity';
import { UserCouponPersistenceMapper } from './user-coupon.persistence-mapper';

@Injectable()
export class TypeOrmUserCouponRepository extends UserCouponRepository {
  constructor(private readonly transaction: TransactionContext) {
    super();
  }

  async add(userCoupon: UserCoupon): Promise<void> {
    try {
      await this.transaction
        .manager()
        .insert(UserCouponOrmEntity, UserCouponPersistenceMapper.toRow(userCoupon));
    } catch (error) {
      // The only unique key besides the primary key (a fresh UUIDv7) is (coupon_id, user_id).
      if (isDuplicateKeyError(error)) throw new CouponAlreadyIssuedError();
      throw error;
    }
  }

  async isHeldBy(couponId: string, userId: string): Promise<boolean> {
    const rows = (await this.transaction
      .manager()
      .query('SELECT 1 AS held FROM user_coupons WHERE coupon_id = ? AND user_id = ? LIMIT 1', [
        couponId,
        userId,
      ])) as unknown[];
    return rows.length > 0;
  }

  async findByIdForUpdate(id: string): Promise<UserCoupon | null> {
    const row = await this.transaction
      .manager()
      .findOne(UserCouponOrmEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return row ? UserCouponPersistenceMapper.toDomain(row) : null;
  }

  async save(userCoupon: UserCoupon): Promise<void> {
    await this.transaction
      .manager()
      .update(
        UserCouponOrmEntity,
        { id: userCoupon.id },
        { status: userCoupon.status, usedAt: userCoupon.usedAt, orderId: userCoupon.orderId },
      );
  }

  async expireDue(now: Date, limit: number): Promise<number> {
    const manager = this.transaction.manager();
    // Claim first with SKIP LOCKED so sweeps on several workers (and orders
    // holding a coupon) never wait for each other; the UPDATE re-checks the
    // status, so a row used in between is left alone.
    const rows = (await manager.query(
      `SELECT id FROM user_coupons
        WHERE status = 'AVAILABLE' AND valid_until <= ?
        ORDER BY valid_until, id
        LIMIT ${Math.max(1, Math.floor(limit))}
        FOR UPDATE SKIP LOCKED`,
      [now],
    )) as Array<{ id: string }>;
    if (rows.length === 0) return 0;
    const result = (await manager.query(
      `UPDATE user_coupons SET status = 'EXPIRED' WHERE id IN (?) AND status = 'AVAILABLE'`,
      [rows.map((row) => row.id)],
    )) as { affectedRows: number };
    return result.affectedRows;
  }
}
