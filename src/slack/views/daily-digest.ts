import type { KnownBlock } from '@slack/types';
import type { DailyFigures, DailyPart } from '../../app/daily-figures.js';
import type { DigestTicket } from '../../db/daily-digest-repository.js';
import { t as text } from '../../i18n/catalog.js';
import { formatElapsed } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { context, escapeMrkdwn, LIMITS, link, plainText, section, slackDate, truncate, type SlackMessage } from './blocks.js';
import { dueDateText } from './ticket-format.js';

/** What an empty day says, in one line. */
export const clearDay = (locale: Locale) => text(locale, 'digest.daily.clear');

// Slack would cut a longer title mid-line; the card has the whole of it.
const TITLE_CHARS = 90;

/**
 * One ticket, linked to its triage card: number and title, then team, category, and what matters for its part.
 * No user mentions: a digest posted every morning would otherwise notify each requester named in it.
 */
function ticketLine(t: DigestTicket, kind: DailyPart['kind'], now: Date, locale: Locale): string {
  const title = truncate(t.title, TITLE_CHARS);
  const ref = link(t.triagePermalink, `#${t.number} ${title}`) ?? `*#${t.number}* ${escapeMrkdwn(title)}`;
  const facts = [escapeMrkdwn(t.team), escapeMrkdwn(t.category)];
  if (t.urgency === 'urgent') facts.push(text(locale, 'digest.daily.urgent'));
  if (t.dueDate && kind !== 'due_today') facts.push(text(locale, 'digest.daily.due', { date: dueDateText(t.dueDate, locale) }));
  if (kind === 'waiting') facts.push(text(locale, 'digest.daily.waiting', { elapsed: formatElapsed((now.getTime() - t.createdAt.getTime()) / 60_000, locale) }));
  return `• ${ref} · ${facts.join(' · ')}`;
}

/** A part as one section: its title and count, as many lines as fit in a section, then how many more there are. */
function partSection(part: DailyPart, since: Date, now: Date, locale: Locale): KnownBlock {
  const title =
    part.kind === 'new'
      ? text(locale, 'digest.daily.newSince', { since: slackDate(since, text(locale, 'dateTime.format')) })
      : text(locale, `digest.daily.part.${part.kind}`);
  let body = `*${title}* (${part.total})`;
  let shown = 0;
  for (const t of part.tickets) {
    const line = ticketLine(t, part.kind, now, locale);
    // Room is kept for the "…and N more" line.
    if (body.length + line.length + 100 > LIMITS.sectionText) break;
    body += `\n${line}`;
    shown++;
  }
  if (part.total > shown) body += `\n${text(locale, 'digest.daily.more', { count: part.total - shown })}`;
  return section(body);
}

/** The daily digest for the helpers: what is new, due, overdue, waiting and in progress, each line linked to its card. */
export function buildDailyDigestMessage(figures: DailyFigures, now: Date, locale: Locale): SlackMessage {
  const parts = figures.parts.filter((p) => p.total > 0);
  if (parts.length === 0) return { text: clearDay(locale), blocks: [section(clearDay(locale))] };
  const header = text(locale, 'digest.daily.header', { date: dueDateText(figures.today, locale) });
  const blocks: KnownBlock[] = [{ type: 'header', text: plainText(header, LIMITS.headerText) }];
  for (const part of parts) blocks.push(partSection(part, figures.since, now, locale));
  blocks.push(context(text(locale, 'digest.daily.footer')));
  const count = (kind: DailyPart['kind']) => figures.parts.find((p) => p.kind === kind)?.total ?? 0;
  const summary = text(locale, 'digest.daily.text', {
    new: count('new'),
    dueToday: count('due_today'),
    overdue: count('overdue'),
    waiting: count('waiting'),
    inProgress: count('in_progress'),
  });
  return { text: summary, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}
