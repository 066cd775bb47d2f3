import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { UsersPersonalDataSealed1733050000000 } from '../../../../../migrations/1733050000000-users-personal-data-sealed';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { BlindIndex } from '../../../../platform/crypto/blind-index';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { Clock } from '../../../../shared/kernel/clock.port';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { Email } from '../../domain/email.value-object';
import { UserRepository } from '../../application/ports/user.repository.port';
import { TypeOrmUserRepository } from './typeorm-user.repository';
import { UserRowSealer } from './user-row.sealer';

/**
 * The migration that seals users rows written before encryption: it
 * encrypts a plain row so that the API finds it through the blind index,
 * and running it again (or the sealing pass alone) changes nothing.
 */
describe(UsersPersonalDataSealed1733050000000.name, () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let users: UserRepository;
  let unitOfWork: UnitOfWork;
  const sealer = UserRowSealer.fromEnv();

  beforeAll(async () => {
    moduleRef = await createPlatformContext();
    dataSource = moduleRef.get(DataSource);
    unitOfWork = moduleRef.get(UnitOfWork);
    users = new TypeOrmUserRepository(
      moduleRef.get(TransactionContext),
      moduleRef.get(MemberKeyVault),
      moduleRef.get(FieldCipher),
      moduleRef.get(BlindIndex),
      moduleRef.get(Clock),
    );
  });

  afterAll(() => moduleRef.close());

  async function legacyRow(): Promise<{ id: string; email: string; name: string }> {
    // What the table held before encryption: plain e-mail and name, no blind index, no member secret.
    const id = randomUUID();
    const email = `legacy-${id.slice(0, 8)}@example.test`;
    const name = `Legacy ${id.slice(0, 8)}`;
    await dataSource.query(
      `INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at)
       VALUES (?, ?, ?, '$argon2id$legacy', 'CUSTOMER', NOW(3), NOW(3))`,
      [id, email, name],
    );
    return { id, email, name };
  }

  async function raw(id: string) {
    const [row] = (await dataSource.query(
      'SELECT email, name, phone, email_bidx FROM users WHERE id = ?',
      [id],
    )) as Array<{ email: string; name: string; phone: string | null; email_bidx: string | null }>;
    return row!;
  }

  it('seals plain rows so the API finds them by e-mail, and is a no-op when run again', async () => {
    const legacy = await legacyRow();
    const runner = dataSource.createQueryRunner('master');
    try {
      await new UsersPersonalDataSealed1733050000000().up(runner);
      const sealed = await raw(legacy.id);
      expect(sealed.email).toMatch(/^e1\./);
      expect(sealed.name).toMatch(/^e1\./);
      expect(sealed.email).not.toContain(legacy.email);
      expect(sealed.email_bidx).toBe(sealer.emailIndex(legacy.email));

      await new UsersPersonalDataSealed1733050000000().up(runner);
      expect(await raw(legacy.id)).toEqual(sealed);
      expect(await sealer.sealLegacyRows(dataSource, new Date())).toBe(0);
    } finally {
      await runner.release();
    }

    const found = await unitOfWork.run(() => users.findByEmail(Email.parse(legacy.email)));
    expect(found).toMatchObject({ id: legacy.id, name: legacy.name });
    expect(found?.email.value).toBe(legacy.email);
  });
});
