import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call that reached the fake Slack: a Web API method or a POST to a response_url. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** When the request arrived (headers read, before its body). */
  at: number;
  /** What the fake answered (undefined while hanging). */
  response?: unknown;
}

/** How the fake answers one call. `hang` never answers (until the fake stops). */
export interface FakeReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  hang?: boolean;
  delayMs?: number;
}

type Responder = (args: Record<string, unknown>) => FakeReply | undefined;

/** A message the fake holds, for conversations.history / conversations.replies to return. */
export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  /** Set on thread replies (the parent's ts). */
  thread_ts?: string;
  /** Message metadata, as the bot posted it. */
  metadata?: unknown;
}

export const FAKE_TEAM_ID = 'T0TEAM';
export const FAKE_BOT_USER_ID = 'UBOT';

/**
 * A fake Slack Web API on loopback. It records every call and answers like Slack does (or as a test scripts it:
 * errors, 429 with Retry-After, 500, hanging). Point the bot at it with SLACK_API_URL = `fake.apiUrl`.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private readonly overrides = new Map<string, Responder[]>();
  private readonly waiters = new Set<() => void>();
  private readonly hanging = new Set<ServerResponse>();
  private tsCounter = 0;
  private readonly messages: FakeMessage[] = [];
  private readonly reactions = new Set<string>();
  private readonly locales = new Map<string, string>();

  private constructor(private readonly server: Server, readonly origin: string) {}

  static async start(): Promise<FakeSlack> {
    let fake!: FakeSlack;
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSlack(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** The Web API base URL, for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url that records what is posted to it. */
  responseUrl(id = 'r1'): string {
    return `${this.origin}/response/${id}`;
  }

  /** Scripts the next `times` answers to `method` (Infinity for all). Later scripts queue behind earlier ones. */
  reply(method: string, reply: FakeReply | Responder, times = 1): void {
    const responder: Responder = typeof reply === 'function' ? reply : () => reply;
    const list = this.overrides.get(method) ?? [];
    for (let i = 0; i < Math.min(times, 10_000); i++) list.push(responder);
    this.overrides.set(method, list);
  }

  /** Puts a message in a channel, as people wrote it: conversations.history and conversations.replies find it. */
  addMessage(message: FakeMessage): FakeMessage {
    this.messages.push(message);
    return message;
  }

  /** Sets a person's Slack locale, as users.info reports it (everyone else is `en-US`). */
  setLocale(userId: string, locale: string): void {
    this.locales.set(userId, locale);
  }

  /** Forgets scripted answers. */
  resetReplies(): void {
    this.overrides.clear();
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `count` calls match (default 1), or fails after `timeoutMs`. */
  async waitFor(
    predicate: (call: RecordedCall) => boolean,
    { count = 1, timeoutMs = 5000 }: { count?: number; timeoutMs?: number } = {},
  ): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matches = this.calls.filter(predicate);
      if (matches.length >= count) return matches;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`fake Slack: expected ${count} matching call(s), saw ${matches.length}; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 200));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The fake's clock, for message timestamps (the harness links it to the test clock). */
  now: () => Date = () => new Date();

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(this.now().getTime() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private defaultReply(method: string, args: Record<string, unknown>, token: string | undefined): FakeReply {
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        // A user token (xoxp-…) belongs to a person: the one named in it after the last dash, e.g. xoxp-1-UHELPER.
        if (token?.startsWith('xoxp-')) {
          const userId = token.split('-').at(-1) ?? '';
          return { body: { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: userId.toLowerCase(), team_id: FAKE_TEAM_ID, user_id: userId } };
        }
        return { body: { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'request_desk', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: 'BBOT' } };
      case 'chat.postMessage': {
        // Posting to a user ID lands in the app's DM with that person.
        const ch = channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
        const ts = this.nextTs();
        // Kept, so conversations.history finds the bot's own messages (with their metadata) later.
        this.addMessage({ channel: ch, ts, text: String(args.text ?? ''), bot_id: 'BBOT', ...(args.metadata ? { metadata: args.metadata } : {}) });
        return { body: { ok: true, channel: ch, ts, message: { text: args.text } } };
      }
      case 'chat.postEphemeral':
        return { body: { ok: true, message_ts: this.nextTs() } };
      case 'chat.update':
        return { body: { ok: true, channel, ts: args.ts } };
      case 'views.open':
        return { body: { ok: true, view: { id: `V${this.calls.length}` } } };
      case 'views.publish':
        return { body: { ok: true, view: { id: `VH${this.calls.length}` } } };
      case 'chat.getPermalink':
        return { body: { ok: true, channel, permalink: `https://acme.slack.com/archives/${channel}/p${String(args.message_ts).replace('.', '')}` } };
      case 'conversations.history': {
        if (args.latest === undefined) {
          // A window of the channel: newest first, from `oldest` on (metadata only when asked for).
          const oldest = Number(args.oldest ?? 0);
          const inChannel = this.messages
            .filter((m) => m.channel === channel && Number(m.ts) >= oldest && (!m.thread_ts || m.thread_ts === m.ts))
            .reverse()
            .map(({ channel: _c, metadata, ...m }) => ({ type: 'message', ...m, ...(args.include_all_metadata && metadata ? { metadata } : {}) }));
          return { body: { ok: true, messages: inChannel, has_more: false } };
        }
        // Only top-level messages (and the parents of threads) are in a channel's history.
        const found = this.findMessage(channel, String(args.latest ?? ''));
        const top = found && (!found.thread_ts || found.thread_ts === found.ts) ? [found] : [];
        return { body: { ok: true, messages: top.map(({ channel: _c, ...m }) => ({ type: 'message', ...m })), has_more: false } };
      }
      case 'conversations.replies': {
        const found = this.findMessage(channel, String(args.ts ?? ''));
        if (!found) return { body: { ok: false, error: 'thread_not_found' } };
        const parent = found.thread_ts ? this.findMessage(channel, found.thread_ts) : undefined;
        // Slack lists the thread's parent first, whichever message of the thread `ts` names.
        const thread = parent && parent !== found ? [parent, found] : [found];
        return { body: { ok: true, messages: thread.map(({ channel: _c, ...m }) => ({ type: 'message', ...m })), has_more: false } };
      }
      case 'reactions.add': {
        const key = `${channel}/${String(args.timestamp)}/${String(args.name)}`;
        if (this.reactions.has(key)) return { body: { ok: false, error: 'already_reacted' } };
        this.reactions.add(key);
        return { body: { ok: true } };
      }
      case 'response_url':
        return { body: 'ok' };
      case 'users.info': {
        const user = String(args.user ?? '');
        return { body: { ok: true, user: { id: user, name: user.toLowerCase(), locale: this.locales.get(user) ?? 'en-US' } } };
      }
      case 'conversations.open':
        return { body: { ok: true, channel: { id: `D${String(args.users ?? '').replace(/^[UW]/, '')}` } } };
      // files.uploadV2 is three steps: get an upload URL, POST the bytes there, complete the upload.
      case 'files.getUploadURLExternal':
        return { body: { ok: true, upload_url: `${this.origin}/upload/F${this.calls.length}`, file_id: `F${this.calls.length}` } };
      case 'file_upload':
        return { body: 'OK' };
      case 'files.completeUploadExternal':
        return { body: { ok: true, files: [{ id: 'F1' }] } };
      default:
        return { body: { ok: false, error: 'unknown_method' } };
    }
  }

  private findMessage(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const method = path.startsWith('/api/')
      ? path.slice('/api/'.length)
      : path.startsWith('/response/')
        ? 'response_url'
        : path.startsWith('/upload/')
          ? 'file_upload'
          : path;
    // An upload's body is the file (raw, or the first part of a multipart form): recorded by size and first bytes.
    const args = method === 'file_upload' ? uploadedFile(Buffer.concat(chunks), req.headers['content-type']) : parseArgs(raw, req.headers['content-type']);
    const auth = req.headers.authorization;
    const call: RecordedCall = { method, args, token: auth?.replace(/^Bearer /, ''), at: arrivedAt };
    this.calls.push(call);
    for (const wake of this.waiters) wake();
    this.waiters.clear();

    const scripted = this.overrides.get(method)?.shift();
    const reply = scripted?.(args) ?? this.defaultReply(method, args, call.token);
    if (reply.hang) {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    call.response = reply.body;
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? { ok: true });
    res.writeHead(reply.status ?? 200, { 'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json', ...reply.headers });
    res.end(body);
  }
}

function uploadedFile(body: Buffer, contentType: string | undefined): { bytes: number; head: string; text: string } {
  let file = body;
  const boundary = /boundary=(.+)$/.exec(contentType ?? '')?.[1];
  if (boundary) {
    const start = body.indexOf('\r\n\r\n') + 4;
    const end = body.indexOf(`\r\n--${boundary}`, start);
    file = body.subarray(start, end < 0 ? undefined : end);
  }
  return { bytes: file.length, head: file.subarray(0, 8).toString('latin1'), text: file.length < 1_000_000 ? file.toString('utf8') : '' };
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client sends objects (blocks, view) as JSON strings.
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
