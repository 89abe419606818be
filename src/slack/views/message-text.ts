import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from './blocks.js';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
// <https://x|label> → label (https://x); <@U1> and <!date^…|fallback> → their fallback or id.
const unlink = (s: string) =>
  s.replace(/<([^<>|]+)\|([^<>]+)>/g, (_, target: string, label: string) => (/^https?:/.test(target) ? `${label} (${target})` : label)).replace(/<([^<>]+)>/g, '$1');

function blockText(block: KnownBlock): string[] {
  const b = block as { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { type: string; text?: string }[] };
  switch (b.type) {
    case 'header':
      return b.text ? [b.text.text, ''] : [];
    case 'section':
      return [...(b.text ? [unlink(b.text.text)] : []), ...(b.fields ?? []).map((f) => unlink(f.text))];
    case 'context':
      return (b.elements ?? []).flatMap((e) => (e.text ? [unlink(e.text)] : []));
    case 'divider':
      return [''];
    default:
      return [];
  }
}

/** A message as plain text for a terminal (`npm run digest -- --dry-run`): its blocks' texts, markup unwrapped. */
export function messageAsText(message: SlackMessage): string {
  const lines = message.blocks.length > 0 ? message.blocks.flatMap(blockText) : [message.text];
  return `${decode(lines.join('\n')).trimEnd()}\n`;
}
