export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /**
   * Stable id of this e-mail (the event that caused it); becomes the
   * Message-ID so receivers can drop a duplicate delivery too.
   */
  readonly idempotencyKey: string;
}

/** Sends e-mail. */
export abstract class Mailer {
  /** Hands the message to the mail server; rejects if it was not accepted. */
  abstract send(email: OutgoingEmail): Promise<void>;
}
