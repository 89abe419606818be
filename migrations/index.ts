import type { Migration } from 'kysely';
import * as createTickets from './0001_create_tickets.js';
import * as createOffers from './0002_create_offers.js';
import * as createProcessedEvents from './0003_create_processed_events.js';
import * as createOutbox from './0004_create_outbox.js';
import * as createWorkerLock from './0005_create_worker_lock.js';
import * as ticketWorkflow from './0006_ticket_workflow.js';
import * as digestReports from './0007_digest_reports.js';
import * as digestRuns from './0008_digest_runs.js';
import * as userLocales from './0009_user_locales.js';
import * as inboxGuard from './0010_inbox_guard.js';

/** Every migration, in order. A static list: no directory scanning, so the build and the tests see the same set. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_create_tickets': createTickets,
  '0002_create_offers': createOffers,
  '0003_create_processed_events': createProcessedEvents,
  '0004_create_outbox': createOutbox,
  '0005_create_worker_lock': createWorkerLock,
  '0006_ticket_workflow': ticketWorkflow,
  '0007_digest_reports': digestReports,
  '0008_digest_runs': digestRuns,
  '0009_user_locales': userLocales,
  '0010_inbox_guard': inboxGuard,
};
