import { AppProcess, startApi } from './app-process';
import { Db } from './db';
import { apiClient, HttpClient } from './http';

/** The API a describe block runs against, available once its beforeAll ran. */
export interface ApiSuite {
  readonly app: AppProcess;
  readonly api: HttpClient;
}

/**
 * Registers the usual suite hooks of an e2e spec: beforeAll starts one API
 * (`node dist/main.js` with `overrides`) and its client; afterAll stops it and
 * closes the shared test database pool. Call it where the hooks belong.
 */
export function apiForSuite(overrides: Record<string, string | undefined> = {}): ApiSuite {
  let started: ApiSuite | undefined;
  beforeAll(async () => {
    const app = await startApi(overrides);
    started = { app, api: apiClient(app.url) };
  });
  afterAll(async () => {
    await started?.app.stop();
    await Db.end();
  });
  const running = (): ApiSuite => {
    if (!started) throw new Error('the suite API is not started (use it inside tests or hooks)');
    return started;
  };
  return {
    get app() {
      return running().app;
    },
    get api() {
      return running().api;
    },
  };
}
