import { randomUUID } from 'node:crypto';
import { HttpClient } from './http';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@example.test`;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

/** Signs a new customer up and logs in through the API. */
export async function signUpAndLogIn(api: HttpClient, prefix = 'user'): Promise<TestUser> {
  const email = uniqueEmail(prefix);
  const password = 'password-123';
  const signUp = await api.post('/auth/signup', { email, password, name: 'Test User' });
  if (signUp.status !== 201) throw new Error(`signup failed: ${signUp.status} ${signUp.text}`);
  const login = await api.post('/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  return {
    id: signUp.body.id,
    email,
    password,
    accessToken: login.body.accessToken,
    refreshToken: login.body.refreshToken,
  };
}

/** Logs in as the seeded admin (scripts/test.sh seeds ADMIN_EMAIL/ADMIN_PASSWORD). */
export async function logInAsAdmin(api: HttpClient): Promise<string> {
  const response = await api.post('/auth/login', {
    email: process.env.ADMIN_EMAIL ?? 'admin@hexashop.local',
    password: process.env.ADMIN_PASSWORD ?? 'Admin123!',
  });
  if (response.status !== 200)
    throw new Error(`admin login failed: ${response.status} ${response.text}`);
  return response.body.accessToken as string;
}

export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
  intervalMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
