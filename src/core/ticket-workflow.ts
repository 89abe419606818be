import type { TicketStatus, Urgency } from './ticket.js';

/** What a helper can do to a ticket. */
export const TICKET_ACTIONS = ['start', 'done', 'decline', 'redirect', 'reopen', 'reschedule'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'in_progress'];
export const CLOSED_STATUSES: readonly TicketStatus[] = ['done', 'declined', 'redirected'];

export const isOpen = (status: TicketStatus) => OPEN_STATUSES.includes(status);

const ACTIONS_BY_STATUS: Readonly<Record<TicketStatus, readonly TicketAction[]>> = {
  new: ['start', 'done', 'decline', 'redirect', 'reschedule'],
  in_progress: ['done', 'decline', 'redirect', 'reschedule'],
  done: ['reopen'],
  declined: ['reopen'],
  redirected: ['reopen'],
};

/** The actions that fit a ticket in this state, in the order the card shows them. */
export function availableActions(status: TicketStatus): readonly TicketAction[] {
  return ACTIONS_BY_STATUS[status];
}

const TARGET: Readonly<Record<Exclude<TicketAction, 'reschedule'>, TicketStatus>> = {
  start: 'in_progress',
  done: 'done',
  decline: 'declined',
  redirect: 'redirected',
  reopen: 'in_progress',
};

export type TransitionResult =
  | { ok: true; to: TicketStatus; assigneeId: string | null }
  | { ok: false; reason: 'not_allowed'; current: TicketStatus };

/**
 * Applies a helper's action to a ticket's state: where it goes and who works on it. Starting or reopening makes the
 * actor the assignee; finishing keeps whoever worked on it (or the actor, if nobody had started it).
 */
export function transition(
  ticket: { status: TicketStatus; assigneeId: string | null },
  action: TicketAction,
  actorId: string,
): TransitionResult {
  if (!availableActions(ticket.status).includes(action)) return { ok: false, reason: 'not_allowed', current: ticket.status };
  if (action === 'reschedule') return { ok: true, to: ticket.status, assigneeId: ticket.assigneeId };
  const to = TARGET[action];
  const assigneeId = action === 'start' || action === 'reopen' ? actorId : (ticket.assigneeId ?? actorId);
  return { ok: true, to, assigneeId };
}

/** True when an open ticket's due date (YYYY-MM-DD) is before `today`. */
export function isOverdue(ticket: { status: TicketStatus; dueDate: string | null }, today: string): boolean {
  return isOpen(ticket.status) && ticket.dueDate !== null && ticket.dueDate < today;
}

const URGENCY_RANK: Readonly<Record<Urgency, number>> = { urgent: 0, normal: 1, low: 2 };

/** The helpers' queue order: overdue first, then by urgency, then by due date (none last), then oldest first. */
export function compareForQueue<T extends { status: TicketStatus; dueDate: string | null; urgency: Urgency; createdAt: Date; number: number }>(
  today: string,
): (a: T, b: T) => number {
  return (a, b) =>
    Number(isOverdue(b, today)) - Number(isOverdue(a, today)) ||
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.number - b.number;
}

/** Parses "1h 30m", "90m", "1.5h", "2h", "45" (minutes) into minutes; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(',', '.');
  if (t === '') return undefined;
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?)?)?)?$/.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return Math.round(Number(m[1] ?? 0) * 60) + Number(m[2] ?? 0);
}

