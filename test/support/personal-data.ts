import { UserRowSealer } from '../../src/modules/identity/adapters/persistence/user-row.sealer';
import { Db } from './db';

let sealer: UserRowSealer | undefined;

/** users.email_bidx of an address (the blind index under the test profile's BLIND_INDEX_KEY). */
export function emailIndex(email: string): string {
  sealer ??= UserRowSealer.fromEnv();
  return sealer.emailIndex(email.trim().toLowerCase());
}

/** A customer row written with SQL, sealed like sign-up writes it (no usable password). */
export async function insertSealedUser(id: string, email: string, name: string): Promise<void> {
  sealer ??= UserRowSealer.fromEnv();
  await sealer.insert(
    Db.primary(),
    [{ id, email, name, passwordHash: '$argon2id$test', role: 'CUSTOMER' }],
    new Date(),
  );
}
