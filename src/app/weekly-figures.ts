import { reportedWeek, weeksBefore, type WeekWindow } from '../core/digest-period.js';
import {
  chartSeries,
  compareWeeks,
  foldSmallTeams,
  median,
  MIN_GROUP,
  OTHER_TEAMS,
  type Comparison,
  type GroupFigure,
  type WeeklyChartData,
} from '../core/digest.js';
import { TICKET_SOURCES, type TicketSource } from '../core/ticket.js';
import {
  countByWeek,
  countOffers,
  countOpenAt,
  listFirstResponseMinutes,
  listTimeToDoneMinutes,
  sumTimeSpent,
  type WeeklyCounts,
} from '../db/digest-repository.js';
import type { Deps } from './deps.js';

/** Everything the weekly digest says, by team and category only (definitions in src/core/digest.ts). */
export interface WeeklyFigures {
  period: WeekWindow;
  /** The ISO week key of the week before, e.g. '2026-W47'. */
  previousWeek: string;
  received: Comparison;
  finished: Comparison;
  declined: Comparison;
  redirected: Comparison;
  stillOpen: Comparison;
  /** Requests received in the week by team, small teams folded into "Other teams". */
  byTeam: GroupFigure[];
  byCategory: GroupFigure[];
  timeSpent: { totalMinutes: number; byTeam: GroupFigure[]; byCategory: GroupFigure[] };
  medianFirstResponseMinutes: number | null;
  medianTimeToDoneMinutes: number | null;
  arrivals: { offers: Record<'dm' | 'mention', number>; offersFiled: number; tickets: Record<TicketSource, number> };
  /** Categories with the most requests over the last four weeks (at least 3 each), most first. */
  guideCandidates: { label: string; count: number }[];
  chart: WeeklyChartData;
}

const CHART_WEEKS = 8;
const GUIDE_WEEKS = 4;
const GUIDE_CANDIDATES = 3;
// "Other" is where requests go that fit no category: no guide topic there.
const NOT_A_TOPIC = 'Other';

const sumBy = <T>(items: readonly T[], key: (t: T) => string, value: (t: T) => number): Map<string, number> => {
  const out = new Map<string, number>();
  for (const it of items) out.set(key(it), (out.get(key(it)) ?? 0) + value(it));
  return out;
};
const figures = (m: Map<string, number>, minutes?: Map<string, number>): GroupFigure[] =>
  [...new Set([...m.keys(), ...(minutes?.keys() ?? [])])].map((label) => ({ label, count: m.get(label) ?? 0, minutes: minutes?.get(label) ?? 0 }));
const byCountDesc = (a: GroupFigure, b: GroupFigure) => b.count - a.count || b.minutes - a.minutes || a.label.localeCompare(b.label);

/** Collects the weekly digest's figures for the week reported at `now` (queries plus the pure rules). */
export async function collectWeeklyFigures(deps: Pick<Deps, 'db' | 'config'>, now: Date): Promise<WeeklyFigures> {
  const { db, config } = deps;
  const period = reportedWeek(now, config.timezone);
  const weeks = [...weeksBefore(period, CHART_WEEKS - 1, config.timezone).reverse(), period]; // oldest first
  const edges = [...weeks.map((w) => w.start), period.end];
  const last = CHART_WEEKS - 1;

  const teams = await countByWeek(db, { group: 'team', time: 'created_at' }, edges);
  const categories = await countByWeek(db, { group: 'category', time: 'created_at' }, edges.slice(-GUIDE_WEEKS - 1));
  const sources = await countByWeek(db, { group: 'source', time: 'created_at' }, [period.start, period.end]);
  const closed = await countByWeek(db, { group: 'status', time: 'closed_at' }, edges.slice(-6)); // the 5 compared weeks
  const open = await countOpenAt(db, [period.start, ...weeksBefore(period, 3, config.timezone).map((w) => w.start)]);
  const firstResponse = await listFirstResponseMinutes(db, period);
  const toDone = await listTimeToDoneMinutes(db, period);
  const spent = await sumTimeSpent(db, period);
  const offers = await countOffers(db, period);

  // Counts oldest first, ending with the reported week: compared with the week before and the 4-week average.
  const compare = (counts: readonly number[]) => {
    const [p4, p3, p2, p1, c] = counts.slice(-5) as [number, number, number, number, number];
    return compareWeeks(c, [p1, p2, p3, p4]);
  };
  const total = (rows: readonly WeeklyCounts[], weeks: number) => Array.from({ length: weeks }, (_, w) => rows.reduce((a, r) => a + (r.counts[w] ?? 0), 0));
  const closedAs = (status: string) => compare(closed.find((r) => r.value === status)?.counts ?? [0, 0, 0, 0, 0]);
  const lastOf = (rows: readonly WeeklyCounts[]) => new Map(rows.map((r) => [r.value, r.counts.at(-1) ?? 0] as const).filter(([, n]) => n > 0));
  const teamTickets = sumBy(spent, (r) => r.team, (r) => r.tickets);
  const teamMinutes = sumBy(spent, (r) => r.team, (r) => r.minutes);
  const recent = new Map(categories.filter((c) => c.value !== NOT_A_TOPIC).map((c) => [c.value, c.counts.reduce((a, b) => a + b, 0)] as const));
  const bySource = lastOf(sources);

  return {
    period,
    previousWeek: (weeks[last - 1] as WeekWindow).week,
    received: compare(total(teams, CHART_WEEKS)),
    finished: closedAs('done'),
    declined: closedAs('declined'),
    redirected: closedAs('redirected'),
    stillOpen: compareWeeks(open.now, open.at as [number, number, number, number]),
    byTeam: foldSmallTeams(figures(lastOf(teams))),
    byCategory: figures(lastOf(categories)).sort(byCountDesc),
    timeSpent: {
      totalMinutes: spent.reduce((a, r) => a + r.minutes, 0),
      // Folded by how many tickets of the team were worked on, then listed by time, "Other teams" last.
      byTeam: foldSmallTeams(figures(teamTickets, teamMinutes))
        .filter((t) => t.minutes > 0)
        .sort((a, b) => Number(a.label === OTHER_TEAMS) - Number(b.label === OTHER_TEAMS) || b.minutes - a.minutes),
      byCategory: figures(sumBy(spent, (r) => r.category, (r) => r.tickets), sumBy(spent, (r) => r.category, (r) => r.minutes)).sort(
        (a, b) => b.minutes - a.minutes || a.label.localeCompare(b.label),
      ),
    },
    medianFirstResponseMinutes: median(firstResponse),
    medianTimeToDoneMinutes: median(toDone),
    arrivals: {
      offers: { dm: offers.find((o) => o.source === 'dm')?.offers ?? 0, mention: offers.find((o) => o.source === 'mention')?.offers ?? 0 },
      offersFiled: offers.reduce((a, o) => a + o.filed, 0),
      tickets: Object.fromEntries(TICKET_SOURCES.map((s) => [s, bySource.get(s) ?? 0])) as Record<TicketSource, number>,
    },
    guideCandidates: figures(recent)
      .filter((c) => c.count >= MIN_GROUP)
      .sort(byCountDesc)
      .slice(0, GUIDE_CANDIDATES)
      .map(({ label, count }) => ({ label, count })),
    chart: {
      title: `Requests per week by team (8 weeks to ${period.week})`,
      weeks: weeks.map((w) => w.startDate),
      series: chartSeries(CHART_WEEKS, teams.flatMap((t) => t.counts.map((count, week) => ({ week, team: t.value, count })))),
    },
  };
}
