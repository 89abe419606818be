import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { openTicketForm } from '../../../app/open-ticket-form.js';
import { slackUserId } from '../../slack-ids.js';
import { buildRequestHelp } from '../../views/request-help.js';
import { buildFormFailureMessage } from '../../views/form-failure.js';

/** `/request [text]` opens the ticket form prefilled with the text; `/request help` explains, only to the caller. */
export function handleRequestCommand(deps: Deps) {
  return async ({ command, ack, respond, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = (command.text ?? '').trim();
    if (/^(help|\?)$/i.test(text)) {
      await ack({ response_type: 'ephemeral', ...buildRequestHelp() });
      return;
    }
    const user = slackUserId.safeParse(command.user_id);
    if (!user.success) {
      logger.warn('/request ignored: the user ID is not a Slack user ID');
      await ack();
      return;
    }
    await ack();
    const outcome = await openTicketForm(deps, {
      userId: user.data,
      triggerId: command.trigger_id,
      origin: { kind: 'command', text },
    });
    if (!outcome.ok) await respond({ response_type: 'ephemeral', ...buildFormFailureMessage(outcome) });
  };
}
