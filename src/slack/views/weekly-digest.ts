import type { KnownBlock } from '@slack/types';
import type { WeeklyFigures } from '../../app/weekly-figures.js';
import { addDays } from '../../core/digest-period.js';
import { formatChange, MIN_GROUP, OTHER_TEAMS, share, type Comparison, type GroupFigure } from '../../core/digest.js';
import { t as text } from '../../i18n/catalog.js';
import { formatDay, formatElapsed, formatHours, formatNumber } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { context, escapeMrkdwn, LIMITS, plainText, section, type SlackMessage } from './blocks.js';

// Written for leadership: concrete and short, counts by team and category only — never a person (PRODUCT.md).

/** "23–29 Nov 2026" for the Monday-to-Sunday week. */
function weekSpan(startDate: string, locale: Locale): string {
  const end = addDays(startDate, 6);
  const day = locale === 'de' ? `${Number(startDate.slice(8))}.` : `${Number(startDate.slice(8))}`;
  return startDate.slice(5, 7) === end.slice(5, 7)
    ? `${day}–${formatDay(end, locale, { year: true })}`
    : `${formatDay(startDate, locale, { year: startDate.slice(0, 4) !== end.slice(0, 4) })} – ${formatDay(end, locale, { year: true })}`;
}

const number = formatNumber;
const oneDecimal = (n: number, locale: Locale) => number(Math.round(n * 10) / 10, locale);
const hours = formatHours;
const requests = (n: number, locale: Locale) =>
  text(locale, n === 1 ? 'digest.weekly.requests.one' : 'digest.weekly.requests.other', { count: number(n, locale) });
/** A group's name; the fold of small teams in the reader's language. */
const label = (g: GroupFigure, locale: Locale) => (g.label === OTHER_TEAMS ? text(locale, 'digest.weekly.otherTeams') : escapeMrkdwn(g.label));

/** "+13% vs the week before, +40% vs the 4-week average". */
function changes(c: Comparison, locale: Locale): string {
  const last = c.vsLastWeek === null ? text(locale, 'digest.weekly.noneLastWeek') : text(locale, 'digest.weekly.vsLastWeek', { change: formatChange(c.vsLastWeek) });
  const avg = c.vsAverage === null ? text(locale, 'digest.weekly.noneAverage') : text(locale, 'digest.weekly.vsAverage', { change: formatChange(c.vsAverage) });
  return `${last}, ${avg}`;
}

/** "Sales 20 (59%) · Customer Success 8 (24%) · Other teams 3 (9%)". */
const countsLine = (groups: readonly GroupFigure[], total: number, locale: Locale) =>
  groups.map((g) => `${label(g, locale)} ${g.count} (${share(g.count, total)}%)`).join(' · ') || text(locale, 'digest.weekly.none');
const hoursLine = (groups: readonly GroupFigure[], locale: Locale) => groups.map((g) => `${label(g, locale)} ${hours(g.minutes, locale)}`).join(' · ');

/** The comparison table, monospaced: this week, last week, the 4-week average. */
function table(f: WeeklyFigures, locale: Locale): string {
  const rows: [string, Comparison][] = [
    [text(locale, 'digest.weekly.row.received'), f.received],
    [text(locale, 'digest.weekly.row.finished'), f.finished],
    [text(locale, 'digest.weekly.row.declined'), f.declined],
    [text(locale, 'digest.weekly.row.redirected'), f.redirected],
    [text(locale, 'digest.weekly.row.stillOpen'), f.stillOpen],
  ];
  const width = Math.max(11, ...rows.map(([name]) => name.length + 1));
  const line = (cells: string[]) => cells[0]!.padEnd(width) + cells.slice(1).map((c) => c.padStart(10)).join('');
  const weekNumber = (key: string) => text(locale, 'digest.weekly.col.week', { week: Number(key.slice(6)) });
  const head = ['', weekNumber(f.period.week), weekNumber(f.previousWeek), text(locale, 'digest.weekly.col.average')];
  const body = rows.map(([name, c]) => line([name, String(c.current), String(c.lastWeek), oneDecimal(c.fourWeekAverage, locale)]));
  return ['```', line(head), ...body, '```'].join('\n');
}

