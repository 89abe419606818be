import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.js';
import { answerPrivately } from '../answer-privately.js';
import { openTicketForm } from '../../../app/open-ticket-form.js';
import { resolveLocale } from '../../../app/resolve-locale.js';
import { slackChannelId, slackTs, slackUserId } from '../../slack-ids.js';
import { buildFormFailureMessage } from '../../views/form-failure.js';

// The parts of a message_action payload we use. https://docs.slack.dev/reference/interaction-payloads/shortcuts-interaction-payload
const messageShortcut = z.object({
  type: z.literal('message_action'),
  trigger_id: z.string().min(1),
  user: z.object({ id: slackUserId }),
  channel: z.object({ id: slackChannelId }),
  message: z.object({
    ts: slackTs,
    text: z.string().max(100_000).default(''),
    // Absent (or a bot's) for messages posted by apps and workflows.
    user: z.string().optional(),
    bot_id: z.string().optional(),
  }),
});

/**
 * "Create ticket" in a message's ⋮ menu: opens the ticket form prefilled from that message (or says which ticket
 * it already is). A helper filing someone else's message files it for its author.
 */
export function handleTicketFromMessage(deps: Deps) {
  return async ({ ack, body, respond, logger }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = messageShortcut.safeParse(body);
    if (!parsed.success) {
      logger.warn(`message shortcut ignored: unexpected shape (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
      return;
    }
    const { user, trigger_id: triggerId, channel, message } = parsed.data;
    const author = message.bot_id === undefined ? slackUserId.safeParse(message.user) : undefined;
    // The trigger_id lives 3 seconds: the language is what we know now, never a wait on Slack.
    const locale = await resolveLocale(deps, user.id, { wait: false });
    const outcome = await openTicketForm(deps, {
      userId: user.id,
      triggerId,
      locale,
      origin: { kind: 'message', channel: channel.id, ts: message.ts, text: message.text, authorId: author?.success ? author.data : undefined },
    });
    if (outcome.ok) return;
    await answerPrivately(deps, respond, user.id, buildFormFailureMessage(outcome, locale));
  };
}
