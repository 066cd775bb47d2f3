import { TimeoutError } from './timeout.error';

/**
 * Races a promise against a timer. The underlying call is not cancelled (most
 * clients cannot), but the caller gets an answer in time; a late rejection is
 * swallowed so it cannot become an unhandled rejection.
 */
export function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs: number,
  operation: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(operation, timeoutMs)), timeoutMs);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
