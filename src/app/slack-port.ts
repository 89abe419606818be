import type { HomeView, KnownBlock, ModalView } from '@slack/types';

/** Text plus blocks, as every Slack message carries them. */
export interface MessageContent {
  text: string;
  blocks?: KnownBlock[] | undefined;
}

/** Machine-readable metadata attached to a message, so the bot can find its own messages again. */
export interface MessageMetadata {
  eventType: string;
  payload: Record<string, string>;
}

/** A failed Slack call, reduced to what the caller decides on: whether to try again, and when. */
export class SlackCallError extends Error {
  constructor(
    readonly method: string,
    /** Slack's error code (`channel_not_found`), or `http_503`, `rate_limited`, `timeout`, `network`. */
    readonly code: string,
    readonly retryable: boolean,
    readonly retryAfterSeconds?: number,
  ) {
    super(`${method} failed: ${code}`);
    this.name = 'SlackCallError';
  }
}

/** A message as read back from Slack (conversations.history / conversations.replies). */
export interface ReadMessage {
  ts: string;
  text: string;
  /** The author, when a person wrote it (absent for most app and workflow messages). */
  userId?: string | undefined;
  botId?: string | undefined;
  subtype?: string | undefined;
}

/** Who the bot is, from auth.test. */
export interface BotIdentity {
  botUserId: string;
  botId: string;
  teamId: string;
  /** The Enterprise Grid org, when the workspace belongs to one. */
  enterpriseId?: string | undefined;
}

/**
 * The narrow slice of Slack the use cases talk to. Calls fail fast with `SlackCallError` (no hidden
 * 30-minute retry loops): the outbox decides about retries, and interactive calls tell the person.
 */
export interface SlackPort {
  authTest(): Promise<BotIdentity>;
  postMessage(
    m: MessageContent & { channel: string; threadTs?: string | undefined; metadata?: MessageMetadata | undefined },
  ): Promise<{ channel: string; ts: string }>;
  /** The latest message since `oldest` in a conversation carrying this metadata, if any (conversations.history). */
  findMessageByMetadata(channel: string, oldest: Date, metadata: MessageMetadata): Promise<string | undefined>;
  postEphemeral(m: MessageContent & { channel: string; user: string; threadTs?: string | undefined }): Promise<void>;
  updateMessage(m: MessageContent & { channel: string; ts: string }): Promise<void>;
  /** Posts to an interaction's response_url, replacing the original message. */
  respond(responseUrl: string, m: MessageContent): Promise<void>;
  /** Opens a modal; must happen within 3 seconds of the click or command that produced `triggerId`. */
  openView(triggerId: string, view: ModalView): Promise<void>;
  getPermalink(channel: string, ts: string): Promise<string>;
  /** Shows a person's App Home tab. */
  publishHome(userId: string, view: HomeView): Promise<void>;
  /** The ID of the bot's DM with a person (conversations.open). */
  openDm(userId: string): Promise<string>;
  /** Uploads a file into a conversation (files.uploadV2: Slack's three-step upload). */
  uploadFile(f: { channel: string; filename: string; title: string; content: Buffer | string; initialComment?: string | undefined }): Promise<void>;
  /** Reads one message (top level or a thread reply); undefined when Slack has no such message. Fails fast, no retries. */
  readMessage(channel: string, ts: string): Promise<ReadMessage | undefined>;
  /** A person's Slack locale (`de-DE`) from users.info, undefined when Slack does not say. Fails fast, no retries. */
  userLocale(userId: string): Promise<string | undefined>;
  /** Adds an emoji reaction as the bot; a reaction that is already there counts as added. */
  addReaction(channel: string, ts: string, name: string): Promise<void>;
}
