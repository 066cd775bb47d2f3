import { waitUntil } from './fixtures';

/** One dependency in the Terminus-style body of /health/ready. */
export interface DependencyHealth {
  readonly status: 'up' | 'down';
  readonly state?: string;
  readonly [field: string]: unknown;
}

export interface Readiness {
  readonly httpStatus: number;
  readonly details: Record<string, DependencyHealth>;
}

/** GET /health/ready of one instance (direct URL, no prefix). */
export async function readiness(baseUrl: string): Promise<Readiness> {
  const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(3_000) });
  const body = (await response.json()) as { details?: Record<string, DependencyHealth> };
  return { httpStatus: response.status, details: body.details ?? {} };
}

/** Waits until readiness reports `dependency` in `state` (e.g. Redis `ok` again after a restart). */
export function waitForDependency(
  baseUrl: string,
  dependency: string,
  state: string,
  timeoutMs = 15_000,
): Promise<boolean> {
  return waitUntil(
    async () =>
      (await readiness(baseUrl).catch(() => undefined))?.details[dependency]?.state === state,
    timeoutMs,
  );
}