function arrivals(f: WeeklyFigures, locale: Locale): string {
  const { offers, offersFiled, tickets } = f.arrivals;
  const asked = offers.dm + offers.mention;
  const asks = text(locale, asked === 1 ? 'digest.weekly.asks.one' : 'digest.weekly.asks.other', { count: number(asked, locale) });
  const offered =
    asked === 0
      ? text(locale, 'digest.weekly.noOffers')
      : text(locale, 'digest.weekly.offers', { asks, dm: offers.dm, mention: offers.mention, filed: offersFiled, share: share(offersFiled, asked) });
  const direct = [text(locale, 'digest.weekly.viaCommand', { count: tickets.command })];
  if (tickets.shortcut > 0) direct.push(text(locale, 'digest.weekly.viaShortcut', { count: tickets.shortcut }));
  if (tickets.reaction > 0) direct.push(text(locale, 'digest.weekly.viaReaction', { count: tickets.reaction }));
  return text(locale, 'digest.weekly.arrivals', { offered, direct: direct.join(', ') });
}

/**
 * The weekly digest for the team channel and leadership, in `locale`: load, speed, where requests come from, guide
 * candidates.
 */
export function buildWeeklyDigestMessage(f: WeeklyFigures, locale: Locale): SlackMessage {
  const r = f.received;
  const week = f.period.week;
  const headline =
    r.current === 0
      ? text(locale, 'digest.weekly.noRequests', { average: oneDecimal(r.fourWeekAverage, locale) })
      : text(locale, 'digest.weekly.headline', { requests: requests(r.current, locale), changes: changes(r, locale) });
  const closed = text(locale, 'digest.weekly.closed', {
    finished: f.finished.current,
    declined: f.declined.current,
    redirected: f.redirected.current,
    open: f.stillOpen.current,
  });
  const speed = [
    f.medianFirstResponseMinutes === null
      ? text(locale, 'digest.weekly.noFirstResponse')
      : text(locale, 'digest.weekly.firstResponse', { elapsed: formatElapsed(f.medianFirstResponseMinutes, locale) }),
    f.medianTimeToDoneMinutes === null
      ? text(locale, 'digest.weekly.nothingFinished')
      : text(locale, 'digest.weekly.timeToDone', { elapsed: formatElapsed(f.medianTimeToDoneMinutes, locale) }),
  ].join(' · ');
  const time =
    f.timeSpent.totalMinutes === 0
      ? text(locale, 'digest.weekly.noTimeSpent')
      : text(locale, 'digest.weekly.timeSpent', {
          hours: hours(f.timeSpent.totalMinutes, locale),
          byTeam: hoursLine(f.timeSpent.byTeam, locale),
          byCategory: hoursLine(f.timeSpent.byCategory, locale),
        });
  const guides =
    f.guideCandidates.length === 0
      ? undefined
      : text(locale, 'digest.weekly.guides', {
          list: f.guideCandidates
            .map((g, k) => (k === 0 ? text(locale, 'digest.weekly.guideFirst', { label: escapeMrkdwn(g.label), count: g.count }) : `${escapeMrkdwn(g.label)} (${g.count})`))
            .join(', '),
        });

  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(text(locale, 'digest.weekly.header', { week: week.slice(6), span: weekSpan(f.period.startDate, locale) }), LIMITS.headerText) },
    section(`${headline} ${closed}\n${speed}`),
    section(table(f, locale)),
    section(text(locale, 'digest.weekly.byTeam', { teams: countsLine(f.byTeam, r.current, locale), categories: countsLine(f.byCategory, r.current, locale) })),
    section(time),
    section(arrivals(f, locale)),
    ...(guides ? [section(guides)] : []),
    context(text(locale, 'digest.weekly.privacy', { min: MIN_GROUP, other: text(locale, 'digest.weekly.otherTeams'), week })),
  ];
  const summary =
    r.current === 0
      ? text(locale, 'digest.weekly.textEmpty', { week, open: f.stillOpen.current })
      : text(locale, 'digest.weekly.text', {
          week,
          requests: requests(r.current, locale),
          changes: changes(r, locale),
          finished: f.finished.current,
          open: f.stillOpen.current,
        });
  return { text: summary, blocks };
}
