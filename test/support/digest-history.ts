import { startOfLocalDay } from '../../src/core/digest-period.js';
import type { Db } from '../../src/db/database.js';

/** The desk's time zone in these fixtures. */
export const TZ = 'Europe/Berlin';
/** Monday 30 Nov 2026, 08:00 in Berlin: the weekly digest posted now reports 2026-W48 (23–29 Nov). */
export const NOW = new Date('2026-11-30T07:00:00Z');

/** `hour` o'clock on a calendar day in Berlin (plus `minutes`). */
export const local = (isoDate: string, hour = 10, minutes = 0): Date =>
  new Date(startOfLocalDay(isoDate, TZ).getTime() + (hour * 60 + minutes) * 60_000);
export const plusMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

export interface TicketSeed {
  created: Date;
  team?: string;
  category?: string;
  source?: 'dm' | 'mention' | 'command' | 'shortcut' | 'reaction';
  status?: 'new' | 'in_progress' | 'done' | 'declined' | 'redirected';
  firstResponse?: Date | null;
  closed?: Date | null;
  requester?: string;
  title?: string;
  dueDate?: string | null;
  urgency?: 'low' | 'normal' | 'urgent';
  permalink?: string | null;
}

let seq = 0;

/** Inserts a ticket as it would be after its history; returns its number. */
export async function addTicket(db: Db, t: TicketSeed): Promise<number> {
  seq++;
  const row = await db
    .insertInto('tickets')
    .values({
      title: t.title ?? `Request ${seq}`,
      details: '',
      requester_id: t.requester ?? `UREQ${seq}`,
      filed_by_id: t.requester ?? `UREQ${seq}`,
      team: t.team ?? 'Sales',
      category: t.category ?? 'Website',
      urgency: t.urgency ?? 'normal',
      due_date: t.dueDate ?? null,
      status: t.status ?? (t.closed ? 'done' : t.firstResponse ? 'in_progress' : 'new'),
      source: t.source ?? 'command',
      source_channel_id: null,
      source_ts: null,
      source_permalink: null,
      triage_channel_id: 'C0TRIAGE',
      triage_ts: `1764000000.${String(seq).padStart(6, '0')}`,
      triage_permalink: t.permalink === undefined ? `https://acme.slack.com/archives/C0TRIAGE/p${seq}` : t.permalink,
      created_at: t.created.toISOString(),
      updated_at: t.created.toISOString(),
      assignee_id: t.firstResponse ? 'UHELPER1' : null,
      first_response_at: t.firstResponse?.toISOString() ?? (t.closed ? t.closed.toISOString() : null),
      closed_at: t.closed?.toISOString() ?? null,
    })
    .returning('number')
    .executeTakeFirstOrThrow();
  return row.number;
}

/** Records time spent on a ticket at `at` (a history entry, as the Done form writes it). */
export async function addTime(db: Db, ticket: number, at: Date, minutes: number | null): Promise<void> {
  await db
    .insertInto('ticket_history')
    .values({ ticket_number: ticket, at: at.toISOString(), actor_id: 'UHELPER1', action: minutes === null ? 'started' : 'done', from_status: null, to_status: null, note: null, minutes_spent: minutes })
    .execute();
}

/** Records an offer made at `at` with its outcome. */
export async function addOffer(db: Db, at: Date, source: 'dm' | 'mention', outcome: 'pending' | 'ticket_filed' | 'not_a_request' | 'ignored'): Promise<void> {
  seq++;
  await db
    .insertInto('offers')
    .values({ user_id: `UASK${seq}`, channel_id: `D${seq}`, message_ts: `1764000000.${seq}`, thread_ts: null, source, text: null, permalink: null, outcome, ticket_number: null, created_at: at.toISOString(), resolved_at: null })
    .execute();
}

const repeat = async (n: number, make: (k: number) => Promise<unknown>) => {
  for (let k = 0; k < n; k++) await make(k);
};

/** Who asked, in the known history: no figure or text of the weekly digest may name them. */
export const REQUESTERS = ['UALICE0001', 'UBOB00002', 'UCAROL003'];
const who = (k: number) => REQUESTERS[k % REQUESTERS.length] as string;

/**
 * A history with known figures for the week reported at NOW (2026-W48, Mon 23 – Sun 29 Nov, Berlin); the
 * expectations are spelled out in test/db/digest-repository.test.ts. Received per week: W44 2, W45 4, W46 6, W47 8,
 * W48 11, and one more ticket at the very start of the current week.
 */
