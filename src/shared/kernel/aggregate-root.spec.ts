import { AggregateRoot } from './aggregate-root';
import { DomainEvent } from './domain-event';

class ThingHappened extends DomainEvent<{ n: number }> {
  readonly type = 'test.thing-happened.v1';
  readonly aggregateType = 'thing';

  constructor(id: string, n: number) {
    super(id, { n }, new Date('2025-01-01T00:00:00.000Z'));
  }
}

class Thing extends AggregateRoot {
  constructor(readonly id: string) {
    super();
  }

  happen(n: number): void {
    this.record(new ThingHappened(this.id, n));
  }
}

describe(AggregateRoot.name, () => {
  let sut: Thing;

  beforeEach(() => {
    sut = new Thing('thing-1');
  });

  it('has no events before anything is recorded', () => {
    expect(sut.pullEvents()).toEqual([]);
  });

  it('returns the recorded events in order', () => {
    sut.happen(1);
    sut.happen(2);

    const events = sut.pullEvents();

    expect(events.map((event) => (event as ThingHappened).payload.n)).toEqual([1, 2]);
    expect(events.every((event) => event.aggregateId === 'thing-1')).toBe(true);
  });

  it('forgets the events it returned', () => {
    sut.happen(1);
    sut.pullEvents();

    expect(sut.pullEvents()).toEqual([]);
  });

  it('keeps events recorded after a pull for the next pull only', () => {
    sut.happen(1);
    const first = sut.pullEvents();
    sut.happen(2);

    const second = sut.pullEvents();

    expect(first).toHaveLength(1);
    expect(second.map((event) => (event as ThingHappened).payload.n)).toEqual([2]);
  });
});
