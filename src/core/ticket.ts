import { classifyMessage } from './help-request.js';
import { slackMarkupToPlain, stripUserMentions } from './slack-text.js';

export const URGENCIES = ['low', 'normal', 'urgent'] as const;
/** How soon the requester needs it. */
export type Urgency = (typeof URGENCIES)[number];

export const TICKET_STATUSES = ['new', 'in_progress', 'done', 'declined', 'redirected'] as const;
/** Where a ticket is in its life; every ticket starts as `new`. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_SOURCES = ['dm', 'mention', 'command', 'shortcut', 'reaction'] as const;
/** How the request reached the desk. */
export type TicketSource = (typeof TICKET_SOURCES)[number];

/** Titles fit a Slack header comfortably and read as one line in lists. */
export const TITLE_MAX = 100;
/** Slack's plain-text input holds at most 3,000 characters. */
export const DETAILS_MAX = 3000;

/** A stored ticket, as the rest of the app sees it. */
export interface Ticket {
  number: number;
  title: string;
  details: string;
  requesterId: string;
  filedById: string;
  team: string;
  category: string;
  urgency: Urgency;
  dueDate: string | null;
  status: TicketStatus;
  source: TicketSource;
  sourceChannelId: string | null;
  sourceTs: string | null;
  sourcePermalink: string | null;
  /** Set when the ticket came from the inbox guard's answer in this helper's own DMs or mentions. */
  inboxOwnerId: string | null;
  triageChannelId: string | null;
  triageTs: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The helper working on it (whoever started it last), if any. */
  assigneeId: string | null;
  /** Time helpers recorded on it, in minutes. */
  minutesSpent: number;
  /** When a helper first acted on it. */
  firstResponseAt: Date | null;
  /** When it was finished, declined or redirected (null while open). */
  closedAt: Date | null;
}

/** The fields a person fills in on the ticket form, validated. */
export interface TicketDraft {
  title: string;
  details: string;
  category: string;
  team: string;
  dueDate: string | null;
  urgency: Urgency;
}

export type TicketField = keyof TicketDraft;

/** Cuts text to `max` characters at a word boundary where one is near, ending with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never split an emoji (a UTF-16 surrogate pair) in half.
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// "Hi Anna!", "hey team,", "Good morning all:" — a greeting, at most two words of names, then punctuation.
const LEADING_GREETING =
  /^(?:hi|hey|hello|hallo|moin|servus|hej|yo|good (?:morning|afternoon|evening)|guten (?:morgen|tag|abend))(?:\s+[\p{L}'-]+){0,2}\s*[,.!:]+\s*/iu;

const hasWords = (s: string) => /[\p{L}\p{N}]/u.test(s.replace(/:[a-z0-9_+'-]+:/gi, ''));

/**
 * Derives a ticket title from a Slack message: its first real sentence (greetings skipped), mentions removed,
 * capitalised, at most 100 characters.
 */
export function deriveTitle(slackText: string): string {
  const plain = slackMarkupToPlain(stripUserMentions(slackText));
  const sentences = plain
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.replace(LEADING_GREETING, '').replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
  const first =
    sentences.find((s) => classifyMessage(s).kind === 'ask') ?? sentences.find((s) => hasWords(s)) ?? '';
  const title = first.charAt(0).toUpperCase() + first.slice(1);
  return title.length > 0 ? truncate(title, TITLE_MAX) : 'New request';
}

/** Plain text for the details field: the whole message, readable, within Slack's input limit. */
export function deriveDetails(slackText: string): string {
  return truncate(slackMarkupToPlain(slackText).trim(), DETAILS_MAX);
}

export interface DraftInput {
  title?: string | null | undefined;
  details?: string | null | undefined;
  category?: string | null | undefined;
  team?: string | null | undefined;
  dueDate?: string | null | undefined;
  urgency?: string | null | undefined;
}

/** What can be wrong with a form field; the view says it in the person's language. */
export type DraftProblem =
  | 'title_missing'
  | 'title_too_long'
  | 'details_too_long'
  | 'category_missing'
  | 'team_missing'
  | 'due_not_a_date'
  | 'due_in_past'
  | 'urgency_missing';

export type DraftValidation =
  | { ok: true; draft: TicketDraft }
  | { ok: false; errors: Partial<Record<TicketField, DraftProblem>> };

/**
 * Checks a submitted ticket form: a title, a known category and team, a real due date that is not in the past
 * (`today` is YYYY-MM-DD in the desk's time zone) and a known urgency. Each bad field gets one problem code.
 */
export function validateTicketDraft(
  input: DraftInput,
  options: { categories: readonly string[]; teams: readonly string[]; today: string },
): DraftValidation {
  const errors: Partial<Record<TicketField, DraftProblem>> = {};
  const title = (input.title ?? '').replace(/\s+/g, ' ').trim();
  const details = (input.details ?? '').trim();
  if (title.length === 0) errors.title = 'title_missing';
  else if (title.length > TITLE_MAX) errors.title = 'title_too_long';
  if (details.length > DETAILS_MAX) errors.details = 'details_too_long';
  const category = input.category ?? '';
  if (!options.categories.includes(category)) errors.category = 'category_missing';
  const team = input.team ?? '';
  if (!options.teams.includes(team)) errors.team = 'team_missing';
  const dueDate = input.dueDate ? input.dueDate : null;
  if (dueDate !== null) {
    if (!isCalendarDate(dueDate)) errors.dueDate = 'due_not_a_date';
    else if (dueDate < options.today) errors.dueDate = 'due_in_past';
  }
  const urgency = (input.urgency || 'normal') as Urgency;
  if (!URGENCIES.includes(urgency)) errors.urgency = 'urgency_missing';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: { title, details, category, team, dueDate, urgency } };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
