import { SalesCount } from '../ports/order.read-model.port';
import { SalesRanking } from '../ports/sales-ranking.port';

/**
 * Daily counts in memory, each change id applied once. Set `unavailable` to
 * make `top` answer null, as the Redis ranking does when Redis is away.
 */
export class FakeSalesRanking extends SalesRanking {
  unavailable = false;
  /** Every `top` call, in order. */
  readonly topCalls: Array<{ fromDay: string; toDay: string; limit: number }> = [];
  /** Every `record` call, in order (duplicates included). */
  readonly recordCalls: Array<{ changeId: string; day: string; changes: readonly SalesCount[] }> =
    [];
  private readonly days = new Map<string, Map<string, number>>();
  private readonly applied = new Set<string>();

  /** The day's count of a product (0 when none). */
  countOf(day: string, productId: string): number {
    return this.days.get(day)?.get(productId) ?? 0;
  }

  async top(fromDay: string, toDay: string, limit: number): Promise<SalesCount[] | null> {
    this.topCalls.push({ fromDay, toDay, limit });
    if (this.unavailable) return null;
    const sums = new Map<string, number>();
    for (const [day, counts] of this.days) {
      if (day < fromDay || day > toDay) continue;
      for (const [productId, quantity] of counts)
        sums.set(productId, (sums.get(productId) ?? 0) + quantity);
    }
    const counts = [...sums.entries()]
      .filter(([, quantity]) => quantity > 0)
      .map(([productId, soldQuantity]) => ({ productId, soldQuantity }))
      .sort((a, b) => b.soldQuantity - a.soldQuantity)
      .slice(0, limit);
    return counts.length > 0 ? counts : null;
  }

  async record(changeId: string, day: string, changes: readonly SalesCount[]): Promise<void> {
    this.recordCalls.push({ changeId, day, changes });
    if (this.applied.has(changeId)) return;
    this.applied.add(changeId);
    const counts = this.days.get(day) ?? new Map<string, number>();
    for (const change of changes)
      counts.set(change.productId, (counts.get(change.productId) ?? 0) + change.soldQuantity);
    this.days.set(day, counts);
  }
}
