import type { KnownBlock } from '@slack/types';
import type { DailyFigures, DailyPart } from '../../app/daily-figures.js';
import { formatDueDate } from '../../core/dates.js';
import { formatElapsed } from '../../core/digest.js';
import type { DigestTicket } from '../../db/daily-digest-repository.js';
import { context, escapeMrkdwn, LIMITS, link, plainText, section, slackDate, truncate, type SlackMessage } from './blocks.js';

/** What an empty day says, in one line. */
export const CLEAR_DAY = 'A clear day: nothing new, nothing due or overdue, nobody waiting and nothing in progress. :sunny:';

const TITLES: Readonly<Record<DailyPart['kind'], string>> = {
  new: 'New',
  due_today: 'Due today',
  overdue: 'Overdue',
  waiting: 'Waiting longest for a first response',
  in_progress: 'In progress',
};

// Slack would cut a longer title mid-line; the card has the whole of it.
const TITLE_CHARS = 90;

/**
 * One ticket, linked to its triage card: number and title, then team, category, and what matters for its part.
 * No user mentions: a digest posted every morning would otherwise notify each requester named in it.
 */
function ticketLine(t: DigestTicket, kind: DailyPart['kind'], now: Date): string {
  const title = truncate(t.title, TITLE_CHARS);
  const ref = link(t.triagePermalink, `#${t.number} ${title}`) ?? `*#${t.number}* ${escapeMrkdwn(title)}`;
  const facts = [escapeMrkdwn(t.team), escapeMrkdwn(t.category)];
  if (t.urgency === 'urgent') facts.push(':red_circle: urgent');
  if (t.dueDate && kind !== 'due_today') facts.push(`due ${formatDueDate(t.dueDate)}`);
  if (kind === 'waiting') facts.push(`waiting ${formatElapsed((now.getTime() - t.createdAt.getTime()) / 60_000)}`);
  return `• ${ref} · ${facts.join(' · ')}`;
}

/** A part as one section: its title and count, as many lines as fit in a section, then how many more there are. */
function partSection(part: DailyPart, since: Date, now: Date): KnownBlock {
  const heading = part.kind === 'new' ? `*New since ${slackDate(since)}* (${part.total})` : `*${TITLES[part.kind]}* (${part.total})`;
  let text = heading;
  let shown = 0;
  for (const t of part.tickets) {
    const line = ticketLine(t, part.kind, now);
    // Room is kept for the "…and N more" line.
    if (text.length + line.length + 80 > LIMITS.sectionText) break;
    text += `\n${line}`;
    shown++;
  }
  if (part.total > shown) text += `\n…and ${part.total - shown} more — the Home tab has the whole queue.`;
  return section(text);
}

/** The daily digest for the helpers: what is new, due, overdue, waiting and in progress, each line linked to its card. */
export function buildDailyDigestMessage(figures: DailyFigures, now: Date): SlackMessage {
  const parts = figures.parts.filter((p) => p.total > 0);
  if (parts.length === 0) return { text: CLEAR_DAY, blocks: [section(CLEAR_DAY)] };
  const blocks: KnownBlock[] = [{ type: 'header', text: plainText(`Today at the desk · ${formatDueDate(figures.today)}`, LIMITS.headerText) }];
  for (const part of parts) blocks.push(partSection(part, figures.since, now));
  blocks.push(context('Each line opens the ticket\'s card in the triage channel. The Home tab has the whole queue.'));
  const count = (kind: DailyPart['kind']) => figures.parts.find((p) => p.kind === kind)?.total ?? 0;
  const text = `Today at the desk: ${count('new')} new, ${count('due_today')} due today, ${count('overdue')} overdue, ${count('waiting')} waiting for a first response, ${count('in_progress')} in progress`;
  return { text, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}
