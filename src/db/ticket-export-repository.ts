import { sql, type InferResult } from 'kysely';
import type { Db } from './database.js';

/** Which tickets to export: created at or after `from` and before `to` (either may be open). */
export interface ExportFilter {
  from?: Date | undefined;
  to?: Date | undefined;
}


// Whole minutes from creation; null while the ticket has had no response / is not closed.
const FIRST_RESPONSE_MINUTES = sql<number | null>`cast(round((julianday(first_response_at) - julianday(created_at)) * 1440) as integer)`;
const TIME_TO_CLOSE_MINUTES = sql<number | null>`cast(round((julianday(closed_at) - julianday(created_at)) * 1440) as integer)`;

function exportQuery(db: Db, filter: ExportFilter) {
  let q = db
    .selectFrom('tickets')
    .select([
      'number',
      'created_at',
      'status',
      'team',
      'category',
      'urgency',
      'due_date',
      'source',
      'minutes_spent',
      FIRST_RESPONSE_MINUTES.as('first_response_minutes'),
      TIME_TO_CLOSE_MINUTES.as('time_to_close_minutes'),
      'closed_at',
      'title',
    ]);
  if (filter.from) q = q.where('created_at', '>=', filter.from.toISOString());
  if (filter.to) q = q.where('created_at', '<', filter.to.toISOString());
  return q;
}

/** One exported ticket: its figures, no person IDs (PRODUCT.md: reports count by team and category). */
export type ExportRow = InferResult<ReturnType<typeof exportQuery>>[number];

/**
 * Every ticket matching `filter`, in number order, streamed row by row from SQLite (constant memory). The stream
 * holds the connection until it ends: for command-line tools, not for the running bot (use listExportRows there).
 */
export function streamExportRows(db: Db, filter: ExportFilter): AsyncIterableIterator<ExportRow> {
  return exportQuery(db, filter).orderBy('number').stream(1000);
}

/** The next `limit` tickets after ticket number `after`, in number order: one short query per page. */
export async function listExportRows(db: Db, filter: ExportFilter, after: number, limit: number): Promise<ExportRow[]> {
  return exportQuery(db, filter).where('number', '>', after).orderBy('number').limit(limit).execute();
}
