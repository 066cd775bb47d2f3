import { TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { createPlatformContext } from '../../../test/support/platform-context';
import { UnitOfWork } from '../../shared/kernel/unit-of-work.port';
import { isDuplicateKeyError, isRetryableTransactionError } from './mysql-errors';
import { TransactionContext } from './transaction-context';

describe('TypeOrmUnitOfWork', () => {
  let context: TestingModule;
  let sut: UnitOfWork;
  let transaction: TransactionContext;
  let dataSource: DataSource;
  const table = `uow_probe_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    context = await createPlatformContext();
    sut = context.get(UnitOfWork);
    transaction = context.get(TransactionContext);
    dataSource = context.get(DataSource);
    await dataSource.query(
      `CREATE TABLE ${table} (id INT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB`,
    );
    await dataSource.query(`INSERT INTO ${table} VALUES (1, 0), (2, 0)`);
  });

  afterAll(async () => {
    await dataSource.query(`DROP TABLE ${table}`);
    await context.close();
  });

  const count = async (id: number): Promise<number> =>
    Number(
      (
        (await dataSource.query(`SELECT n FROM ${table} WHERE id = ?`, [id])) as Array<{
          n: number;
        }>
      )[0]?.n,
    );

  it('commits the work and then runs after-commit callbacks', async () => {
    const seen: number[] = [];
    await sut.run(async () => {
      await transaction.manager().query(`UPDATE ${table} SET n = n + 1 WHERE id = 1`);
      sut.afterCommit(async () => {
        seen.push(await count(1));
      });
    });
    expect(seen).toEqual([await count(1)]);
    expect(await count(1)).toBeGreaterThan(0);
  });

  it('rolls everything back when the work throws, and skips after-commit callbacks', async () => {
    const before = await count(1);
    const callback = jest.fn();
    await expect(
      sut.run(async () => {
        await transaction.manager().query(`UPDATE ${table} SET n = n + 100 WHERE id = 1`);
        sut.afterCommit(callback);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count(1)).toBe(before);
    expect(callback).not.toHaveBeenCalled();
  });

  it('joins the outer transaction when nested', async () => {
    const before = await count(2);
    await expect(
      sut.run(async () => {
        await sut.run(() =>
          transaction.manager().query(`UPDATE ${table} SET n = n + 1 WHERE id = 2`),
        );
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await count(2)).toBe(before);
  });

  it('retries a transaction that lost a deadlock, so both opposite-order writers succeed', async () => {
    const before = [await count(1), await count(2)];
    const barrier = (() => {
      let arrived = 0;
      let release!: () => void;
      const all = new Promise<void>((resolve) => (release = resolve));
      return async () => {
        arrived += 1;
        if (arrived === 2) release();
        await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 300))]);
      };
    })();
    const writer = (first: number, second: number) => {
      let attempt = 0;
      return sut.run(async () => {
        attempt += 1;
        await transaction.manager().query(`UPDATE ${table} SET n = n + 1 WHERE id = ?`, [first]);
        if (attempt === 1) await barrier();
        await transaction.manager().query(`UPDATE ${table} SET n = n + 1 WHERE id = ?`, [second]);
        return attempt;
      });
    };
    const attempts = await Promise.all([writer(1, 2), writer(2, 1)]);
    expect(Math.max(...attempts)).toBeGreaterThan(1);
    expect([await count(1), await count(2)]).toEqual([before[0]! + 2, before[1]! + 2]);
  });
  describe('plain SQL on the transaction connection (TransactionContext.sql, ADR 0071)', () => {
    it("runs in the transaction: its writes roll back with the manager's", async () => {
      const before = [await count(1), await count(2)];
      await expect(
        sut.run(async () => {
          await transaction.sql().query(`UPDATE ${table} SET n = n + 10 WHERE id = ?`, [1]);
          await transaction.manager().query(`UPDATE ${table} SET n = n + 10 WHERE id = 2`);
          const [row] = (await transaction
            .manager()
            .query(`SELECT n FROM ${table} WHERE id = 1`)) as Array<{ n: number }>;
          expect(Number(row!.n)).toBe(before[0]! + 10);
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect([await count(1), await count(2)]).toEqual(before);
    });

    it('answers rows and affected rows as manager.query does', async () => {
      await sut.run(async () => {
        const rows = await transaction.sql().query(`SELECT id FROM ${table} ORDER BY id`);
        const direct = (await transaction
          .sql()
          .query(`UPDATE ${table} SET n = n WHERE id IN (?, ?)`, [1, 2])) as {
          affectedRows: number;
        };
        expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
        expect(direct.affectedRows).toBe(2);
      });
    });

    it('fails with a QueryFailedError carrying the driver errno and no values in its log line', async () => {
      const error = await sut
        .run(() => transaction.sql().query(`INSERT INTO ${table} VALUES (?, 0)`, [1]))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect(isDuplicateKeyError(error)).toBe(true);
    });

    it('retries a deadlock met on the plain connection', async () => {
      const before = [await count(1), await count(2)];
      let arrived = 0;
      let release!: () => void;
      const all = new Promise<void>((resolve) => (release = resolve));
      const barrier = async () => {
        arrived += 1;
        if (arrived === 2) release();
        await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 300))]);
      };
      const errors: unknown[] = [];
      const writer = (first: number, second: number) => {
        let attempt = 0;
        return sut.run(async () => {
          attempt += 1;
          await transaction.sql().query(`UPDATE ${table} SET n = n + 1 WHERE id = ?`, [first]);
          if (attempt === 1) await barrier();
          await transaction
            .sql()
            .query(`UPDATE ${table} SET n = n + 1 WHERE id = ?`, [second])
            .catch((e: unknown) => {
              errors.push(e);
              throw e;
            });
          return attempt;
        });
      };
      const attempts = await Promise.all([writer(1, 2), writer(2, 1)]);
      expect(Math.max(...attempts)).toBeGreaterThan(1);
      expect(errors.some(isRetryableTransactionError)).toBe(true);
      expect([await count(1), await count(2)]).toEqual([before[0]! + 2, before[1]! + 2]);
    });

    it('is the primary outside a transaction', async () => {
      const rows = (await transaction
        .sql()
        .query(`SELECT n FROM ${table} WHERE id = ?`, [1])) as Array<{
        n: number;
      }>;
      expect(Number(rows[0]!.n)).toBe(await count(1));
    });
  });
});
