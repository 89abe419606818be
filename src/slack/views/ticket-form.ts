import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { DETAILS_MAX, TITLE_MAX, URGENCIES, URGENCY_LABELS, type Urgency } from '../../core/ticket.js';
import { CALLBACK_IDS, FORM_ACTION_ID, FORM_BLOCK_IDS } from '../ids.js';
import { context, LIMITS, plainText } from './blocks.js';

/** What the form shows filled in. */
export interface TicketFormPrefill {
  title: string;
  details: string;
  team?: string | undefined;
  category?: string | undefined;
  urgency?: Urgency | undefined;
  dueDate?: string | undefined;
  /** A line above the fields, e.g. "I've filled this in from your message". */
  intro?: string | undefined;
}

const option = (value: string, label = value): PlainTextOption => ({
  text: plainText(label, LIMITS.optionText),
  value,
});

/** The ticket form (a modal), prefilled; `privateMetadata` is the encoded form metadata. */
export function buildTicketForm(input: {
  prefill: TicketFormPrefill;
  categories: readonly string[];
  teams: readonly string[];
  privateMetadata: string;
}): ModalView {
  const { prefill } = input;
  const categoryOptions = input.categories.slice(0, LIMITS.options).map((c) => option(c));
  const teamOptions = input.teams.slice(0, LIMITS.options).map((t) => option(t));
  const urgencyOptions = URGENCIES.map((u) => option(u, URGENCY_LABELS[u]));
  const initial = (options: PlainTextOption[], value: string | undefined) => {
    const found = options.find((o) => o.value === value);
    return found ? { initial_option: found } : {};
  };

  const blocks: (KnownBlock | InputBlock)[] = [];
  if (prefill.intro) blocks.push(context(prefill.intro));
  blocks.push(
    {
      type: 'input',
      block_id: FORM_BLOCK_IDS.title,
      label: plainText('Title'),
      element: {
        type: 'plain_text_input',
        action_id: FORM_ACTION_ID,
        max_length: TITLE_MAX,
        ...(prefill.title ? { initial_value: prefill.title.slice(0, TITLE_MAX) } : {}),
        placeholder: plainText('e.g. Update the banner on the pricing page'),
      },
    },
    {
      type: 'input',
      block_id: FORM_BLOCK_IDS.details,
      optional: true,
      label: plainText('Details'),
      hint: plainText('Links, sizes, wording, who it is for — whatever helps.'),
      element: {
        type: 'plain_text_input',
        action_id: FORM_ACTION_ID,
        multiline: true,
        max_length: DETAILS_MAX,
        ...(prefill.details ? { initial_value: prefill.details.slice(0, DETAILS_MAX) } : {}),
      },
    },
    {
      type: 'input',
      block_id: FORM_BLOCK_IDS.category,
      label: plainText('Category'),
      element: {
        type: 'static_select',
        action_id: FORM_ACTION_ID,
        placeholder: plainText('Pick one'),
        options: categoryOptions,
        ...initial(categoryOptions, prefill.category),
      },
    },
    {
      type: 'input',
      block_id: FORM_BLOCK_IDS.team,
      label: plainText('Your team'),
      element: {
        type: 'static_select',
        action_id: FORM_ACTION_ID,
        placeholder: plainText('Pick your team'),
        options: teamOptions,
        ...initial(teamOptions, prefill.team),
      },
    },
    {
      type: 'input',
      block_id: FORM_BLOCK_IDS.dueDate,
      optional: true,
      label: plainText('Needed by'),
      element: {
        type: 'datepicker',
        action_id: FORM_ACTION_ID,
        placeholder: plainText('No fixed date'),
        ...(prefill.dueDate ? { initial_date: prefill.dueDate } : {}),
      },
    },
    {
      type: 'input',
      block_id: FORM_BLOCK_IDS.urgency,
      label: plainText('Urgency'),
      element: {
        type: 'radio_buttons',
        action_id: FORM_ACTION_ID,
        options: urgencyOptions,
        ...initial(urgencyOptions, prefill.urgency ?? 'normal'),
      },
    },
  );

  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.ticketForm,
    title: plainText('New ticket', LIMITS.modalTitle),
    submit: plainText('Create', LIMITS.modalTitle),
    close: plainText('Cancel', LIMITS.modalTitle),
    private_metadata: input.privateMetadata,
    blocks,
  };
}
