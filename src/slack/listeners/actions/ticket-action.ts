import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { changeTicketStatus } from '../../../app/change-ticket.js';
import type { Deps } from '../../../app/deps.js';
import { resolveLocale } from '../../../app/resolve-locale.js';
import { openChangeForm } from '../../../app/open-change-form.js';
import { TICKET_STATUSES } from '../../../core/ticket.js';
import { TICKET_ACTIONS, type TicketAction } from '../../../core/ticket-workflow.js';
import { TICKET_ACTION_IDS } from '../../ids.js';
import { slackUserId } from '../../slack-ids.js';
import { FORM_ACTIONS, type FormAction } from '../../views/change-forms.js';
import { buildRefusalMessage } from '../../views/change-refusal.js';
import { answerPrivately } from '../answer-privately.js';

const ticketButton = z.object({ n: z.number().int().positive(), s: z.enum(TICKET_STATUSES) });
const click = z.object({
  user: z.object({ id: slackUserId }),
  trigger_id: z.string().min(1),
  actions: z.array(z.object({ action_id: z.string(), value: z.string() })).min(1),
});

const ACTION_BY_ID = new Map<string, TicketAction>(TICKET_ACTIONS.map((a) => [TICKET_ACTION_IDS[a], a]));

/**
 * A helper's button on a ticket (triage card or App Home): Start and Reopen change the ticket at once; Done,
 * Decline, Redirect and Change due / urgency open their modal. Anyone else, or a stale card, gets a note saying why.
 */
export function handleTicketAction(deps: Deps) {
  return async ({ ack, body, respond, logger }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = click.safeParse(body);
    const first = parsed.success ? parsed.data.actions[0] : undefined;
    const action = first ? ACTION_BY_ID.get(first.action_id) : undefined;
    let value: z.infer<typeof ticketButton> | undefined;
    try {
      value = ticketButton.parse(JSON.parse(first?.value ?? ''));
    } catch {
      value = undefined;
    }
    if (!parsed.success || !action || !value) {
      logger.warn('ticket button ignored: unexpected payload');
      return;
    }
    const { user, trigger_id: triggerId } = parsed.data;
    const request = { number: value.n, actorId: user.id, expectedStatus: value.s };
    const outcome = (FORM_ACTIONS as readonly string[]).includes(action)
      ? await openChangeForm(deps, { ...request, action: action as FormAction, triggerId })
      : await changeTicketStatus(deps, { ...request, action });
    if (outcome.ok) return;
    // Refusals are for whoever clicked, in their language (acknowledged already: waiting on Slack is fine).
    const note = buildRefusalMessage(outcome, await resolveLocale(deps, user.id));
    await answerPrivately(deps, respond, user.id, note);
  };
}
