import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;
import { PasswordHasher } from '../../application/ports/password-hasher.port';

/**
 * argon2id with OWASP's minimum profile (19 MiB, 2 passes, 1 lane): about
 * 20-30 ms per hash on one core here, off the event loop.
 */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  private static readonly OPTIONS = {
    algorithm: ARGON2ID,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  };

  hash(password: string): Promise<string> {
    return hash(password, Argon2PasswordHasher.OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
