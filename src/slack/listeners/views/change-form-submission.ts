import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { changeTicketStatus, type ChangeRequest } from '../../../app/change-ticket.js';
import type { Deps } from '../../../app/deps.js';
import { resolveLocale } from '../../../app/resolve-locale.js';
import { TICKET_STATUSES, URGENCIES } from '../../../core/ticket.js';
import { parseDuration } from '../../../core/ticket-workflow.js';
import { t } from '../../../i18n/catalog.js';
import type { Locale } from '../../../i18n/locale.js';
import { CHANGE_BLOCK_IDS } from '../../ids.js';
import { slackUserId } from '../../slack-ids.js';
import { formFields } from '../../view-state.js';
import type { FormAction } from '../../views/change-forms.js';
import { describeRefusal } from '../../views/change-refusal.js';

const metadata = z.object({ n: z.number().int().positive(), s: z.enum(TICKET_STATUSES) });

type Errors = Partial<Record<(typeof CHANGE_BLOCK_IDS)[keyof typeof CHANGE_BLOCK_IDS], string>>;

/** Reads a change form into a request, or the field errors to show (in `locale`, the helper's language). */
export function readChangeForm(action: FormAction, values: unknown, locale: Locale): { request: Partial<ChangeRequest> } | { errors: Errors } {
  const field = formFields(values);
  const note = field(CHANGE_BLOCK_IDS.note).value?.trim() || undefined;
  const link = field(CHANGE_BLOCK_IDS.link).value?.trim() || undefined;
  const person = field(CHANGE_BLOCK_IDS.person).selected_user ?? undefined;
  const personId = person && slackUserId.safeParse(person).success ? person : undefined;
  if (link && !/^https?:\/\/\S+$/.test(link)) return { errors: { [CHANGE_BLOCK_IDS.link]: t(locale, 'refusal.form.link') } };
  switch (action) {
    case 'done': {
      const minutes = parseDuration(field(CHANGE_BLOCK_IDS.minutes).value ?? '');
      if (!note) return { errors: { [CHANGE_BLOCK_IDS.note]: t(locale, 'refusal.form.doneNote') } };
      if (minutes === undefined || minutes > 60 * 24 * 14) {
        return { errors: { [CHANGE_BLOCK_IDS.minutes]: t(locale, 'refusal.form.minutes') } };
      }
      return { request: { note, minutes, link } };
    }
    case 'decline':
      if (!note) return { errors: { [CHANGE_BLOCK_IDS.note]: t(locale, 'refusal.form.declineNote') } };
      return { request: { note, link, personId } };
    case 'redirect': {
      const team = field(CHANGE_BLOCK_IDS.team).value?.trim() || undefined;
      if (!personId && !team) return { errors: { [CHANGE_BLOCK_IDS.person]: t(locale, 'refusal.form.redirectTo') } };
      return { request: { note, personId, team } };
    }
    case 'reschedule': {
      const urgency = field(CHANGE_BLOCK_IDS.urgency).selected_option?.value;
      if (!URGENCIES.includes(urgency as never)) return { errors: { [CHANGE_BLOCK_IDS.urgency]: t(locale, 'refusal.form.urgency') } };
      return { request: { dueDate: field(CHANGE_BLOCK_IDS.dueDate).selected_date ?? null, urgency: urgency as ChangeRequest['urgency'] } };
    }
  }
}

// Where a refusal is shown in each form: its first field.
const FIRST_BLOCK: Readonly<Record<FormAction, string>> = {
  done: CHANGE_BLOCK_IDS.note,
  decline: CHANGE_BLOCK_IDS.note,
  redirect: CHANGE_BLOCK_IDS.person,
  reschedule: CHANGE_BLOCK_IDS.dueDate,
};

/** Submission of a Done / Decline / Redirect / Change due form: field errors inline, or the change applied. */
export function handleChangeFormSubmission(deps: Deps, action: FormAction) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const user = slackUserId.safeParse(body.user.id);
    let meta: z.infer<typeof metadata> | undefined;
    try {
      meta = metadata.parse(JSON.parse(view.private_metadata ?? ''));
    } catch {
      meta = undefined;
    }
    if (!user.success || !meta) {
      deps.logger.warn({ action }, 'change form ignored: unexpected payload');
      await ack();
      return;
    }
    // The answer is due within 3 seconds: the helper's language as we know it now, never a wait on Slack.
    const locale = await resolveLocale(deps, user.data, { wait: false });
    const read = readChangeForm(action, view.state?.values, locale);
    if ('errors' in read) {
      await ack({ response_action: 'errors', errors: read.errors as Record<string, string> });
      return;
    }
    const outcome = await changeTicketStatus(deps, { ...read.request, number: meta.n, action, actorId: user.data, expectedStatus: meta.s });
    if (outcome.ok) {
      await ack();
      return;
    }
    await ack({ response_action: 'errors', errors: { [FIRST_BLOCK[action]]: describeRefusal(outcome, locale) } });
  };
}
