import { TimeoutError } from './timeout.error';
import { withTimeout } from './with-timeout';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe(withTimeout.name, () => {
  const sut = withTimeout;

  describe('with fake timers', () => {
    beforeEach(() => {
      jest.useFakeTimers();
    });

    afterEach(() => {
      jest.useRealTimers();
    });

    it('resolves with the value of a call that answers in time and leaves no timer behind', async () => {
      const call = deferred<string>();
      const result = sut(call.promise, 100, 'redis get');

      call.resolve('cached');

      await expect(result).resolves.toBe('cached');
      expect(jest.getTimerCount()).toBe(0);
    });

    it('passes on the error of a call that fails in time', async () => {
      const call = deferred<string>();
      const result = sut(call.promise, 100, 'redis get');

      call.reject(new Error('WRONGTYPE'));

      await expect(result).rejects.toThrow('WRONGTYPE');
      expect(jest.getTimerCount()).toBe(0);
    });

    it('rejects with a TimeoutError naming the operation once the limit has passed, not before', async () => {
      const call = deferred<string>();
      const outcome = sut(call.promise, 100, 'redis get').then(
        () => 'resolved',
        (error: unknown) => error,
      );

      await jest.advanceTimersByTimeAsync(99);
      const early = await Promise.race([outcome, Promise.resolve('pending')]);
      await jest.advanceTimersByTimeAsync(1);
      const error = await outcome;

      expect(early).toBe('pending');
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ operation: 'redis get', timeoutMs: 100 });
      expect((error as TimeoutError).message).toBe('redis get timed out after 100 ms');
    });

    it('keeps the TimeoutError when the call answers late', async () => {
      const call = deferred<string>();
      const result = sut(call.promise, 50, 'db query');
      const settled = result.catch((error: unknown) => error);

      await jest.advanceTimersByTimeAsync(50);
      call.resolve('too late');

      expect(await settled).toBeInstanceOf(TimeoutError);
    });
  });

  it('swallows a rejection that arrives after the timeout (no unhandled rejection)', async () => {
    // Jest fails the running test when a rejection goes unhandled, so this
    // test would fail if the late rejection escaped; the listener below makes
    // that expectation explicit where the environment forwards the event.
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const call = deferred<string>();

      await expect(sut(call.promise, 5, 'redis get')).rejects.toBeInstanceOf(TimeoutError);
      call.reject(new Error('connection reset, late'));
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', listener);
    }

    expect(unhandled).toEqual([]);
  });
});
