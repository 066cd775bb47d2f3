import { BenchUserRowSealer, userRowSealer } from '../load/user-row-sealer';
import { Db } from './db';

let cached: BenchUserRowSealer | undefined;

/** The build's UserRowSealer (see test/load/user-row-sealer.ts), made once. */
export function sealer(): BenchUserRowSealer {
  cached ??= userRowSealer();
  return cached;
}

/** users.email_bidx of an address (the blind index under the test profile's BLIND_INDEX_KEY). */
export function emailIndex(email: string): string {
  return sealer().emailIndex(email.trim().toLowerCase());
}

/** A customer row written with SQL, sealed like sign-up writes it (no usable password). */
export async function insertSealedUser(id: string, email: string, name: string): Promise<void> {
  await sealer().insert(
    Db.primary(),
    [{ id, email, name, passwordHash: '$argon2id$test', role: 'CUSTOMER' }],
    new Date(),
  );
}
