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

/** The test stack's SMTP sink (scripts/smtp-sink.js), read over its HTTP API. */
export const SmtpSink = {
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
