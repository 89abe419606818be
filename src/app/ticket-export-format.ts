import { stringify, type Options } from 'csv-stringify/sync';
import type { ExportRow } from '../db/ticket-export-repository.js';

/** The exported columns, in order: a ticket's figures and no person IDs. */
export const EXPORT_COLUMNS = [
  'number',
  'created_at',
  'status',
  'team',
  'category',
  'urgency',
  'due_date',
  'source',
  'minutes_spent',
  'first_response_minutes',
  'time_to_close_minutes',
  'closed_at',
  'title',
] as const satisfies readonly (keyof ExportRow)[];

/** How an export is written: RFC 4180 CSV, or a JSON array of objects. */
export type ExportFormat = 'csv' | 'json';

// RFC 4180: CRLF between records; fields with a comma, a quote or a line break quoted, quotes doubled. csv-stringify
// stops quoting line breaks once record_delimiter is set, hence quote_record_delimiter. escape_formulas prefixes a
// field starting with = + - @ with ' so a title cannot run as a formula when the file is opened in a spreadsheet.
const CSV: Options = {
  columns: [...EXPORT_COLUMNS],
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  escape_formulas: true,
};

/** Rows per chunk: big enough to amortise the per-call cost, small enough to keep memory flat. */
const BATCH = 500;

/**
 * Turns a stream of rows into text chunks of the chosen format, pulling rows only as fast as the chunks are
 * consumed (so a consumer that waits for 'drain' keeps the whole export in constant memory).
 */
export async function* exportChunks(rows: AsyncIterable<ExportRow>, format: ExportFormat): AsyncGenerator<string> {
  let batch: ExportRow[] = [];
  let first = true;
  const flush = (): string => {
    const text =
      format === 'csv'
        ? stringify(batch, { ...CSV, header: first })
        : batch.map((r, k) => `${first && k === 0 ? '' : ',\n'}${JSON.stringify(r, EXPORT_COLUMNS as unknown as string[])}`).join('');
    first = false;
    batch = [];
    return text;
  };
  if (format === 'json') yield '[\n';
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) yield flush();
  }
  if (batch.length > 0 || (first && format === 'csv')) yield flush();
  if (format === 'json') yield first ? ']\n' : '\n]\n';
}
