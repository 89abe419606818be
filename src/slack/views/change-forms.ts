import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { URGENCIES, type Ticket } from '../../core/ticket.js';
import type { TicketAction } from '../../core/ticket-workflow.js';
import { t as tr } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { CALLBACK_IDS, CHANGE_BLOCK_IDS, FORM_ACTION_ID } from '../ids.js';
import { context, escapeMrkdwn, LIMITS, plainText } from './blocks.js';
import { encodeTicketButton } from './ticket-actions.js';
import { urgencyName } from './ticket-format.js';

/** The helper actions that ask for details in a modal first. */
export type FormAction = Extract<TicketAction, 'done' | 'decline' | 'redirect' | 'reschedule'>;
export const FORM_ACTIONS: readonly FormAction[] = ['done', 'decline', 'redirect', 'reschedule'];

const NOTE_MAX = 2000;

const text = (blockId: string, label: string, opts: { multiline?: boolean; optional?: boolean; hint?: string; placeholder?: string; max?: number } = {}): InputBlock => ({
  type: 'input',
  block_id: blockId,
  label: plainText(label),
  ...(opts.optional ? { optional: true } : {}),
  ...(opts.hint ? { hint: plainText(opts.hint) } : {}),
  element: {
    type: 'plain_text_input',
    action_id: FORM_ACTION_ID,
    ...(opts.multiline ? { multiline: true } : {}),
    max_length: opts.max ?? NOTE_MAX,
    ...(opts.placeholder ? { placeholder: plainText(opts.placeholder) } : {}),
  },
});

const url = (blockId: string, label: string, hint: string): InputBlock => ({
  type: 'input',
  block_id: blockId,
  label: plainText(label),
  optional: true,
  hint: plainText(hint),
  element: { type: 'url_text_input', action_id: FORM_ACTION_ID },
});

const person = (label: string, locale: Locale, optional = true): InputBlock => ({
  type: 'input',
  block_id: CHANGE_BLOCK_IDS.person,
  label: plainText(label),
  optional,
  element: { type: 'users_select', action_id: FORM_ACTION_ID, placeholder: plainText(tr(locale, 'change.pickPerson')) },
});

/** The modal a helper fills in for Done, Decline, Redirect or Change due / urgency, in the helper's language. */
export function buildChangeForm(action: FormAction, t: Ticket, locale: Locale): ModalView {
  const blocks: (KnownBlock | InputBlock)[] = [context(`*#${t.number}* — ${escapeMrkdwn(t.title)}`)];
  switch (action) {
    case 'done':
      blocks.push(
        text(CHANGE_BLOCK_IDS.note, tr(locale, 'change.done.note'), { multiline: true, hint: tr(locale, 'change.done.noteHint') }),
        text(CHANGE_BLOCK_IDS.minutes, tr(locale, 'change.done.minutes'), {
          placeholder: tr(locale, 'change.done.minutesPlaceholder'),
          max: 20,
          hint: tr(locale, 'change.done.minutesHint'),
        }),
        url(CHANGE_BLOCK_IDS.link, tr(locale, 'change.done.link'), tr(locale, 'change.done.linkHint')),
      );
      break;
    case 'decline':
      blocks.push(
        text(CHANGE_BLOCK_IDS.note, tr(locale, 'change.decline.note'), { multiline: true, hint: tr(locale, 'change.decline.noteHint') }),
        url(CHANGE_BLOCK_IDS.link, tr(locale, 'change.decline.link'), tr(locale, 'change.decline.linkHint')),
        person(tr(locale, 'change.decline.person'), locale),
      );
      break;
    case 'redirect':
      blocks.push(
        person(tr(locale, 'change.redirect.person'), locale),
        text(CHANGE_BLOCK_IDS.team, tr(locale, 'change.redirect.team'), { optional: true, max: 75 }),
        text(CHANGE_BLOCK_IDS.note, tr(locale, 'change.redirect.note'), { multiline: true, optional: true }),
      );
      break;
    case 'reschedule': {
      const options: PlainTextOption[] = URGENCIES.map((u) => ({ text: plainText(urgencyName(u, locale)), value: u }));
      blocks.push(
        {
          type: 'input',
          block_id: CHANGE_BLOCK_IDS.dueDate,
          label: plainText(tr(locale, 'change.reschedule.due')),
          optional: true,
          element: { type: 'datepicker', action_id: FORM_ACTION_ID, ...(t.dueDate ? { initial_date: t.dueDate } : {}) },
        },
        {
          type: 'input',
          block_id: CHANGE_BLOCK_IDS.urgency,
          label: plainText(tr(locale, 'change.reschedule.urgency')),
          element: { type: 'radio_buttons', action_id: FORM_ACTION_ID, options, initial_option: options.find((o) => o.value === t.urgency) ?? options[1]! },
        },
      );
      break;
    }
  }
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS[`${action}Form`],
    title: plainText(tr(locale, `change.${action}.title`), LIMITS.modalTitle),
    submit: plainText(tr(locale, `change.${action}.submit`), LIMITS.modalTitle),
    close: plainText(tr(locale, 'change.cancel'), LIMITS.modalTitle),
    private_metadata: encodeTicketButton({ n: t.number, s: t.status }),
    blocks,
  };
}
