import { IdGenerator } from '../id-generator.port';

/** Predictable ids: `<prefix>-1`, `<prefix>-2`, ... */
export class SequentialIdGenerator extends IdGenerator {
  private counter = 0;

  constructor(private readonly prefix = 'id') {
    super();
  }

  next(): string {
    this.counter += 1;
    return `${this.prefix}-${this.counter}`;
  }

  /** The id the next call to `next()` will return. */
  peek(): string {
    return `${this.prefix}-${this.counter + 1}`;
  }
}
