import type { ActionsBlock } from '@slack/types';
import type { TicketStatus } from '../../core/ticket.js';
import { availableActions } from '../../core/ticket-workflow.js';
import { t as text } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { TICKET_ACTION_IDS } from '../ids.js';
import { button } from './blocks.js';

/** What a ticket button carries: the ticket, and the state the helper saw (to catch a stale card). */
export interface TicketButtonValue {
  n: number;
  s: TicketStatus;
}

export const encodeTicketButton = (v: TicketButtonValue) => JSON.stringify(v);

/** The helper's buttons for a ticket in its current state. */
export function buildTicketActions(t: { number: number; status: TicketStatus }, locale: Locale, blockId?: string): ActionsBlock {
  const value = encodeTicketButton({ n: t.number, s: t.status });
  return {
    type: 'actions',
    ...(blockId ? { block_id: blockId } : {}),
    elements: availableActions(t.status).map((action) =>
      button(TICKET_ACTION_IDS[action], text(locale, `ticketButton.${action}`), value, action === 'start' || action === 'done' ? 'primary' : undefined),
    ),
  };
}
