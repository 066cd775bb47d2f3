import { requireEnv } from './env';

export interface SinkMessage {
  id: string;
  receivedAt: string;
  envelope: { from: string; to: string[] };
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

export interface SinkRule {
  /** Substring of a recipient address. */
  match: string;
  /** reject: RCPT answers 451; delay: DATA is answered `delayMs` later (discarded if the client went away). */
  action: 'reject' | 'delay';
  delayMs?: number;
}

export interface SinkControl {
  rules: SinkRule[];
  rejected: number;
  delayed: number;
  discarded: number;
}

async function sinkRequest(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${requireEnv('SMTP_SINK_HTTP')}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(3000),
  });
  if (!response.ok) throw new Error(`SMTP sink answered ${response.status} to ${method} ${path}`);
  return response;
}

/** The test stack's SMTP sink (scripts/smtp-sink.js), read and steered over its HTTP API. */
export const SmtpSink = {
  /** Replaces the sink's fault rules (slow or refusing recipients). */
  async setRules(rules: SinkRule[]): Promise<void> {
    await sinkRequest('PUT', '/control', { rules });
  },

  /** The fault rules and how often they fired. */
  async control(): Promise<SinkControl> {
    return (await (await sinkRequest('GET', '/control')).json()) as SinkControl;
  },

  /** No fault rules, counters back to 0. */
  async clearRules(): Promise<void> {
    await sinkRequest('DELETE', '/control');
  },

  async messagesTo(address: string): Promise<SinkMessage[]> {
    const response = await fetch(
      `${requireEnv('SMTP_SINK_HTTP')}/messages?to=${encodeURIComponent(address)}`,
      {
        signal: AbortSignal.timeout(3000),
      },
    );
    if (!response.ok) throw new Error(`SMTP sink answered ${response.status}`);
    return (await response.json()) as SinkMessage[];
  },

  /** Waits until `count` messages matching `subject` reached `address`; returns them. */
  async waitFor(
    address: string,
    subject: RegExp,
    count = 1,
    timeoutMs = 20_000,
  ): Promise<SinkMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await SmtpSink.messagesTo(address).catch(() => [])).filter((message) =>
        subject.test(message.subject),
      );
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  },
};
