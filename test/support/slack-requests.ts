import { createHmac } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'testsigningsecret0123456789abcdef';

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}"). */
export function signatureHeaders(body: string, secret = TEST_SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface SentRequest {
  status: number;
  body: string;
  /** Milliseconds from sending to the complete response (the ack). */
  ackMs: number;
  /** The body that was sent (for diagnosing a failure). */
  sent: string;
}

/** Sends signed requests to the bot, as Slack does. */
export class SlackSender {
  constructor(
    readonly baseUrl: string,
    private readonly secret = TEST_SIGNING_SECRET,
  ) {}

  /** POSTs a raw body with the given content type, signed unless `sign: false` or custom headers are given. */
  async post(
    body: string,
    contentType: string,
    opts: { headers?: Record<string, string>; sign?: boolean; timestamp?: number; path?: string } = {},
  ): Promise<SentRequest> {
    const headers: Record<string, string> = {
      'content-type': contentType,
      ...(opts.sign === false ? {} : signatureHeaders(body, this.secret, opts.timestamp)),
      ...opts.headers,
    };
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}${opts.path ?? '/slack/events'}`, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, body: text, ackMs: performance.now() - started, sent: body };
  }

  /** Delivers an Events API envelope (JSON), optionally as Slack's retry number N. */
  event(envelope: object, opts: { retryNum?: number } = {}): Promise<SentRequest> {
    const headers: Record<string, string> =
      opts.retryNum !== undefined ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
    return this.post(JSON.stringify(envelope), 'application/json', { headers });
  }

  /** Sends a slash command (form-encoded fields). */
  command(fields: Record<string, string>): Promise<SentRequest> {
    return this.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
  }

  /** Sends an interactivity payload (form-encoded `payload=` JSON). */
  interaction(payload: object): Promise<SentRequest> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  }
}
