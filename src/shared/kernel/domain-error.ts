/**
 * Base of every error the domain and application layers raise on purpose.
 * It carries a stable machine-readable `code` (part of the public contract) and
 * never an HTTP status: the HTTP adapter maps codes to statuses in one place.
 */
export abstract class DomainError extends Error {
  /** Stable error code, e.g. `EMAIL_TAKEN`; clients branch on it. */
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
