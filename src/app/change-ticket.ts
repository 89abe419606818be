import { calendarDate } from '../core/dates.js';
import type { Ticket, TicketStatus, Urgency } from '../core/ticket.js';
import { transition, type TicketAction } from '../core/ticket-workflow.js';
import { insertHistory, type HistoryAction } from '../db/ticket-history-repository.js';
import { changeTicket, findTicket } from '../db/ticket-repository.js';
import { buildTicketUpdateMessage, type TicketUpdate } from '../slack/views/ticket-updates.js';
import type { Deps } from './deps.js';
import { enqueue, refreshHomes, type OutboxMessage } from './outbox.js';
import { knownLocale } from './resolve-locale.js';

/** A helper's change to a ticket, with whatever its modal collected. */
export interface ChangeRequest {
  number: number;
  action: TicketAction;
  actorId: string;
  /** The state the helper saw on the card; if the ticket moved on meanwhile, nothing changes. */
  expectedStatus: TicketStatus;
  /** Done: what was done. Decline: the reason. Redirect: a note. */
  note?: string | undefined;
  /** Done: time spent. */
  minutes?: number | undefined;
  /** Done: a link to the result. Decline: a guide. */
  link?: string | undefined;
  /** Decline: a better person to ask. Redirect: who to ask instead. */
  personId?: string | undefined;
  /** Redirect: which team to ask instead. */
  team?: string | undefined;
  /** Reschedule. */
  dueDate?: string | null | undefined;
  urgency?: Urgency | undefined;
}

export type ChangeOutcome =
  | { ok: true; ticket: Ticket }
  | { ok: false; reason: 'not_helper' | 'not_found' | 'due_in_past' }
  | { ok: false; reason: 'stale'; ticket: Ticket };

const HISTORY_ACTION: Readonly<Record<TicketAction, HistoryAction>> = {
  start: 'started',
  done: 'done',
  decline: 'declined',
  redirect: 'redirected',
  reopen: 'reopened',
  reschedule: 'rescheduled',
};

function historyNote(r: ChangeRequest, before: Ticket, after: Ticket): string | null {
  const parts: string[] = [];
  if (r.note) parts.push(r.note);
  if (r.link) parts.push(r.link);
  if (r.personId) parts.push(`<@${r.personId}>`);
  if (r.team) parts.push(`team: ${r.team}`);
  if (r.action === 'reschedule') {
    if (before.dueDate !== after.dueDate) parts.push(`due ${before.dueDate ?? 'none'} → ${after.dueDate ?? 'none'}`);
    if (before.urgency !== after.urgency) parts.push(`urgency ${before.urgency} → ${after.urgency}`);
  }
  return parts.length > 0 ? parts.join('\n') : null;
}

/**
 * Applies a helper's action to a ticket: only helpers may; only from the state the helper saw (a double click or
 * a stale card changes nothing and says what the state is now); one transaction for the change, its history, the
 * card update, the requester's DM and the App Home refreshes.
 */
export async function changeTicketStatus(deps: Deps, r: ChangeRequest): Promise<ChangeOutcome> {
  const { db, clock, config } = deps;
  if (!config.helperUserIds.includes(r.actorId)) return { ok: false, reason: 'not_helper' };
  const now = clock.now();
  const outcome = await db.transaction().execute(async (trx): Promise<ChangeOutcome> => {
    const ticket = await findTicket(trx, r.number);
    if (!ticket) return { ok: false, reason: 'not_found' };
    if (ticket.status !== r.expectedStatus) return { ok: false, reason: 'stale', ticket };
    // A new due date may not be in the past; keeping one that has passed is fine.
    if (r.action === 'reschedule' && r.dueDate && r.dueDate !== ticket.dueDate && r.dueDate < calendarDate(now, config.timezone)) {
      return { ok: false, reason: 'due_in_past' };
    }
    const next = transition(ticket, r.action, r.actorId);
    if (!next.ok) return { ok: false, reason: 'stale', ticket };
    const reschedule = r.action === 'reschedule';
    const updated = await changeTicket(trx, ticket.number, r.expectedStatus, {
      status: next.to,
      assigneeId: next.assigneeId,
      dueDate: reschedule && r.dueDate !== undefined ? r.dueDate : ticket.dueDate,
      urgency: reschedule && r.urgency ? r.urgency : ticket.urgency,
      minutesAdded: r.minutes ?? 0,
      at: now,
    });
    if (!updated) return { ok: false, reason: 'stale', ticket: (await findTicket(trx, r.number)) ?? ticket };
    await insertHistory(trx, {
      ticketNumber: ticket.number,
      at: now,
      actorId: r.actorId,
      action: HISTORY_ACTION[r.action],
      fromStatus: ticket.status,
      toStatus: updated.status,
      note: historyNote(r, ticket, updated),
      minutesSpent: r.minutes ?? null,
    });

    const messages: OutboxMessage[] = [{ kind: 'triage_card', ticketNumber: ticket.number, channel: config.triageChannelId }];
    const update: TicketUpdate = { action: r.action, actorId: r.actorId, note: r.note, link: r.link, personId: r.personId, team: r.team, previousDueDate: ticket.dueDate };
    // In the requester's language as known since they filed the ticket: a change form's submission is answered
    // within 3 seconds, and a transaction never waits on Slack.
    const dm = buildTicketUpdateMessage(updated, update, await knownLocale({ db: trx, config }, updated.requesterId));
    // The requester hears about every change that matters to them (not about their own helper's bookkeeping).
    if (dm && updated.requesterId !== r.actorId) messages.push({ kind: 'post', channel: updated.requesterId, ...dm });
    await enqueue(trx, messages, now);
    await refreshHomes(trx, [updated.requesterId, ...config.helperUserIds], now);
    return { ok: true, ticket: updated };
  });
  if (outcome.ok) {
    deps.outbox.kick();
    deps.logger.info({ ticket: r.number, action: r.action, actor: r.actorId, status: outcome.ticket.status }, 'ticket changed');
  }
  return outcome;
}
