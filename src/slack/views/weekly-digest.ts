import type { KnownBlock } from '@slack/types';
import type { WeeklyFigures } from '../../app/weekly-figures.js';
import { addDays } from '../../core/digest-period.js';
import { formatChange, formatElapsed, formatHours, MIN_GROUP, OTHER_TEAMS, share, type Comparison, type GroupFigure } from '../../core/digest.js';
import { context, escapeMrkdwn, LIMITS, plainText, section, type SlackMessage } from './blocks.js';

// Written for leadership: concrete and short, counts by team and category only — never a person (PRODUCT.md).

const dayMonth = (isoDate: string, withYear: boolean) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );

/** "23–29 Nov 2026" for the Monday-to-Sunday week. */
function weekSpan(startDate: string): string {
  const end = addDays(startDate, 6);
  return startDate.slice(5, 7) === end.slice(5, 7)
    ? `${Number(startDate.slice(8))}–${dayMonth(end, true)}`
    : `${dayMonth(startDate, startDate.slice(0, 4) !== end.slice(0, 4))} – ${dayMonth(end, true)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-US');

/** "(+13% vs the week before, +40% vs the 4-week average)". */
function changes(c: Comparison): string {
  const last = c.vsLastWeek === null ? 'none the week before' : `${formatChange(c.vsLastWeek)} vs the week before`;
  const avg = c.vsAverage === null ? 'none in the 4 weeks before' : `${formatChange(c.vsAverage)} vs the 4-week average`;
  return `(${last}, ${avg})`;
}

/** "Sales 20 (59%) · Customer Success 8 (24%) · Other teams 3 (9%)". */
const countsLine = (groups: readonly GroupFigure[], total: number) =>
  groups.map((g) => `${escapeMrkdwn(g.label)} ${g.count} (${share(g.count, total)}%)`).join(' · ') || 'none';
const hoursLine = (groups: readonly GroupFigure[]) => groups.map((g) => `${escapeMrkdwn(g.label)} ${formatHours(g.minutes)}`).join(' · ');

/** The comparison table, monospaced: this week, last week, the 4-week average. */
function table(f: WeeklyFigures): string {
  const rows: [string, Comparison][] = [
    ['Received', f.received],
    ['Finished', f.finished],
    ['Declined', f.declined],
    ['Redirected', f.redirected],
    ['Still open', f.stillOpen],
  ];
  const line = (cells: string[]) => cells[0]!.padEnd(11) + cells.slice(1).map((c) => c.padStart(10)).join('');
  const weekNumber = (key: string) => `week ${Number(key.slice(6))}`;
  return ['```', line(['', weekNumber(f.period.week), weekNumber(f.previousWeek), '4-wk avg']), ...rows.map(([name, c]) => line([name, String(c.current), String(c.lastWeek), oneDecimal(c.fourWeekAverage)])), '```'].join('\n');
}

function arrivals(f: WeeklyFigures): string {
  const { offers, offersFiled, tickets } = f.arrivals;
  const asked = offers.dm + offers.mention;
  const offered =
    asked === 0
      ? 'No asks by DM or @mention needed the ticket offer'
      : `${plural(asked, 'ask')} by DM or @mention got the ticket offer (${offers.dm} DM, ${offers.mention} mention); ${offersFiled} became tickets (${share(offersFiled, asked)}%)`;
  const direct = [`${tickets.command} straight through \`/request\``];
  if (tickets.shortcut > 0) direct.push(`${tickets.shortcut} by the message shortcut`);
  if (tickets.reaction > 0) direct.push(`${tickets.reaction} by a helper's :ticket: reaction`);
  return `*How requests arrived:* ${offered}. ${direct.join(', ')}.`;
}

/** The weekly digest for the team channel and leadership: load, speed, where requests come from, guide candidates. */
export function buildWeeklyDigestMessage(f: WeeklyFigures): SlackMessage {
  const r = f.received;
  const headline =
    r.current === 0
      ? `*No requests* last week (4-week average: ${oneDecimal(r.fourWeekAverage)}).`
      : `*${plural(r.current, 'request')}* last week ${changes(r)}.`;
  const closed = `${f.finished.current} finished, ${f.declined.current} declined, ${f.redirected.current} redirected; *${f.stillOpen.current} still open*.`;
  const speed = [
    f.medianFirstResponseMinutes === null ? 'No first responses yet' : `Median first response *${formatElapsed(f.medianFirstResponseMinutes)}*`,
    f.medianTimeToDoneMinutes === null ? 'nothing finished' : `median time to done *${formatElapsed(f.medianTimeToDoneMinutes)}*`,
  ].join(' · ');
  const time =
    f.timeSpent.totalMinutes === 0
      ? '*Time spent:* none recorded.'
      : `*Time spent:* ${formatHours(f.timeSpent.totalMinutes)} on other teams' requests — ${hoursLine(f.timeSpent.byTeam)}\nBy category: ${hoursLine(f.timeSpent.byCategory)}`;
  const guides =
    f.guideCandidates.length === 0
      ? undefined
      : `*Guide candidates:* ${f.guideCandidates.map((g, k) => `${escapeMrkdwn(g.label)} (${g.count}${k === 0 ? ' requests in 4 weeks' : ''})`).join(', ')} — a short guide or template could save repeat work.`;

  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(`Request Desk · week ${f.period.week.slice(6)} (${weekSpan(f.period.startDate)})`, LIMITS.headerText) },
    section(`${headline} ${closed}\n${speed}`),
    section(table(f)),
    section(`*By team:* ${countsLine(f.byTeam, r.current)}\n*By category:* ${countsLine(f.byCategory, r.current)}`),
    section(time),
    section(arrivals(f)),
    ...(guides ? [section(guides)] : []),
    context(`Counted by team and category, never by person; teams with fewer than ${MIN_GROUP} requests are counted under “${OTHER_TEAMS}”. Week ${f.period.week}, Monday to Sunday.`),
  ];
  const text =
    r.current === 0
      ? `Request Desk, week ${f.period.week}: no requests; ${f.stillOpen.current} still open.`
      : `Request Desk, week ${f.period.week}: ${plural(r.current, 'request')} ${changes(r)}, ${f.finished.current} finished, ${f.stillOpen.current} still open.`;
  return { text, blocks };
}
