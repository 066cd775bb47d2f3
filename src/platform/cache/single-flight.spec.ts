import { SingleFlight } from './single-flight';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe(SingleFlight.name, () => {
  let sut: SingleFlight;

  beforeEach(() => {
    sut = new SingleFlight();
  });

  it('runs concurrent calls for one key once and gives all callers its result', async () => {
    const load = deferred<string>();
    let calls = 0;
    const fn = () => {
      calls += 1;
      return load.promise;
    };

    const first = sut.run('product:1', fn);
    const second = sut.run('product:1', fn);
    load.resolve('value');

    await expect(Promise.all([first, second])).resolves.toEqual(['value', 'value']);
    expect(calls).toBe(1);
  });

  it('runs calls for different keys separately', async () => {
    const keys: string[] = [];
    const fn = (key: string) => () => {
      keys.push(key);
      return Promise.resolve(key.toUpperCase());
    };

    const results = await Promise.all([sut.run('a', fn('a')), sut.run('b', fn('b'))]);

    expect(results).toEqual(['A', 'B']);
    expect(keys).toEqual(['a', 'b']);
  });

  it('runs again once the previous call has settled (no caching)', async () => {
    let calls = 0;
    const fn = async () => ++calls;

    expect(await sut.run('k', fn)).toBe(1);
    expect(await sut.run('k', fn)).toBe(2);
  });

  it('gives the rejection to every concurrent caller and frees the key afterwards', async () => {
    const load = deferred<string>();
    const first = sut.run('k', () => load.promise);
    const second = sut.run('k', () => Promise.resolve('not called'));
    load.reject(new Error('replica down'));

    await expect(first).rejects.toThrow('replica down');
    await expect(second).rejects.toThrow('replica down');
    await expect(sut.run('k', () => Promise.resolve('recovered'))).resolves.toBe('recovered');
  });
});
