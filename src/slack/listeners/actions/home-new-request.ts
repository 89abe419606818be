import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.js';
import { openTicketForm } from '../../../app/open-ticket-form.js';
import { resolveLocale } from '../../../app/resolve-locale.js';
import { tellPerson } from '../../../app/tell-person.js';
import { slackUserId } from '../../slack-ids.js';
import { buildFormFailureMessage } from '../../views/form-failure.js';

const click = z.object({ user: z.object({ id: slackUserId }), trigger_id: z.string().min(1) });

/** **New request** on the App Home: opens an empty ticket form (a DM says so if Slack would not open it). */
export function handleHomeNewRequest(deps: Deps) {
  return async ({ ack, body, logger }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = click.safeParse(body);
    if (!parsed.success) {
      logger.warn('New request click ignored: unexpected payload');
      return;
    }
    const userId = parsed.data.user.id;
    // The trigger_id lives 3 seconds: the language is what we know now, never a wait on Slack.
    const locale = await resolveLocale(deps, userId, { wait: false });
    const outcome = await openTicketForm(deps, { userId, triggerId: parsed.data.trigger_id, origin: { kind: 'command', text: '' }, locale });
    // App Home clicks have no response_url to answer in place.
    if (!outcome.ok) await tellPerson(deps, userId, buildFormFailureMessage(outcome, locale));
  };
}
