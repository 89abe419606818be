import type { SelectQueryBuilder } from 'kysely';
import type { TicketStatus, Urgency } from '../core/ticket.js';
import { OPEN_STATUSES } from '../core/ticket-workflow.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** A ticket as one line of the daily digest shows it. */
export interface DigestTicket {
  number: number;
  title: string;
  team: string;
  category: string;
  urgency: Urgency;
  dueDate: string | null;
  status: TicketStatus;
  requesterId: string;
  createdAt: Date;
  /** The triage card's link, when Slack gave us one. */
  triagePermalink: string | null;
}

/** The daily digest's sections, each a filter over tickets. */
export type DailySection =
  | { kind: 'new'; since: Date; until: Date }
  | { kind: 'due_today'; today: string }
  | { kind: 'overdue'; today: string }
  | { kind: 'waiting' }
  | { kind: 'in_progress' };

type TicketQuery = SelectQueryBuilder<Database, 'tickets', object>;

function filtered(q: TicketQuery, s: DailySection): TicketQuery {
  switch (s.kind) {
    case 'new':
      return q.where('created_at', '>=', s.since.toISOString()).where('created_at', '<', s.until.toISOString());
    case 'due_today':
      return q.where('status', 'in', [...OPEN_STATUSES]).where('due_date', 'is not', null).where('due_date', '=', s.today);
    case 'overdue':
      return q.where('status', 'in', [...OPEN_STATUSES]).where('due_date', 'is not', null).where('due_date', '<', s.today);
    case 'waiting':
      return q.where('status', 'in', [...OPEN_STATUSES]).where('first_response_at', 'is', null);
    case 'in_progress':
      return q.where('status', '=', 'in_progress');
  }
}

// Oldest first where age matters (waiting, in progress), soonest due first for due dates, newest first for new ones.
const ORDER: Readonly<Record<DailySection['kind'], 'created_at' | 'due_date'>> = {
  new: 'created_at',
  due_today: 'created_at',
  overdue: 'due_date',
  waiting: 'created_at',
  in_progress: 'created_at',
};

/** The first `limit` tickets of a daily digest section, and how many there are in all. */
export async function listDailySection(db: Db, section: DailySection, limit: number): Promise<{ total: number; tickets: DigestTicket[] }> {
  const base = db.selectFrom('tickets');
  const { total } = await filtered(base, section)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(base, section)
    .select(['number', 'title', 'team', 'category', 'urgency', 'due_date', 'status', 'requester_id', 'created_at', 'triage_permalink'])
    .orderBy(ORDER[section.kind], section.kind === 'new' ? 'desc' : 'asc')
    .orderBy('number', section.kind === 'new' ? 'desc' : 'asc')
    .limit(limit)
    .execute();
  return {
    total: Number(total),
    tickets: rows.map((r) => ({
      number: r.number,
      title: r.title,
      team: r.team,
      category: r.category,
      urgency: r.urgency as Urgency,
      dueDate: r.due_date,
      status: r.status as TicketStatus,
      requesterId: r.requester_id,
      createdAt: new Date(r.created_at),
      triagePermalink: r.triage_permalink,
    })),
  };
}
