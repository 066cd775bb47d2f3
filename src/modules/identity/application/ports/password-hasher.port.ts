/** One-way password hashing (argon2id in production). */
export abstract class PasswordHasher {
  /** A salted hash of `password`, self-describing (algorithm and parameters included). */
  abstract hash(password: string): Promise<string>;

  /** True when `password` matches `hash`; false for a malformed hash. */
  abstract verify(hash: string, password: string): Promise<boolean>;
}
