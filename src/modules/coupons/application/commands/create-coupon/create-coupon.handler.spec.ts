import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { InMemoryCouponRepository } from '../../testing/in-memory-coupon.repository.fake';
import { CreateCouponCommand, CreateCouponInput } from './create-coupon.command';
import { CreateCouponHandler } from './create-coupon.handler';

describe(CreateCouponHandler.name, () => {
  const input: CreateCouponInput = {
    name: 'Spring sale',
    discountType: 'FIXED',
    discountValue: 3000,
    maxDiscount: null,
    minOrderAmount: 10_000,
    totalQuantity: 100,
    validFrom: new Date('2025-03-01T00:00:00.000Z'),
    validUntil: new Date('2025-04-01T00:00:00.000Z'),
  };
  let unitOfWork: ImmediateUnitOfWork;
  let coupons: InMemoryCouponRepository;
  let sut: CreateCouponHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    coupons = new InMemoryCouponRepository(unitOfWork);
    sut = new CreateCouponHandler(
      coupons,
      unitOfWork,
      new SequentialIdGenerator('coupon'),
      new FixedClock(new Date('2025-02-01T10:00:00.000Z')),
    );
  });

  it('stores the issue in a committed unit of work and returns its view with everything left', async () => {
    const view = await sut.execute(new CreateCouponCommand(input));

    expect(view).toEqual({
      id: 'coupon-1',
      name: 'Spring sale',
      discountType: 'FIXED',
      discountValue: 3000,
      maxDiscount: null,
      minOrderAmount: 10_000,
      totalQuantity: 100,
      remainingQuantity: 100,
      validFrom: '2025-03-01T00:00:00.000Z',
      validUntil: '2025-04-01T00:00:00.000Z',
      createdAt: '2025-02-01T10:00:00.000Z',
    });
    expect(unitOfWork.committed).toHaveLength(1);
    expect(coupons.issuedOf('coupon-1')).toBe(0);
  });

  it('rejects invalid terms before writing anything', async () => {
    await expect(
      sut.execute(
        new CreateCouponCommand({ ...input, discountType: 'PERCENT', discountValue: 150 }),
      ),
    ).rejects.toBeInstanceOf(ValidationError);

    expect(coupons.stored('coupon-1')).toBeUndefined();
    expect(unitOfWork.committed).toEqual([]);
  });
});
