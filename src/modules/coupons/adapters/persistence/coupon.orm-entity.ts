import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'coupons' })
export class CouponOrmEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'discount_type', type: 'varchar', length: 16 })
  discountType!: string;

  @Column({ name: 'discount_value', type: 'int' })
  discountValue!: number;

  @Column({ name: 'max_discount', type: 'int', nullable: true })
  maxDiscount!: number | null;

  @Column({ name: 'min_order_amount', type: 'int' })
  minOrderAmount!: number;

  @Column({ name: 'total_quantity', type: 'int' })
  totalQuantity!: number;

  @Column({ name: 'issued_quantity', type: 'int' })
  issuedQuantity!: number;

  @Column({ name: 'valid_from', type: 'datetime', precision: 3 })
  validFrom!: Date;

  @Column({ name: 'valid_until', type: 'datetime', precision: 3 })
  validUntil!: Date;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
