export interface HttpResult<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
  readonly ms: number;
}

export interface RequestOptions {
  readonly token?: string;
  readonly headers?: Record<string, string>;
  /** Raw body (sent as is); otherwise `body` is JSON-encoded. */
  readonly raw?: string;
  readonly timeoutMs?: number;
}

/** A tiny fetch-based client for one API base URL. */
export class HttpClient {
  constructor(private readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    const { headers, payload } = this.prepare(body, options);
    const started = Date.now();
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: callers look at `text`.
    }
    return {
      status: response.status,
      headers: response.headers,
      body: parsed as T,
      text,
      ms: Date.now() - started,
    };
  }

  /** Headers (token, JSON content type) and the body as sent. */
  protected prepare(
    body: unknown,
    options: RequestOptions,
  ): { headers: Record<string, string>; payload: string | undefined } {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.raw;
    if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
    if (
      payload !== undefined &&
      !Object.keys(headers).some((key) => key.toLowerCase() === 'content-type')
    ) {
      headers['content-type'] = 'application/json';
    }
    return { headers, payload };
  }

  get<T = any>(path: string, options?: RequestOptions): Promise<HttpResult<T>> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResult<T>> {
    return this.request<T>('POST', path, body, options);
  }

  put<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResult<T>> {
    return this.request<T>('PUT', path, body, options);
  }

  patch<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResult<T>> {
    return this.request<T>('PATCH', path, body, options);
  }

  delete<T = any>(path: string, options?: RequestOptions): Promise<HttpResult<T>> {
    return this.request<T>('DELETE', path, undefined, options);
  }

  /** DELETE with a JSON body (DELETE /users/me takes the password). */
  deleteWith<T = any>(
    path: string,
    body: unknown,
    options?: RequestOptions,
  ): Promise<HttpResult<T>> {
    return this.request<T>('DELETE', path, body, options);
  }
}

/** `/api/v1` client of a running API. */
export const apiClient = (url: string): HttpClient => new HttpClient(`${url}/api/v1`);
