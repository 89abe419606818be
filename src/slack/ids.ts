import type { TicketAction } from '../core/ticket-workflow.js';

/**
 * Every action, callback and block ID, declared once: the views that emit them and the listeners that match them
 * both import from here.
 */
export const ACTION_IDS = {
  createTicketFromOffer: 'offer_create_ticket',
  notARequest: 'offer_not_a_request',
  /** The inbox guard's "It's urgent". */
  urgent: 'offer_urgent',
  homeNewRequest: 'home_new_request',
  homePage: 'home_page',
  /** Slack wants action_ids unique within a block, so Previous and Next (same row) need two. */
  homePagePrevious: 'home_page_previous',
  /** The helper's "Focus until…" menu on their Home. */
  focusStart: 'home_focus_start',
  /** The helper's "End focus" button on their Home. */
  focusEnd: 'home_focus_end',
} as const;

/** The buttons on a ticket (triage card, App Home), one per helper action. */
export const TICKET_ACTION_IDS: Readonly<Record<TicketAction, string>> = {
  start: 'ticket_start',
  done: 'ticket_done',
  decline: 'ticket_decline',
  redirect: 'ticket_redirect',
  reopen: 'ticket_reopen',
  reschedule: 'ticket_reschedule',
};

export const CALLBACK_IDS = {
  ticketForm: 'ticket_form',
  doneForm: 'ticket_done_form',
  declineForm: 'ticket_decline_form',
  redirectForm: 'ticket_redirect_form',
  rescheduleForm: 'ticket_reschedule_form',
  /** The message shortcut "Create ticket from message". */
  ticketFromMessage: 'ticket_from_message',
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

/** The helpers' modals (done, decline, redirect, reschedule): their input blocks. */
export const CHANGE_BLOCK_IDS = {
  note: 'change_note',
  minutes: 'change_minutes',
  link: 'change_link',
  person: 'change_person',
  team: 'change_team',
  dueDate: 'change_due_date',
  urgency: 'change_urgency',
} as const;

export const FORM_ACTION_ID = 'value';

export const COMMANDS = {
  request: '/request',
} as const;

/** Event types the app listens to (manifest.yml subscribes to exactly these). */
export const EVENT_TYPES = ['message', 'app_mention', 'reaction_added', 'app_home_opened'] as const;
