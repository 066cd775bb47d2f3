import { Money } from '../../../shared/kernel/money';
import { ValidationError } from '../../../shared/kernel/validation.error';
import { BalanceLimitExceededError } from './balance-limit-exceeded.error';
import { InsufficientBalanceError } from './insufficient-balance.error';
import { InsufficientPointsError } from './insufficient-points.error';
import { PointsAlreadySpentError } from './points-already-spent.error';
import { OrderMovement, Wallet } from './wallet.aggregate';

describe(Wallet.name, () => {
  const at = new Date('2025-03-01T12:00:00.000Z');
  const ids = () => {
    let n = 0;
    return () => `tx-${++n}`;
  };
  const wallet = (balance: number, points: number) =>
    Wallet.rehydrate({ userId: 'user-1', balance: Money.won(balance), points, version: 7 });
  const order = ({
    amount = 0,
    ...change
  }: Partial<Omit<OrderMovement, 'amount'>> & { amount?: number } = {}): OrderMovement => ({
    orderId: 'order-1',
    pointsUsed: 0,
    pointsEarned: 0,
    at,
    ...change,
    amount: Money.won(amount),
  });

  describe('charge', () => {
    it('adds the amount and records a CHARGE entry with the balance after it', () => {
      const sut = wallet(500, 30);

      const entry = sut.charge(1_000, 'tx-1', at);

      expect(sut.balance.won).toBe(1_500);
      expect(entry).toEqual({
        id: 'tx-1',
        userId: 'user-1',
        type: 'CHARGE',
        amount: 1_000,
        balanceAfter: 1_500,
        pointsAfter: 30,
        orderId: null,
        returnId: null,
        at,
      });
      expect(sut.pullEntries()).toEqual([entry]);
      expect(sut.pullEntries()).toEqual([]);
    });

    it.each([0, -1, 1_000_001, 1.5, Number.NaN])('rejects an amount of %p', (amount) => {
      const sut = wallet(0, 0);

      expect(() => sut.charge(amount, 'tx-1', at)).toThrow(ValidationError);
      expect(sut.balance.won).toBe(0);
      expect(sut.pullEntries()).toEqual([]);
    });

    it('accepts the bounds: 1 and 1,000,000, up to a balance of exactly 100,000,000', () => {
      const sut = wallet(Wallet.MAX_BALANCE - 1_000_001, 0);

      sut.charge(1, 'tx-1', at);
      sut.charge(1_000_000, 'tx-2', at);

      expect(sut.balance.won).toBe(100_000_000);
    });

    it('refuses a charge that would take the balance above 100,000,000 and changes nothing', () => {
      const sut = wallet(99_999_999, 0);

      expect(() => sut.charge(2, 'tx-1', at)).toThrow(BalanceLimitExceededError);
      expect(sut.balance.won).toBe(99_999_999);
      expect(sut.pullEntries()).toEqual([]);
    });
  });

  describe('pay', () => {
    it('uses points, debits the balance, credits earned points, in that order', () => {
      const sut = wallet(10_000, 500);

      const entries = sut.pay(order({ amount: 7_000, pointsUsed: 300, pointsEarned: 70 }), ids());

      expect(sut.balance.won).toBe(3_000);
      expect(sut.points).toBe(270);
      expect(
        entries.map((e) => [e.id, e.type, e.amount, e.balanceAfter, e.pointsAfter, e.orderId]),
      ).toEqual([
        ['tx-1', 'POINTS_USED', 300, 10_000, 200, 'order-1'],
        ['tx-2', 'PAYMENT', 7_000, 3_000, 200, 'order-1'],
        ['tx-3', 'POINTS_EARNED', 70, 3_000, 270, 'order-1'],
      ]);
      expect(sut.pullEntries()).toEqual(entries);
    });

    it('skips zero movements', () => {
      const sut = wallet(10_000, 0);

      const entries = sut.pay(order({ amount: 5_000 }), ids());

      expect(entries.map((e) => e.type)).toEqual(['PAYMENT']);
    });

    it('lets a payment spend the whole balance', () => {
      const sut = wallet(5_000, 0);

      sut.pay(order({ amount: 5_000 }), ids());

      expect(sut.balance.won).toBe(0);
    });

    it('fails with INSUFFICIENT_POINTS before touching anything', () => {
      const sut = wallet(10_000, 99);

      expect(() => sut.pay(order({ amount: 1, pointsUsed: 100 }), ids())).toThrow(
        InsufficientPointsError,
      );
      expect([sut.balance.won, sut.points]).toEqual([10_000, 99]);
      expect(sut.pullEntries()).toEqual([]);
    });

    it('fails with INSUFFICIENT_BALANCE before touching anything, even with points in hand', () => {
      const sut = wallet(999, 500);

      expect(() => sut.pay(order({ amount: 1_000, pointsUsed: 100 }), ids())).toThrow(
        InsufficientBalanceError,
      );
      expect([sut.balance.won, sut.points]).toEqual([999, 500]);
      expect(sut.pullEntries()).toEqual([]);
    });

    it.each([
      ['fractional points', { pointsUsed: 0.5 }, 'pointsUsed'],
      ['negative earned points', { pointsEarned: -3 }, 'pointsEarned'],
      ['no order id', { orderId: '' }, 'orderId'],
    ])('rejects %s', (_label, change, field) => {
      const sut = wallet(10_000, 10_000);

      const error = (() => {
        try {
          sut.pay(order(change), ids());
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors.map((e) => e.field)).toEqual([field]);
      expect(sut.pullEntries()).toEqual([]);
    });
  });

  describe('refund', () => {
    it('revokes earned points, restores used points and refunds the money', () => {
      const sut = wallet(3_000, 270);

      const entries = sut.refund(
        order({ amount: 7_000, pointsUsed: 300, pointsEarned: 70 }),
        ids(),
      );

      expect([sut.balance.won, sut.points]).toEqual([10_000, 500]);
      expect(entries.map((e) => [e.type, e.amount, e.balanceAfter, e.pointsAfter])).toEqual([
        ['POINTS_REVOKED', 70, 3_000, 200],
        ['POINTS_RESTORED', 300, 3_000, 500],
        ['REFUND', 7_000, 10_000, 500],
      ]);
    });

    it('fails with POINTS_ALREADY_SPENT when the earned points are no longer held', () => {
      const sut = wallet(3_000, 69);

      expect(() =>
        sut.refund(order({ amount: 7_000, pointsUsed: 300, pointsEarned: 70 }), ids()),
      ).toThrow(PointsAlreadySpentError);
      expect([sut.balance.won, sut.points]).toEqual([3_000, 69]);
      expect(sut.pullEntries()).toEqual([]);
    });

    it('refunds even when the balance ends above the charge limit', () => {
      const sut = wallet(Wallet.MAX_BALANCE, 0);

      sut.refund(order({ amount: 50_000 }), ids());

      expect(sut.balance.won).toBe(Wallet.MAX_BALANCE + 50_000);
      expect(() => sut.charge(1, 'tx-x', at)).toThrow(BalanceLimitExceededError);
    });
  });

  describe('refundReturn', () => {
    const settle = (
      sut: Wallet,
      change: { amount: number; pointsToRestore?: number; pointsToRevoke?: number },
    ) =>
      sut.refundReturn(
        {
          orderId: 'order-1',
          returnId: 'return-1',
          amount: Money.won(change.amount),
          pointsToRestore: change.pointsToRestore ?? 0,
          pointsToRevoke: change.pointsToRevoke ?? 0,
          at,
        },
        ids(),
      );

    it('restores used points, revokes earned ones and refunds, each row carrying the return id', () => {
      const sut = wallet(1_000, 40);

      const settled = settle(sut, { amount: 3_000, pointsToRestore: 100, pointsToRevoke: 30 });

      expect(settled).toEqual({
        refunded: Money.won(3_000),
        pointsRestored: 100,
        pointsRevoked: 30,
        pointsShortfall: 0,
      });
      expect([sut.balance.won, sut.points]).toEqual([4_000, 110]);
      expect(sut.pullEntries().map((e) => [e.type, e.amount, e.returnId, e.orderId])).toEqual([
        ['POINTS_RESTORED', 100, 'return-1', 'order-1'],
        ['POINTS_REVOKED', 30, 'return-1', 'order-1'],
        ['REFUND', 3_000, 'return-1', 'order-1'],
      ]);
    });

    it('withholds earned points no longer held from the refund, 1 won each, instead of refusing', () => {
      const sut = wallet(0, 5);

      const settled = settle(sut, { amount: 3_000, pointsToRestore: 10, pointsToRevoke: 40 });

      // 5 held + 10 restored = 15 revoked; 25 missing points are withheld.
      expect(settled).toMatchObject({ pointsRevoked: 15, pointsShortfall: 25 });
      expect(settled.refunded.won).toBe(2_975);
      expect([sut.balance.won, sut.points]).toEqual([2_975, 0]);
    });

    it('never refunds below zero when the shortfall is larger than the refund', () => {
      const sut = wallet(100, 0);

      const settled = settle(sut, { amount: 10, pointsToRevoke: 30 });

      expect(settled).toMatchObject({ pointsRevoked: 0, pointsShortfall: 30 });
      expect(settled.refunded.won).toBe(0);
      expect(sut.balance.won).toBe(100);
      expect(sut.pullEntries()).toEqual([]);
    });

    it('refuses negative points and a missing return id', () => {
      expect(() => settle(wallet(0, 0), { amount: 1, pointsToRestore: -1 })).toThrow(
        ValidationError,
      );
      expect(() =>
        wallet(0, 0).refundReturn(
          {
            orderId: 'order-1',
            returnId: '',
            amount: Money.won(1),
            pointsToRestore: 0,
            pointsToRevoke: 0,
            at,
          },
          ids(),
        ),
      ).toThrow(ValidationError);
    });
  });

  it('starts empty at version 0', () => {
    const sut = Wallet.empty('user-9');

    expect([sut.userId, sut.balance.won, sut.points, sut.version]).toEqual(['user-9', 0, 0, 0]);
  });
});
