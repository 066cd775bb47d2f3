import { FakeSalesRanking } from '../../testing/fake-sales-ranking.fake';
import { RecordSalesCommand } from './record-sales.command';
import { RecordSalesHandler } from './record-sales.handler';

describe(RecordSalesHandler.name, () => {
  let ranking: FakeSalesRanking;
  let sut: RecordSalesHandler;

  beforeEach(() => {
    ranking = new FakeSalesRanking();
    sut = new RecordSalesHandler(ranking);
  });

  it('records the changes under the event id on the UTC day the order was placed', async () => {
    const changes = [
      { productId: 'p-1', soldQuantity: 2 },
      { productId: 'p-2', soldQuantity: -1 },
    ];

    await sut.execute(
      new RecordSalesCommand('event-1', new Date('2025-03-10T23:59:59.999Z'), changes),
    );

    expect(ranking.recordCalls).toEqual([{ changeId: 'event-1', day: '2025-03-10', changes }]);
  });

  it('uses the UTC day, not the local one', async () => {
    // 01:00 in Seoul on the 11th is still the 10th in UTC.
    await sut.execute(
      new RecordSalesCommand('event-2', new Date('2025-03-11T01:00:00+09:00'), [
        { productId: 'p-1', soldQuantity: 1 },
      ]),
    );
    await sut.execute(
      new RecordSalesCommand('event-3', new Date('2025-03-10T20:00:00-05:00'), [
        { productId: 'p-1', soldQuantity: 1 },
      ]),
    );

    expect(ranking.recordCalls.map((call) => call.day)).toEqual(['2025-03-10', '2025-03-11']);
  });

  it('counts a redelivered event once', async () => {
    const command = new RecordSalesCommand('event-4', new Date('2025-03-10T12:00:00.000Z'), [
      { productId: 'p-1', soldQuantity: 3 },
    ]);

    await sut.execute(command);
    await sut.execute(command);

    expect(ranking.countOf('2025-03-10', 'p-1')).toBe(3);
  });
});
