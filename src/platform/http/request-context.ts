import { AsyncLocalStorage } from 'node:async_hooks';

/** What the platform knows about the request being served. */
export interface RequestState {
  readonly requestId: string;
  /** The client's address (behind a trusted proxy, from X-Forwarded-For); for audit rows, never logged by them. */
  readonly clientAddress?: string;
  /** Set by the JWT guard once the caller is authenticated. */
  userId?: string;
  /**
   * When the caller last committed a write (epoch ms), as far as this request
   * knows: `null` none recently, `'unknown'` when it could not be looked up.
   * Read routing uses it for read-your-writes.
   */
  lastWriteAt?: number | null | 'unknown';
}

const storage = new AsyncLocalStorage<RequestState>();

/** Per-request state carried through async calls (AsyncLocalStorage). */
export const RequestContext = {
  run<T>(state: RequestState, fn: () => T): T {
    return storage.run(state, fn);
  },
  current(): RequestState | undefined {
    return storage.getStore();
  },
};
