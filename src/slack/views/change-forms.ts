import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { URGENCIES, URGENCY_LABELS, type Ticket } from '../../core/ticket.js';
import type { TicketAction } from '../../core/ticket-workflow.js';
import { CALLBACK_IDS, CHANGE_BLOCK_IDS, FORM_ACTION_ID } from '../ids.js';
import { context, escapeMrkdwn, LIMITS, plainText } from './blocks.js';
import { encodeTicketButton } from './ticket-actions.js';

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

const person = (label: string, optional = true): InputBlock => ({
  type: 'input',
  block_id: CHANGE_BLOCK_IDS.person,
  label: plainText(label),
  optional,
  element: { type: 'users_select', action_id: FORM_ACTION_ID, placeholder: plainText('Pick a person') },
});

const TITLES: Readonly<Record<FormAction, string>> = { done: 'Done', decline: 'Decline', redirect: 'Redirect', reschedule: 'Due date & urgency' };
const SUBMIT: Readonly<Record<FormAction, string>> = { done: 'Mark done', decline: 'Decline', redirect: 'Redirect', reschedule: 'Save' };

/** The modal a helper fills in for Done, Decline, Redirect or Change due / urgency. */
export function buildChangeForm(action: FormAction, t: Ticket): ModalView {
  const blocks: (KnownBlock | InputBlock)[] = [context(`*#${t.number}* — ${escapeMrkdwn(t.title)}`)];
  switch (action) {
    case 'done':
      blocks.push(
        text(CHANGE_BLOCK_IDS.note, 'What was done', { multiline: true, hint: 'The requester sees this.' }),
        text(CHANGE_BLOCK_IDS.minutes, 'Time spent', { placeholder: 'e.g. 45m, 1h 30m, 2h', max: 20, hint: 'Counts toward the weekly report (by team, never by person).' }),
        url(CHANGE_BLOCK_IDS.link, 'Link to the result', 'Optional: the page, file or design.'),
      );
      break;
    case 'decline':
      blocks.push(
        text(CHANGE_BLOCK_IDS.note, 'Why, kindly', { multiline: true, hint: 'The requester sees this. Say why, and what they can do instead.' }),
        url(CHANGE_BLOCK_IDS.link, 'A guide that helps', 'Optional: a how-to they can follow themselves.'),
        person('A better person to ask'),
      );
      break;
    case 'redirect':
      blocks.push(
        person('Who should they ask instead?'),
        text(CHANGE_BLOCK_IDS.team, 'Or which team?', { optional: true, max: 75 }),
        text(CHANGE_BLOCK_IDS.note, 'Note for the requester', { multiline: true, optional: true }),
      );
      break;
    case 'reschedule': {
      const options: PlainTextOption[] = URGENCIES.map((u) => ({ text: plainText(URGENCY_LABELS[u]), value: u }));
      blocks.push(
        {
          type: 'input',
          block_id: CHANGE_BLOCK_IDS.dueDate,
          label: plainText('Needed by'),
          optional: true,
          element: { type: 'datepicker', action_id: FORM_ACTION_ID, ...(t.dueDate ? { initial_date: t.dueDate } : {}) },
        },
        {
          type: 'input',
          block_id: CHANGE_BLOCK_IDS.urgency,
          label: plainText('Urgency'),
          element: { type: 'radio_buttons', action_id: FORM_ACTION_ID, options, initial_option: options.find((o) => o.value === t.urgency) ?? options[1]! },
        },
      );
      break;
    }
  }
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS[`${action}Form`],
    title: plainText(TITLES[action], LIMITS.modalTitle),
    submit: plainText(SUBMIT[action], LIMITS.modalTitle),
    close: plainText('Cancel', LIMITS.modalTitle),
    private_metadata: encodeTicketButton({ n: t.number, s: t.status }),
    blocks,
  };
}
