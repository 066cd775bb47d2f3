/** The return window (RETURN_WINDOW_DAYS): days after delivery within which a return may be requested. */
export class ReturnPolicy {
  constructor(readonly windowDays: number) {}
}
