import type { TicketStatus } from '../core/ticket.js';
import { availableActions } from '../core/ticket-workflow.js';
import { findTicket } from '../db/ticket-repository.js';
import { buildChangeForm, type FormAction } from '../slack/views/change-forms.js';
import type { ChangeOutcome } from './change-ticket.js';
import type { Deps } from './deps.js';
import { resolveLocale } from './resolve-locale.js';

/**
 * Opens the modal for Done, Decline, Redirect or Change due / urgency — after the same checks the change itself
 * makes (a helper, a card that is not stale), so nobody fills in a form that cannot be submitted.
 */
export async function openChangeForm(
  deps: Deps,
  input: { number: number; action: FormAction; actorId: string; expectedStatus: TicketStatus; triggerId: string },
): Promise<ChangeOutcome | { ok: false; reason: 'slack_error' }> {
  const { db, config, slack, logger } = deps;
  if (!config.helperUserIds.includes(input.actorId)) return { ok: false, reason: 'not_helper' };
  // Never waits on Slack: the trigger_id expires 3 seconds after the click.
  const locale = await resolveLocale(deps, input.actorId, { wait: false });
  const ticket = await findTicket(db, input.number);
  if (!ticket) return { ok: false, reason: 'not_found' };
  if (ticket.status !== input.expectedStatus || !availableActions(ticket.status).includes(input.action)) {
    return { ok: false, reason: 'stale', ticket };
  }
  try {
    await slack.openView(input.triggerId, buildChangeForm(input.action, ticket, locale));
    return { ok: true, ticket };
  } catch (err) {
    logger.error({ err, ticket: input.number, action: input.action }, 'could not open a change form');
    return { ok: false, reason: 'slack_error' };
  }
}
