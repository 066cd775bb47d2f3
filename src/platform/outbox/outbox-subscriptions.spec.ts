import { QUEUES } from '../queue/queue-names';
import { consumerName, OutboxSubscriptions } from './outbox-subscriptions';

describe(OutboxSubscriptions.name, () => {
  it('fans one event type out to one job per queue, ignoring a repeated subscription', () => {
    const sut = new OutboxSubscriptions();

    sut.subscribe('ordering.order-placed.v1', { queue: QUEUES.notifications, job: 'confirm' });
    sut.subscribe('ordering.order-placed.v1', { queue: QUEUES.ranking, job: 'order-placed' });
    sut.subscribe('ordering.order-placed.v1', { queue: QUEUES.notifications, job: 'confirm' });

    expect(sut.for('ordering.order-placed.v1')).toEqual([
      { queue: QUEUES.notifications, job: 'confirm' },
      { queue: QUEUES.ranking, job: 'order-placed' },
    ]);
    expect(sut.for('identity.user-registered.v1')).toEqual([]);
  });

  it('refuses a second job of the same queue for one event type: job ids are event ids', () => {
    const sut = new OutboxSubscriptions();
    sut.subscribe('ordering.order-placed.v1', { queue: QUEUES.notifications, job: 'confirm' });

    expect(() =>
      sut.subscribe('ordering.order-placed.v1', { queue: QUEUES.notifications, job: 'receipt' }),
    ).toThrow(/needs another queue/);
  });

  it('names a consumer after its queue and job, the key of its processed_messages rows', () => {
    expect(consumerName(QUEUES.notifications, 'welcome-email')).toBe('notifications.welcome-email');
  });
});
