import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { exportTicketsToDm } from '../../../app/export-tickets-to-dm.js';
import { listMyTickets } from '../../../app/list-my-tickets.js';
import { previewWeeklyDigest } from '../../../app/preview-weekly-digest.js';
import { resolveLocale } from '../../../app/resolve-locale.js';
import { openTicketForm } from '../../../app/open-ticket-form.js';
import { showTicket } from '../../../app/show-ticket.js';
import { slackUserId } from '../../slack-ids.js';
import { buildFormFailureMessage } from '../../views/form-failure.js';
import { buildMyTicketsMessage } from '../../views/my-tickets.js';
import { buildDigestPreviewReply, buildExportReply } from '../../views/report-replies.js';
import { buildRequestHelp } from '../../views/request-help.js';
import { buildTicketDetailMessage, buildTicketNotShownMessage } from '../../views/ticket-detail.js';

const HELP = /^(help|\?)$/i;
const LIST = /^list$/i;
const DIGEST = /^digest$/i;
const EXPORT = /^export$/i;
// "#12" or "12"; longer numbers are not ticket numbers and open the form like any other text.
const ONE_TICKET = /^#?(\d{1,9})$/;

/**
 * `/request [text]` opens the ticket form prefilled with the text; `/request help` explains; `/request list` shows
 * the caller's tickets and `/request #N` one ticket (to its requester or a helper); helpers get `/request digest`
 * (the weekly digest, privately) and `/request export` (a CSV in their DM). Answers are only for the caller.
 */
export function handleRequestCommand(deps: Deps) {
  return async ({ command, ack, respond, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = (command.text ?? '').trim();
    const user = slackUserId.safeParse(command.user_id);
    if (!user.success) {
      if (HELP.test(text)) await ack({ response_type: 'ephemeral', ...buildRequestHelp(deps.config.defaultLocale) });
      else {
        logger.warn('/request ignored: the user ID is not a Slack user ID');
        await ack();
      }
      return;
    }
    // Every answer is in the caller's language as we know it now: most go back in the ack, within 3 seconds, and
    // a trigger_id lives 3 seconds, so this never waits on Slack (an unknown person is looked up for next time).
    const locale = await resolveLocale(deps, user.data, { wait: false });
    if (EXPORT.test(text)) {
      await ack();
      await respond({ response_type: 'ephemeral', ...buildExportReply(await exportTicketsToDm(deps, { userId: user.data, locale }), locale) });
      return;
    }
    if (HELP.test(text)) {
      await ack({ response_type: 'ephemeral', ...buildRequestHelp(locale) });
      return;
    }
    // Lists and single tickets are quick SQLite reads: they go back in the ack itself, well within 3 seconds.
    if (LIST.test(text)) {
      await ack({ response_type: 'ephemeral', ...buildMyTicketsMessage(await listMyTickets(deps, user.data), locale) });
      return;
    }
    // Helpers only (the use case checks): the digest is a few indexed queries, quick enough for the ack. (The export,
    // above, builds and uploads a file, so it is acknowledged first and answered through response_url.)
    if (DIGEST.test(text)) {
      await ack({ response_type: 'ephemeral', ...buildDigestPreviewReply(await previewWeeklyDigest(deps, { userId: user.data }), locale) });
      return;
    }
    const one = ONE_TICKET.exec(text);
    if (one) {
      const outcome = await showTicket(deps, { userId: user.data, number: Number(one[1]) });
      await ack({ response_type: 'ephemeral', ...(outcome.ok ? buildTicketDetailMessage(outcome, locale) : buildTicketNotShownMessage(outcome, locale)) });
      return;
    }
    await ack();
    const outcome = await openTicketForm(deps, {
      userId: user.data,
      triggerId: command.trigger_id,
      origin: { kind: 'command', text },
      locale,
    });
    if (!outcome.ok) await respond({ response_type: 'ephemeral', ...buildFormFailureMessage(outcome, locale) });
  };
}
