import type { ActionsBlock } from '@slack/types';
import type { TicketStatus } from '../../core/ticket.js';
import { availableActions, type TicketAction } from '../../core/ticket-workflow.js';
import { TICKET_ACTION_IDS } from '../ids.js';
import { button } from './blocks.js';

const LABELS: Readonly<Record<TicketAction, string>> = {
  start: 'Start',
  done: 'Done',
  decline: 'Decline',
  redirect: 'Redirect',
  reopen: 'Reopen',
  reschedule: 'Change due / urgency',
};

/** What a ticket button carries: the ticket, and the state the helper saw (to catch a stale card). */
export interface TicketButtonValue {
  n: number;
  s: TicketStatus;
}

export const encodeTicketButton = (v: TicketButtonValue) => JSON.stringify(v);

/** The helper's buttons for a ticket in its current state. */
export function buildTicketActions(t: { number: number; status: TicketStatus }, blockId?: string): ActionsBlock {
  const value = encodeTicketButton({ n: t.number, s: t.status });
  return {
    type: 'actions',
    ...(blockId ? { block_id: blockId } : {}),
    elements: availableActions(t.status).map((action) =>
      button(TICKET_ACTION_IDS[action], LABELS[action], value, action === 'start' || action === 'done' ? 'primary' : undefined),
    ),
  };
}
