import { ErrorCode, WebClient, type FilesUploadV2Arguments, type WebClientOptions } from '@slack/web-api';
import type { Logger } from '../logger.js';
import { toSlackLogger } from '../logger.js';
import { slackUserId } from './slack-ids.js';
import { SlackCallError, type BotIdentity, type MessageContent, type ReadMessage, type SlackPort } from '../app/slack-port.js';

// Slack platform errors worth another try; everything else (channel_not_found, not_in_channel, invalid_blocks…)
// will fail the same way again. https://docs.slack.dev/reference/methods/chat.postMessage#errors
const TRANSIENT_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

/** Reduces any error from @slack/web-api (or fetch) to a `SlackCallError`. */
export function toSlackCallError(method: string, err: unknown): SlackCallError {
  const e = err as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; original?: unknown };
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return new SlackCallError(method, 'rate_limited', true, e.retryAfter ?? 1);
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      return new SlackCallError(method, `http_${status}`, status >= 500 || status === 408 || status === 429);
    }
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      return new SlackCallError(method, code, TRANSIENT_ERRORS.has(code));
    }
    case ErrorCode.RequestError: {
      const name = (e.original as { name?: string } | undefined)?.name;
      return new SlackCallError(method, name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', true);
    }
    default:
      return new SlackCallError(method, err instanceof Error ? err.message : 'unknown_error', true);
  }
}

export interface WebApiPortOptions {
  token: string;
  /** Web API base URL (SLACK_API_URL); Slack's own when undefined. */
  slackApiUrl?: string | undefined;
  logger: Logger;
  /** Per-call limit for background sends (the outbox retries on its own schedule). */
  timeoutMs?: number;
  /** Per-call limit where a person is waiting and a trigger_id expires in 3 s. */
  interactiveTimeoutMs?: number;
}

/**
 * The `SlackPort` over @slack/web-api. Retries are off and every call has a timeout, so nothing waits on the
 * SDK's default 30-minute retry loop; the outbox owns retrying.
 */
