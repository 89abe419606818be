import { z } from 'zod';
import { FORM_ACTION_ID } from './ids.js';

// One input element's state. https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
const elementState = z
  .object({
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_date: z.string().nullish(),
    selected_user: z.string().nullish(),
  })
  .partial();
const stateValues = z.record(z.string(), z.record(z.string(), elementState.catch({})).catch({})).catch({});

export type ElementState = z.infer<typeof elementState>;

/**
 * A submitted form's fields by block ID (each block holds one element, FORM_ACTION_ID): missing or malformed ones
 * read as empty, so a form reader only decides what an empty field means.
 */
export function formFields(values: unknown): (block: string) => ElementState {
  const state = stateValues.parse(values);
  return (block) => state[block]?.[FORM_ACTION_ID] ?? {};
}
