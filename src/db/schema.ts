import type { Generated, Selectable } from 'kysely';

/** Row types as stored (snake_case, ISO-8601 UTC text timestamps). Repositories map them to domain objects. */
export interface TicketTable {
  number: Generated<number>;
  title: string;
  details: string;
  requester_id: string;
  filed_by_id: string;
  team: string;
  category: string;
  urgency: string;
  due_date: string | null;
  status: Generated<string>;
  source: string;
  source_channel_id: string | null;
  source_ts: string | null;
  source_permalink: string | null;
  triage_channel_id: string | null;
  triage_ts: string | null;
  /** Link to the triage card (chat.getPermalink), for the daily digest's lines. */
  triage_permalink: Generated<string | null>;
  created_at: string;
  updated_at: string;
  assignee_id: string | null;
  minutes_spent: Generated<number>;
  first_response_at: string | null;
  closed_at: string | null;
  /** Filed from the inbox guard's answer in this helper's own DMs or mentions (their token reads the source). */
  inbox_owner_id: Generated<string | null>;
}

export interface TicketHistoryTable {
  id: Generated<number>;
  ticket_number: number;
  at: string;
  actor_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  minutes_spent: number | null;
}

export interface OfferTable {
  id: Generated<number>;
  user_id: string;
  channel_id: string;
  message_ts: string;
  thread_ts: string | null;
  source: string;
  text: string | null;
  permalink: string | null;
  outcome: Generated<string>;
  ticket_number: number | null;
  created_at: string;
  resolved_at: string | null;
  via: Generated<string>;
}

export interface RequesterPreferenceTable {
  user_id: string;
  team: string | null;
  updated_at: string;
}

export interface ProcessedEventTable {
  event_id: string;
  received_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  ordering_key: string;
  payload: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  result: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface WorkerLockTable {
  name: string;
  owner: string;
  host: string;
  pid: number;
  heartbeat_at: string;
}

export interface DigestRunTable {
  kind: string;
  period: string;
  status: string;
  scheduled_for: string;
  claimed_at: string;
  claimed_by: string;
  channel_id: string | null;
  message_ts: string | null;
  posted_at: string | null;
  note: string | null;
}

export interface UrgentEscalationTable {
  id: Generated<number>;
  user_id: string;
  offer_id: number;
  local_date: string;
  at: string;
}

export interface HelperSettingsTable {
  user_id: string;
  focus_until: string | null;
  updated_at: string;
}

/** A person's Slack locale (`de-DE`), null when Slack did not say; `checked_at` says when we asked. */
export interface UserLocaleTable {
  user_id: string;
  locale: string | null;
  checked_at: string;
}

/** The whole database, for `Kysely<Database>`. */
export interface Database {
  tickets: TicketTable;
  ticket_history: TicketHistoryTable;
  offers: OfferTable;
  requester_preferences: RequesterPreferenceTable;
  processed_events: ProcessedEventTable;
  outbox: OutboxTable;
  worker_locks: WorkerLockTable;
  digest_runs: DigestRunTable;
  urgent_escalations: UrgentEscalationTable;
  helper_settings: HelperSettingsTable;
  user_locales: UserLocaleTable;
}

export type TicketRow = Selectable<TicketTable>;
export type OfferRow = Selectable<OfferTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type DigestRunRow = Selectable<DigestRunTable>;
