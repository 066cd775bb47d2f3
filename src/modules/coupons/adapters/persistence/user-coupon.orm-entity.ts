import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'user_coupons' })
export class UserCouponOrmEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ name: 'coupon_id', type: 'char', length: 36 })
  couponId!: string;

  @Column({ name: 'user_id', type: 'char', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'valid_until', type: 'datetime', precision: 3 })
  validUntil!: Date;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt!: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'order_id', type: 'char', length: 36, nullable: true })
  orderId!: string | null;
}
