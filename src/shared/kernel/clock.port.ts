/** The current time; a port so handlers and aggregates can be tested at a fixed time. */
export abstract class Clock {
  /** The current instant. */
  abstract now(): Date;
}
