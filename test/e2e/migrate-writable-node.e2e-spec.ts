import { nodeName } from '../../src/platform/database/database-topology';
import { runCli } from '../support/cli';
import { requireEnv } from '../support/env';
import { Stack } from '../support/stack';

/**
 * `npm run db:migrate` takes the node that takes writes among DATABASE_URL
 * and DATABASE_REPLICA_URLS (ADR 0065), so it needs no edited DATABASE_URL
 * after `npm run db:failover`; the failover itself is in
 * primary-failover.e2e-spec.ts. Here the roles stay as they are and the URLs
 * are swapped, which is what DATABASE_URL looks like after a failover.
 */
describe('db:migrate finds the writable node (e2e)', () => {
  const primary = requireEnv('DATABASE_URL');
  const replica = requireEnv('DATABASE_REPLICA_URLS');
  const [primaryName, replicaName] = [nodeName(primary), nodeName(replica)];

  it('migrates the writable node when DATABASE_URL names a read-only one', async () => {
    const run = await runCli('migrate', [], {
      DATABASE_URL: replica,
      DATABASE_REPLICA_URLS: primary,
    });

    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(
      `migrations: on ${primaryName}, the node that takes writes (${replicaName} read-only, ${primaryName} writable)\n` +
        'migrations: up to date\n',
    );
  });

  it('changes nothing when no node takes writes, or when two do (split brain)', async () => {
    const none = await runCli('migrate', [], { DATABASE_URL: replica, DATABASE_REPLICA_URLS: '' });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      `migration failed: no database node takes writes (${replicaName} read-only)\n`,
    );

    await Stack.sql('replica', 'SET GLOBAL read_only = 0');
    try {
      const both = await runCli('migrate', ['--revert']);
      expect(both.code).toBe(1);
      expect(both.stdout).toBe('');
      expect(both.stderr).toContain(
        `migration failed: several database nodes take writes (${primaryName}, ${replicaName}): split brain, nothing was changed`,
      );
    } finally {
      await Stack.sql('replica', 'SET GLOBAL read_only = 1');
    }
  });
});
