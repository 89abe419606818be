import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { createTicket } from '../../../app/create-ticket.js';
import type { Deps } from '../../../app/deps.js';
import { resolveLocale } from '../../../app/resolve-locale.js';
import type { DraftInput, TicketField } from '../../../core/ticket.js';
import { t } from '../../../i18n/catalog.js';
import { decodeFormMetadata } from '../../form-metadata.js';
import { FORM_BLOCK_IDS } from '../../ids.js';
import { slackUserId } from '../../slack-ids.js';
import { formFields } from '../../view-state.js';

/** Reads the form's fields from `view.state.values`; missing or malformed ones read as empty. */
export function readTicketForm(values: unknown): DraftInput {
  const field = formFields(values);
  return {
    title: field(FORM_BLOCK_IDS.title).value,
    details: field(FORM_BLOCK_IDS.details).value,
    category: field(FORM_BLOCK_IDS.category).selected_option?.value,
    team: field(FORM_BLOCK_IDS.team).selected_option?.value,
    dueDate: field(FORM_BLOCK_IDS.dueDate).selected_date,
    urgency: field(FORM_BLOCK_IDS.urgency).selected_option?.value,
  };
}

const toBlockErrors = (errors: Partial<Record<TicketField, string>>) =>
  Object.fromEntries(Object.entries(errors).map(([field, message]) => [FORM_BLOCK_IDS[field as TicketField], message]));

/** The ticket form's submission: inline field errors, or the ticket stored and the form closed. */
export function handleTicketFormSubmission(deps: Deps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const user = slackUserId.safeParse(body.user.id);
    if (!user.success) {
      deps.logger.warn('ticket form ignored: the submitting user ID is not a Slack user ID');
      await ack();
      return;
    }
    try {
      const outcome = await createTicket(deps, {
        userId: user.data,
        values: readTicketForm(view.state?.values),
        metadata: decodeFormMetadata(view.private_metadata),
      });
      if (!outcome.ok) {
        await ack({ response_action: 'errors', errors: toBlockErrors(outcome.errors) });
        return;
      }
      await ack();
    } catch (err) {
      deps.logger.error({ err, user: user.data }, 'could not store a ticket');
      // The database may be what failed: then the note is in the default language.
      const locale = await resolveLocale(deps, user.data, { wait: false }).catch(() => deps.config.defaultLocale);
      await ack({ response_action: 'errors', errors: { [FORM_BLOCK_IDS.title]: t(locale, 'form.error.saveFailed') } });
    }
  };
}
