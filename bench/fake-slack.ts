import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID } from '../test/support/fake-slack.js';

/** What a reply that reached the fake is matched by: the DM channel of a chat.postMessage, or a trigger_id. */
export type ReplyKey = `post:${string}` | `view:${string}`;

/**
 * A lean fake Slack Web API for load: it answers like Slack (same identity as the test fake) and, instead of
 * recording every call as test/support/fake-slack.ts does (which would grow by 100,000 entries over a full run),
 * it only counts calls per method and wakes the one waiter registered for each reply.
 */
export class FakeSlackSink {
  /** Calls per Web API method (and `response_url`), for the report's sanity check. */
  readonly counts = new Map<string, number>();
  /** Replies that arrived with nobody waiting (late after a timeout, or not from the workload). */
  unmatched = 0;
  private readonly waiters = new Map<ReplyKey, (at: number) => void>();
  private tsCounter = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<FakeSlackSink> {
    let sink!: FakeSlackSink;
    const server = createServer({ keepAlive: true }, (req, res) => sink.handle(req, res));
    // The clients (undici, under @slack/web-api 8) keep connections open; don't let Node's default 5 s idle timeout
    // close them between rounds, which would add reconnects to the latency being measured.
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    sink = new FakeSlackSink(server, `http://127.0.0.1:${port}`);
    return sink;
  }

  /** The Web API base URL, for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url that is answered and counted (the app only uses one when something failed). */
  get responseUrl(): string {
    return `${this.origin}/response/bench`;
  }

  /** Calls `onArrival` with `performance.now()` when the reply matching `key` reaches the fake. One waiter per key. */
  expect(key: ReplyKey, onArrival: (at: number) => void): void {
    this.waiters.set(key, onArrival);
  }

  /** Stops waiting for `key` (the event timed out). */
  forget(key: ReplyKey): void {
    this.waiters.delete(key);
  }

  /** How many replies are still awaited; 0 between phases, or waiters leak. */
  get pending(): number {
    return this.waiters.size;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const path = req.url ?? '/';
      const method = path.startsWith('/api/') ? path.slice('/api/'.length).split('?')[0] ?? '' : path.startsWith('/response/') ? 'response_url' : path;
      this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = this.answer(method, readArgs(raw, req.headers['content-type']), at);
      res.writeHead(200, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  }

  private arrived(key: ReplyKey, at: number): void {
    const wake = this.waiters.get(key);
    if (!wake) {
      this.unmatched += 1;
      return;
    }
    this.waiters.delete(key);
    wake(at);
  }

  private answer(method: string, args: Args, at: number): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'request_desk', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: 'BBOT' };
      case 'chat.postMessage': {
        const channel = args.get('channel') ?? '';
        this.arrived(`post:${channel}`, at);
        return { ok: true, channel, ts: this.nextTs() };
      }
      case 'views.open':
        this.arrived(`view:${args.get('trigger_id') ?? ''}`, at);
        return { ok: true, view: { id: `V${this.tsCounter}` } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'users.info':
        return { ok: true, user: { id: args.get('user'), locale: 'en-US' } };
      case 'chat.update':
        return { ok: true, channel: args.get('channel'), ts: args.get('ts') };
      case 'response_url':
        return 'ok';
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1764100000.${String(this.tsCounter).padStart(6, '0')}`;
  }
}

type Args = { get(name: string): string | undefined };

/** Reads top-level string arguments: @slack/web-api form-encodes them; a JSON body is accepted too. */
function readArgs(raw: string, contentType: string | undefined): Args {
  if (contentType?.includes('application/json')) {
    const json = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    return { get: (name) => (typeof json[name] === 'string' ? json[name] : undefined) };
  }
  const params = new URLSearchParams(raw);
  return { get: (name) => params.get(name) ?? undefined };
}
