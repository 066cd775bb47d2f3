import { Clock } from '../clock.port';

/** A clock that stands still until the test moves it. */
export class FixedClock extends Clock {
  private current: Date;

  constructor(start: Date = new Date('2025-01-15T09:00:00.000Z')) {
    super();
    this.current = new Date(start.getTime());
  }

  now(): Date {
    // A copy, so a caller mutating the Date cannot move the clock.
    return new Date(this.current.getTime());
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  /** Sets the clock to `instant`. */
  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }
}