export async function seedKnownHistory(db: Db): Promise<void> {
  const w48 = local('2026-11-23', 0);
  const w49 = local('2026-11-30', 0);
  // W44–W46: done the same day. W44 is older than the 4 weeks counted for guide candidates.
  await repeat(2, (k) => addTicket(db, { created: local('2026-10-27'), closed: local('2026-10-27', 12), requester: who(k) }));
  await repeat(2, (k) => addTicket(db, { created: local('2026-11-03'), team: 'Product', closed: local('2026-11-03', 11), requester: who(k) }));
  await repeat(2, (k) => addTicket(db, { created: local('2026-11-03'), closed: local('2026-11-03', 11), requester: who(k) }));
  await repeat(3, (k) => addTicket(db, { created: local('2026-11-10'), closed: local('2026-11-10', 15), requester: who(k) }));
  await repeat(3, (k) => addTicket(db, { created: local('2026-11-10'), team: 'Customer Success', closed: local('2026-11-10', 15), requester: who(k) }));

  // W47: three Sales tickets done in W48 after 2 h (at W48's very first instant), 4 h and 1 day; one created a
  // millisecond before W48 and done exactly at its end (so in neither week's closings); two Customer Success
  // tickets declined and redirected in W48; two People & HR IT tickets done within W47.
  const s1 = await addTicket(db, { created: local('2026-11-22', 22), closed: plusMinutes(local('2026-11-22', 22), 120), requester: who(0) });
  await addTicket(db, { created: local('2026-11-22', 21), closed: plusMinutes(local('2026-11-22', 21), 240), requester: who(1) });
  const s3 = await addTicket(db, { created: local('2026-11-22', 10), closed: plusMinutes(local('2026-11-22', 10), 1440), requester: who(2) });
  await addTicket(db, { created: new Date(w48.getTime() - 1), closed: w49, requester: who(0) });
  await addTicket(db, { created: local('2026-11-18'), team: 'Customer Success', status: 'declined', closed: local('2026-11-24'), requester: who(1) });
  await addTicket(db, { created: local('2026-11-18'), team: 'Customer Success', status: 'redirected', closed: local('2026-11-24', 11), requester: who(2) });
  await repeat(2, (k) => addTicket(db, { created: local('2026-11-19'), team: 'People & HR', category: 'IT & tools', closed: local('2026-11-19', 12), requester: who(k) }));

  // W48: 11 requests, all still open; five with a first response after 30, 60, 90, 120 and 600 minutes.
  const sales = { team: 'Sales' };
  const a = await addTicket(db, { ...sales, created: w48, source: 'command', firstResponse: plusMinutes(w48, 30), requester: who(0) });
  const b = await addTicket(db, { ...sales, created: local('2026-11-24'), category: 'Design', firstResponse: plusMinutes(local('2026-11-24'), 60), requester: who(1) });
  await addTicket(db, { ...sales, created: local('2026-11-24'), source: 'dm', firstResponse: plusMinutes(local('2026-11-24'), 90), requester: who(2) });
  await addTicket(db, { ...sales, created: local('2026-11-25'), source: 'dm', requester: who(0) });
  await addTicket(db, { ...sales, created: local('2026-11-26'), source: 'mention', requester: who(1) });
  const cs = { team: 'Customer Success', category: 'Design' };
  const f = await addTicket(db, { ...cs, created: local('2026-11-24'), source: 'dm', firstResponse: plusMinutes(local('2026-11-24'), 120), requester: who(2) });
  const g = await addTicket(db, { ...cs, created: local('2026-11-25'), source: 'dm', firstResponse: plusMinutes(local('2026-11-25'), 600), requester: who(0) });
  await addTicket(db, { ...cs, created: local('2026-11-29', 23, 59), source: 'shortcut', requester: who(1) });
  await repeat(2, (k) => addTicket(db, { team: 'Product', created: local('2026-11-27'), requester: who(k) }));
  await addTicket(db, { team: 'Leadership', category: 'Other', created: local('2026-11-28'), source: 'reaction', requester: who(2) });
  // The current week (W49) already has one.
  await addTicket(db, { created: w49, requester: who(0) });

  // Time recorded in W48: Sales 120 min on 3 tickets, Customer Success 45 min on 1 (folded); Website 90, Design 75.
  await addTime(db, a, local('2026-11-24'), 60);
  await addTime(db, b, local('2026-11-25'), 30);
  await addTime(db, s1, w48, 30);
  await addTime(db, f, local('2026-11-25'), 45);
  // Not in W48: before it, exactly at its end, or no time recorded.
  await addTime(db, s3, local('2026-11-22', 10), 500);
  await addTime(db, g, w49, 20);
  await addTime(db, a, plusMinutes(w48, 30), null);

  // Offers in W48: 5 after DMs (3 filed), 2 after mentions (1 filed); others just outside the week.
  for (const outcome of ['ticket_filed', 'ticket_filed', 'ticket_filed', 'ignored', 'not_a_request'] as const) await addOffer(db, w48, 'dm', outcome);
  await addOffer(db, local('2026-11-26'), 'mention', 'ticket_filed');
  await addOffer(db, local('2026-11-29', 23, 59), 'mention', 'pending');
  await repeat(4, () => addOffer(db, new Date(w48.getTime() - 1), 'dm', 'ticket_filed'));
  await addOffer(db, w49, 'mention', 'ticket_filed');
}
