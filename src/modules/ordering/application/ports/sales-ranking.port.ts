import { SalesCount } from './order.read-model.port';

/** Quantities sold per product and day, kept outside the database for fast best-seller reads. */
export abstract class SalesRanking {
  /**
   * Best sellers over the days from `fromDay` to `toDay` (UTC, `YYYY-MM-DD`),
   * quantities above zero only. null when the ranking cannot answer (store
   * unreachable or holding nothing for the window): the caller falls back.
   */
  abstract top(fromDay: string, toDay: string, limit: number): Promise<SalesCount[] | null>;

  /**
   * Adds the quantities (negative for cancellations) to the day's counts,
   * at most once per `changeId` (an event id), so redelivered events do not count twice.
   */
  abstract record(changeId: string, day: string, changes: readonly SalesCount[]): Promise<void>;
}