export function createWebApiPort(opts: WebApiPortOptions): SlackPort {
  const base: WebClientOptions = {
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    logger: toSlackLogger(opts.logger.child({ subsystem: 'web-api' })),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
  const background = new WebClient(opts.token, { ...base, timeout: opts.timeoutMs ?? 10_000 });
  const interactive = new WebClient(opts.token, { ...base, timeout: opts.interactiveTimeoutMs ?? 2_500 });
  const call = async <T>(method: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw toSlackCallError(method, err);
    }
  };
  // Text from people is escaped by the views; `parse: 'none'` and no link_names keep Slack from adding mentions.
  const content = (m: MessageContent) => ({ text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}), parse: 'none' as const });

  return {
    authTest: () =>
      call('auth.test', async (): Promise<BotIdentity> => {
        const r = await background.auth.test();
        if (!r.user_id || !r.team_id) throw new Error('auth.test returned no user or team');
        return { botUserId: r.user_id, botId: r.bot_id ?? '', teamId: r.team_id, enterpriseId: r.enterprise_id || undefined };
      }),
    postMessage: (m) =>
      call('chat.postMessage', async () => {
        const r = await background.chat.postMessage({
          channel: m.channel,
          ...content(m),
          ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
          ...(m.metadata ? { metadata: { event_type: m.metadata.eventType, event_payload: m.metadata.payload } } : {}),
          unfurl_links: false,
          unfurl_media: false,
        });
        return { channel: r.channel ?? m.channel, ts: r.ts ?? '' };
      }),
    postEphemeral: (m) =>
      call('chat.postEphemeral', async () => {
        await background.chat.postEphemeral({
          channel: m.channel,
          user: m.user,
          ...content(m),
          ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
        });
      }),
    updateMessage: (m) =>
      call('chat.update', async () => {
        await background.chat.update({ channel: m.channel, ts: m.ts, ...content(m) });
      }),
    respond: (url, m) =>
      call('response_url', async () => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ replace_original: true, text: m.text, blocks: m.blocks ?? [] }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        }).catch((err: unknown) => {
          const name = (err as { name?: string }).name;
          throw new SlackCallError('response_url', name === 'TimeoutError' ? 'timeout' : 'network', true);
        });
        // A response_url lives 30 minutes; 404 means it expired and no retry will help.
        if (!res.ok) throw new SlackCallError('response_url', `http_${res.status}`, res.status >= 500 || res.status === 429);
      }),
    openView: (triggerId, view) =>
      call('views.open', async () => {
        await interactive.views.open({ trigger_id: triggerId, view });
      }),
    readMessage: async (channel, ts) => {
      const readBack = (m: { ts?: string; text?: string; user?: string; bot_id?: string; subtype?: string }): ReadMessage => ({
        ts: m.ts ?? ts,
        text: m.text ?? '',
        // Checked here, where it enters: it becomes a requester and a `<@…>` mention.
        userId: slackUserId.safeParse(m.user).success ? m.user : undefined,
        botId: m.bot_id,
        subtype: m.subtype,
      });
      // latest = oldest = ts, inclusive: exactly that message if it is a top-level one.
      // https://docs.slack.dev/messaging/retrieving-messages#individual_messages
      const history = await call('conversations.history', () =>
        interactive.conversations.history({ channel, latest: ts, oldest: ts, inclusive: true, limit: 1 }),
      );
      const top = history.messages?.find((m) => m.ts === ts);
      if (top) return readBack(top);
      // A thread reply is not in the channel's history; conversations.replies finds it by its own ts (the thread's
      // parent comes first, so look for ours).
      try {
        const replies = await call('conversations.replies', () =>
          interactive.conversations.replies({ channel, ts, oldest: ts, inclusive: true, limit: 2 }),
        );
        const reply = replies.messages?.find((m) => m.ts === ts);
        return reply ? readBack(reply) : undefined;
      } catch (err) {
        if (err instanceof SlackCallError && (err.code === 'thread_not_found' || err.code === 'message_not_found')) return undefined;
        throw err;
      }
    },
    addReaction: async (channel, ts, name) => {
      try {
        await call('reactions.add', () => background.reactions.add({ channel, timestamp: ts, name }));
      } catch (err) {
        // Someone (or an earlier try of ours) already put it there: what we wanted is done.
        if (err instanceof SlackCallError && err.code === 'already_reacted') return;
        throw err;
      }
    },
    publishHome: (userId, view) =>
      call('views.publish', async () => {
        await background.views.publish({ user_id: userId, view });
      }),
    findMessageByMetadata: (channel, oldest, metadata) =>
      call('conversations.history', async () => {
        const r = await background.conversations.history({
          channel,
          oldest: (oldest.getTime() / 1000).toFixed(6),
          include_all_metadata: true,
          limit: 100,
        });
        const wanted = Object.entries(metadata.payload);
        const found = (r.messages ?? []).find((msg) => {
          const meta = msg.metadata as { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
          return meta?.event_type === metadata.eventType && wanted.every(([k, v]) => meta.event_payload?.[k] === v);
        });
        return found?.ts;
      }),
    openDm: (userId) =>
      call('conversations.open', async () => {
        const r = await background.conversations.open({ users: userId });
        if (!r.channel?.id) throw new Error('conversations.open returned no channel');
        return r.channel.id;
      }),
    uploadFile: (f) =>
      call('files.uploadV2', async () => {
        const body = typeof f.content === 'string' ? { content: f.content } : { file: f.content };
        await background.filesUploadV2({
          channel_id: f.channel,
          filename: f.filename,
          title: f.title,
          ...body,
          ...(f.initialComment ? { initial_comment: f.initialComment } : {}),
        } as FilesUploadV2Arguments);
      }),
    userLocale: (userId) =>
      call('users.info', async () => {
        const r = await interactive.users.info({ user: userId, include_locale: true });
        return r.user?.locale;
      }),
    getPermalink: (channel, ts) =>
      call('chat.getPermalink', async () => {
        const r = await background.chat.getPermalink({ channel, message_ts: ts });
        if (!r.permalink) throw new Error('chat.getPermalink returned no permalink');
        return r.permalink;
      }),
  };
}
