import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { CouponRepository } from '../../application/ports/coupon.repository.port';
import { Coupon } from '../../domain/coupon.aggregate';
import { CouponOrmEntity } from './coupon.orm-entity';
import { CouponPersistenceMapper } from './coupon.persistence-mapper';

@Injectable()
export class TypeOrmCouponRepository extends CouponRepository {
  constructor(private readonly transaction: TransactionContext) {
    super();
  }

  async add(coupon: Coupon): Promise<void> {
    await this.transaction.manager().insert(CouponOrmEntity, CouponPersistenceMapper.toRow(coupon));
  }

  async findById(id: string): Promise<Coupon | null> {
    const row = await this.transaction.manager().findOne(CouponOrmEntity, { where: { id } });
    return row ? CouponPersistenceMapper.toDomain(row) : null;
  }

  async takeOne(couponId: string): Promise<boolean> {
    // READ COMMITTED: once sold out, later UPDATEs see the committed count
    // and skip the row without waiting for its lock (semi-consistent read).
    const result = (await this.transaction
      .manager()
      .query(
        'UPDATE coupons SET issued_quantity = issued_quantity + 1 WHERE id = ? AND issued_quantity < total_quantity',
        [couponId],
      )) as { affectedRows: number };
    return result.affectedRows === 1;
  }
}
