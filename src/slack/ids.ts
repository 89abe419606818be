/**
 * Every action, callback and block ID, declared once: the views that emit them and the listeners that match them
 * both import from here.
 */
export const ACTION_IDS = {
  createTicketFromOffer: 'offer_create_ticket',
  notARequest: 'offer_not_a_request',
} as const;

export const CALLBACK_IDS = {
  ticketForm: 'ticket_form',
} as const;

/** The ticket form's input blocks; each holds one element whose action_id is `FORM_ACTION_ID`. */
export const FORM_BLOCK_IDS = {
  title: 'ticket_title',
  details: 'ticket_details',
  category: 'ticket_category',
  team: 'ticket_team',
  dueDate: 'ticket_due_date',
  urgency: 'ticket_urgency',
} as const;

export const FORM_ACTION_ID = 'value';

export const COMMANDS = {
  request: '/request',
} as const;

/** Event types the app listens to (manifest.yml subscribes to exactly these). */
export const EVENT_TYPES = ['message', 'app_mention'] as const;
