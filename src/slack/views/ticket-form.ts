import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { DETAILS_MAX, TITLE_MAX, URGENCIES, type DraftProblem, type TicketField, type Urgency } from '../../core/ticket.js';
import { t, type MessageKey } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { CALLBACK_IDS, FORM_ACTION_ID, FORM_BLOCK_IDS } from '../ids.js';
import { context, LIMITS, plainText } from './blocks.js';
import { urgencyName } from './ticket-format.js';

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
  locale: Locale;
}): ModalView {
  const { prefill, locale } = input;
  const label = (key: MessageKey) => plainText(t(locale, key));
  const categoryOptions = input.categories.slice(0, LIMITS.options).map((c) => option(c));
  const teamOptions = input.teams.slice(0, LIMITS.options).map((t) => option(t));
  const urgencyOptions = URGENCIES.map((u) => option(u, urgencyName(u, locale)));
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
      label: label('form.title.label'),
      element: {
        type: 'plain_text_input',
        action_id: FORM_ACTION_ID,
        max_length: TITLE_MAX,
        ...(prefill.title ? { initial_value: prefill.title.slice(0, TITLE_MAX) } : {}),
        placeholder: label('form.title.placeholder'),
      },
    },
    {
      type: 'input',
      block_id: FORM_BLOCK_IDS.details,
      optional: true,
      label: label('form.details.label'),
      hint: label('form.details.hint'),
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
      label: label('form.category.label'),
      element: {
        type: 'static_select',
        action_id: FORM_ACTION_ID,
        placeholder: label('form.category.placeholder'),
        options: categoryOptions,
        ...initial(categoryOptions, prefill.category),
      },
    },
    {
      type: 'input',
      block_id: FORM_BLOCK_IDS.team,
      label: label('form.team.label'),
      element: {
        type: 'static_select',
        action_id: FORM_ACTION_ID,
        placeholder: label('form.team.placeholder'),
        options: teamOptions,
        ...initial(teamOptions, prefill.team),
      },
    },
    {
      type: 'input',
      block_id: FORM_BLOCK_IDS.dueDate,
      optional: true,
      label: label('form.due.label'),
      element: {
        type: 'datepicker',
        action_id: FORM_ACTION_ID,
        placeholder: label('form.due.placeholder'),
        ...(prefill.dueDate ? { initial_date: prefill.dueDate } : {}),
      },
    },
    {
      type: 'input',
      block_id: FORM_BLOCK_IDS.urgency,
      label: label('form.urgency.label'),
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
    title: plainText(t(locale, 'form.modal.title'), LIMITS.modalTitle),
    submit: plainText(t(locale, 'form.modal.submit'), LIMITS.modalTitle),
    close: plainText(t(locale, 'form.modal.close'), LIMITS.modalTitle),
    private_metadata: input.privateMetadata,
    blocks,
  };
}

/** The form's field problems, said in the person's language (for `response_action: errors`). */
export function describeDraftProblems(problems: Partial<Record<TicketField, DraftProblem>>, locale: Locale): Partial<Record<TicketField, string>> {
  const max = (p: DraftProblem) => (p === 'title_too_long' ? TITLE_MAX : p === 'details_too_long' ? DETAILS_MAX : 0);
  return Object.fromEntries(
    Object.entries(problems).map(([field, problem]) => [field, t(locale, `form.problem.${problem}`, { max: max(problem) })]),
  );
}
