import { Agent, request } from 'node:http';
import { dmEvent, envelope, slashCommand } from '../test/support/payloads.js';
import { signatureHeaders } from '../test/support/slack-requests.js';
import type { FakeSlackSink, ReplyKey } from './fake-slack.js';

/**
 * Posts signed requests as Slack does. node:http with a keep-alive agent rather than fetch (test/support's
 * SlackSender): the generator shares one core with the fake Slack and must stay far from saturation, or it — not
 * the system under test — sets the pace. Each round prints the generator's CPU share to show it did.
 */
export class SignedSender {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly host: string;
  private readonly port: number;

  constructor(
    baseUrl: string,
    private readonly secret: string,
  ) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  /** POSTs to /slack/events; resolves with the status and `performance.now()` when the response is complete. */
  post(body: string, contentType: string): Promise<{ status: number; at: number }> {
    return new Promise((resolve) => {
      const req = request(
        {
          host: this.host,
          port: this.port,
          path: '/slack/events',
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...signatureHeaders(body, this.secret) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, at: performance.now() }));
        },
      );
      req.on('error', () => resolve({ status: 0, at: performance.now() }));
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export type EventKind = 'dm' | 'command';

/** One event's fate. Times are milliseconds from when it counted as sent. */
export interface Outcome {
  kind: EventKind;
  ok: boolean;
  /** Request sent → HTTP response complete. */
  ackMs: number;
  /** Request sent → the reply (chat.postMessage or views.open) reached the fake Slack; NaN if it never did. */
  replyMs: number;
  /** Why it failed: `http_<status>` or `no_reply`. */
  error?: string;
}

export interface WorkloadOptions {
  /** Every n-th event is a `/request` command (the rest are DMs). */
  commandEvery: number;
  /** An event whose reply has not arrived by then counts as failed. */
  replyTimeoutMs: number;
  /** Keeps user IDs of separate runs apart (the same app may see several). */
  tag: string;
}

/**
 * Generates the workload: DMs to the bot (message.im), each from a new user so the offer cooldown never
 * suppresses the reply, and `/request` commands, each with a new trigger_id. An event is done when its ack and
 * its reply are both in.
 */
export class Workload {
  private n = 0;

  constructor(
    private readonly sender: SignedSender,
    private readonly sink: FakeSlackSink,
    private readonly opts: WorkloadOptions,
  ) {}

  /** Sends the next event; `sentAt` is when it counts as sent (the scheduled time, in the open loop). */
  async fire(sentAt = performance.now()): Promise<Outcome> {
    this.n += 1;
    const user = `U${this.opts.tag}${this.n.toString(36).toUpperCase()}`;
    const kind: EventKind = this.n % this.opts.commandEvery === 0 ? 'command' : 'dm';
    let key: ReplyKey;
    let body: string;
    let contentType: string;
    if (kind === 'dm') {
      const event = dmEvent({ user, text: `could you update the pricing page ${this.n}?` });
      key = `post:${event.channel}`;
      body = JSON.stringify(envelope(event));
      contentType = 'application/json';
    } else {
      const fields = slashCommand({ user, text: `update the pricing page ${this.n}`, responseUrl: this.sink.responseUrl });
      key = `view:${fields.trigger_id}`;
      body = new URLSearchParams(fields).toString();
      // Bolt's HTTP receiver wants exactly this content type for commands.
      contentType = 'application/x-www-form-urlencoded';
    }

    // Registered before sending: the reply can reach the fake before the ack reaches us.
    let timer: NodeJS.Timeout | undefined;
    const reply = new Promise<number>((resolve) => {
      this.sink.expect(key, resolve);
      timer = setTimeout(() => {
        this.sink.forget(key);
        resolve(Number.NaN);
      }, this.opts.replyTimeoutMs);
    });
    const ack = await this.sender.post(body, contentType);
    if (ack.status !== 200) {
      clearTimeout(timer);
      this.sink.forget(key);
      return { kind, ok: false, ackMs: ack.at - sentAt, replyMs: Number.NaN, error: `http_${ack.status}` };
    }
    const replyAt = await reply;
    clearTimeout(timer);
    const replyMs = replyAt - sentAt;
    return Number.isNaN(replyAt)
      ? { kind, ok: false, ackMs: ack.at - sentAt, replyMs, error: 'no_reply' }
      : { kind, ok: true, ackMs: ack.at - sentAt, replyMs };
  }
}

export interface ClosedLoopResult {
  events: number;
  errors: number;
  /** Replies per second after the warm-up events. */
  eventsPerSecond: number;
  seconds: number;
}

/**
 * Throughput: `concurrency` events outstanding at all times (one finishes, the next is sent) until `events` are
 * done. The first `untimed` completions are not timed, so connection set-up and ramp-up don't count.
 */
export async function closedLoop(
  w: Workload,
  opts: { concurrency: number; events: number; untimed: number },
): Promise<ClosedLoopResult> {
  let issued = 0;
  let done = 0;
  let errors = 0;
  let timedFrom = performance.now();
  let lastAt = timedFrom;
  const worker = async () => {
    while (issued < opts.events) {
      issued += 1;
      const outcome = await w.fire();
      done += 1;
      if (!outcome.ok) errors += 1;
      lastAt = performance.now();
      if (done === opts.untimed) timedFrom = lastAt;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (lastAt - timedFrom) / 1000;
  return { events: done, errors, eventsPerSecond: (done - opts.untimed) / seconds, seconds };
}

/**
 * Latency: events sent on a fixed schedule (`ratePerSecond`) regardless of how fast replies come back, for
 * `seconds`. Latencies count from the scheduled time, not the actual send, so a stalled generator or event loop
 * shows up as latency instead of silently sending fewer events (coordinated omission).
 */
export async function openLoop(w: Workload, opts: { ratePerSecond: number; seconds: number }): Promise<Outcome[]> {
  const total = Math.round(opts.ratePerSecond * opts.seconds);
  const interval = 1000 / opts.ratePerSecond;
  const start = performance.now() + 5;
  const inflight: Promise<Outcome>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0.5) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(w.fire(due));
  }
  return Promise.all(inflight);
}
