/** Produces new, unique, time-ordered identifiers for aggregates. */
export abstract class IdGenerator {
  /** A new identifier (a UUIDv7 string in production). */
  abstract next(): string;
}
