import { sql, type Expression, type SqlBool } from 'kysely';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../core/ticket-workflow.js';
import type { Db } from './database.js';

/** A time window [start, end). */
export interface Window {
  start: Date;
  end: Date;
}

const iso = (d: Date) => d.toISOString();

/** Counts of one value (a team, a category, a source or a status) in each week, oldest first. */
export interface WeeklyCounts {
  value: string;
  counts: number[];
}

/**
 * How many tickets have each value of `group` with their `time` in each week between consecutive `edges` (ascending
 * instants). Aggregated without scanning the weeks' rows one by one: a loose index scan walks the distinct values
 * (one index seek each), and each value-and-week count is a range count on the index (group, time) — so the cost
 * grows with the number of values and weeks, not with the number of tickets (migration 0007's indexes).
 */
export async function countByWeek(
  db: Db,
  by: { group: 'team' | 'category' | 'source' | 'status'; time: 'created_at' | 'closed_at' },
  edges: readonly Date[],
): Promise<WeeklyCounts[]> {
  const { group, time } = by;
  const weeks = edges.slice(0, -1).map((start, k) => [iso(start), iso(edges[k + 1] as Date)] as const);
  const rows = await db
    .withRecursive('vals(v)', (qb) =>
      qb
        .selectFrom('tickets')
        .select((eb) => eb.fn.min<string | null>(group).as('v'))
        .unionAll((eb) =>
          eb
            .selectFrom('vals')
            .select((e) => e.selectFrom('tickets').select((t) => t.fn.min(group).as('m')).whereRef(group, '>', 'vals.v').as('v'))
            .where('vals.v', 'is not', null),
        ),
    )
    .selectFrom('vals')
    .select((eb) => [
      'vals.v',
      ...weeks.map(([start, end], k) =>
        eb
          .selectFrom('tickets')
          .select((t) => t.fn.countAll<number>().as('n'))
          .whereRef(group, '=', 'vals.v')
          .where(time, '>=', start)
          .where(time, '<', end)
          .as(`w${k}`),
      ),
    ])
    .where('vals.v', 'is not', null)
    .execute();
  return rows
    .map((r) => {
      const row = r as unknown as Record<string, string | number | null>;
      return { value: String(row.v), counts: weeks.map((_, k) => Number(row[`w${k}`] ?? 0)) };
    })
    .filter((r) => r.counts.some((n) => n > 0));
}

/**
 * How many tickets are open now, and how many were open at each of `instants` (in the past): open now, plus those
 * closed since, minus those created since (a ticket both created and closed since cancels out). Reopened tickets
 * count as open from their first closing on — close enough for a weekly comparison. Every term is a range count.
 */
export async function countOpenAt(db: Db, instants: readonly Date[]): Promise<{ now: number; at: number[] }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('tickets').select((t) => t.fn.countAll<number>().as('n')).where('status', 'in', [...OPEN_STATUSES]).as('open'),
      ...instants.flatMap((at, k) => [
        eb
          .selectFrom('tickets')
          .select((t) => t.fn.countAll<number>().as('n'))
          .where('status', 'in', [...CLOSED_STATUSES])
          .where('closed_at', '>=', iso(at))
          .as(`closed${k}`),
        eb.selectFrom('tickets').select((t) => t.fn.countAll<number>().as('n')).where('created_at', '>=', iso(at)).as(`created${k}`),
      ]),
    ])
    .executeTakeFirstOrThrow();
  const r = row as unknown as Record<string, number | null>;
  const now = Number(r.open ?? 0);
  return { now, at: instants.map((_, k) => now + Number(r[`closed${k}`] ?? 0) - Number(r[`created${k}`] ?? 0)) };
}

/** Minutes (to the second; julianday's float is cut there) from creation to first response, for tickets created in `w` that have one. */
export async function listFirstResponseMinutes(db: Db, w: Window): Promise<number[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(sql<number>`round((julianday(first_response_at) - julianday(created_at)) * 86400) / 60.0`.as('minutes'))
    .where('created_at', '>=', iso(w.start))
    .where('created_at', '<', iso(w.end))
    .where('first_response_at', 'is not', null)
    .execute();
  return rows.map((r) => Number(r.minutes));
}

/** Minutes from creation to closing, for tickets closed as done in `w`. */
export async function listTimeToDoneMinutes(db: Db, w: Window): Promise<number[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(sql<number>`round((julianday(closed_at) - julianday(created_at)) * 86400) / 60.0`.as('minutes'))
    .where('closed_at', '>=', iso(w.start))
    .where('closed_at', '<', iso(w.end))
    .where('status', '=', 'done')
    .execute();
  return rows.map((r) => Number(r.minutes));
}

/** Minutes recorded in `w` (ticket_history.minutes_spent), by the ticket's team and category, with how many tickets. */
export async function sumTimeSpent(db: Db, w: Window) {
  const rows = await db
    .selectFrom('ticket_history as h')
    .innerJoin('tickets as t', 't.number', 'h.ticket_number')
    .select((eb) => [
      't.team',
      't.category',
      eb.fn.sum<number>('h.minutes_spent').as('minutes'),
      eb.fn.count<number>('h.ticket_number').distinct().as('tickets'),
    ])
    .where('h.at', '>=', iso(w.start))
    .where('h.at', '<', iso(w.end))
    // Implies `minutes_spent is not null`: the partial index ticket_history_time_spent holds just those entries.
    .where('h.minutes_spent', '>', 0)
    .groupBy(['t.team', 't.category'])
    .execute();
  return rows.map((r) => ({ team: r.team, category: r.category, minutes: Number(r.minutes), tickets: Number(r.tickets) }));
}

/** Offers made in `w`, by source (dm, mention), and how many of them became tickets. */
export async function countOffers(db: Db, w: Window) {
  const filed: Expression<SqlBool> = sql<SqlBool>`outcome = 'ticket_filed'`;
  const rows = await db
    .selectFrom('offers')
    .select((eb) => ['source', eb.fn.countAll<number>().as('offers'), eb.fn.sum<number>(filed).as('filed')])
    // Both sources named, so SQLite seeks the index (source, created_at) once per source instead of scanning it.
    .where('source', 'in', ['dm', 'mention'])
    .where('created_at', '>=', iso(w.start))
    .where('created_at', '<', iso(w.end))
    .groupBy('source')
    .execute();
  return rows.map((r) => ({ source: r.source, offers: Number(r.offers), filed: Number(r.filed ?? 0) }));
}
