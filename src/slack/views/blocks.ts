import type { Button, ContextBlock, KnownBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';
import { truncate } from '../../core/ticket.js';

export { truncate };

/** Block Kit limits we build against (https://docs.slack.dev/reference/block-kit/blocks). */
export const LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  headerText: 150,
  modalTitle: 24,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  options: 100,
  contextElements: 10,
  privateMetadata: 3000,
  messageText: 4000,
} as const;

/** A message body: the notification/fallback `text` plus its blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Escapes user text for mrkdwn: `&`, `<` and `>` become entities, so `<!channel>` or `<https://evil|bank>`
 * typed by a person shows as text instead of pinging or forging a link.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes user text for mrkdwn and cuts it so the escaped result fits `max` characters, never splitting an entity
 * (`&amp;`) or an emoji.
 */
export function escapeMrkdwnWithin(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const ch of text) {
    const next = escapeMrkdwn(ch);
    if (out.length + next.length > max - 1) break;
    out += next;
  }
  return `${out.trimEnd()}…`;
}

/** A plain-text object, cut to `max` characters. */
export function plainText(text: string, max: number = LIMITS.sectionText): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/**
 * A mrkdwn text object. `verbatim: true` stops Slack from auto-linking channel names or parsing mentions in
 * whatever user text the caller has (escaped and) embedded.
 */
export function mrkdwn(text: string, max: number = LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, max), verbatim: true };
}

/** A section with mrkdwn text. */
export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

/** A context block of mrkdwn lines. */
export function context(...lines: string[]): ContextBlock {
  return { type: 'context', elements: lines.slice(0, LIMITS.contextElements).map((l) => mrkdwn(l)) };
}

/** A button; `style` only when it should stand out (one primary per message). */
export function button(actionId: string, text: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: plainText(text, LIMITS.buttonText),
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

/** A link for mrkdwn: only http(s) URLs without characters that could break out of `<url|label>`. */
export function link(url: string | null | undefined, label: string): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>|]+$/.test(url)) return undefined;
  return `<${url}|${escapeMrkdwn(label)}>`;
}

/** Slack renders this in each reader's own time zone: https://docs.slack.dev/messaging/formatting-message-text#date-formatting */
export function slackDate(at: Date, format = '{date_short_pretty} at {time}'): string {
  const epoch = Math.floor(at.getTime() / 1000);
  return `<!date^${epoch}^${format}|${at.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}
