/** The variables scripts/test.sh exports from `stack.sh env`. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with npm test (scripts/test.sh)`);
  return value;
}

export const TEST_JWT_SECRET =
  process.env.JWT_SECRET ?? 'test-secret-that-is-long-enough-0123456789';
