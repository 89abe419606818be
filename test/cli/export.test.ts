import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../db/fresh-database.js';
import { addTicket, plusMinutes } from '../support/digest-history.js';

// The export as an operator runs it: the built script, DATABASE_PATH and TIMEZONE from the environment.
function exportCli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [resolve('dist/src/cli/export.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', TIMEZONE: 'Europe/Berlin', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A strict RFC 4180 reader: CRLF between records, quoted fields may hold commas, line breaks and doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '\n' || text[i] === '"') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  return records;
}

let fresh: FreshDatabase;
let env: Record<string, string>;
beforeEach(async () => {
  fresh = await freshDatabase();
  env = { DATABASE_PATH: fresh.path };
  const db = fresh.db;
  const created = new Date('2026-11-23T09:00:00Z');
  await addTicket(db, { created, title: 'Update the page, please', requester: 'UALICE0001', firstResponse: plusMinutes(created, 45), closed: plusMinutes(created, 1500), status: 'done' });
  await addTicket(db, { created: new Date('2026-11-24T09:00:00Z'), title: 'She said "hi"\r\nthen left\nagain', team: 'Sales, EMEA', requester: 'UBOB00002' });
  await addTicket(db, { created: new Date('2026-11-24T10:00:00Z'), title: '=HYPERLINK("https://evil.example")', requester: 'UCAROL003' });
  // Sunday 23:30 and Monday 00:30 in Berlin: either side of --from 2026-11-23.
  await addTicket(db, { created: new Date('2026-11-22T22:30:00Z'), title: 'Sunday night' });
  await addTicket(db, { created: new Date('2026-11-22T23:30:00Z'), title: 'Monday just after midnight' });
  await fresh.db.destroy();
});
afterEach(async () => {
  await fresh.close();
});

const HEADER = ['number', 'created_at', 'status', 'team', 'category', 'urgency', 'due_date', 'source', 'minutes_spent', 'first_response_minutes', 'time_to_close_minutes', 'closed_at', 'title'];

describe('npm run export', () => {
  it('writes every ticket with its figures as RFC 4180 CSV, and no person IDs', () => {
    const r = exportCli([], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('exported 5 tickets\n');
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual(HEADER);
    expect(rows.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[0]).toEqual(['1', '2026-11-23T09:00:00.000Z', 'done', 'Sales', 'Website', 'normal', '', 'command', '0', '45', '1500', '2026-11-24T10:00:00.000Z', 'Update the page, please']);
    expect(rows[1]![3]).toBe('Sales, EMEA');
    expect(rows[1]![12]).toBe('She said "hi"\r\nthen left\nagain');
    // A title that a spreadsheet would run as a formula is kept as text.
    expect(rows[2]![12]).toBe(`'=HYPERLINK("https://evil.example")`);
    expect(r.stdout).toContain('"She said ""hi""\r\nthen left\nagain"\r\n');
    expect(r.stdout).not.toMatch(/UALICE|UBOB|UCAROL|UREQ|UHELPER/);
  });

  it('takes --from and --to as whole days in the desk\'s time zone', () => {
    const r = exportCli(['--from', '2026-11-23', '--to', '2026-11-23'], env);
    expect(r.code).toBe(0);
    const titles = parseCsv(r.stdout).slice(1).map((row) => row[12]);
    expect(titles).toEqual(['Update the page, please', 'Monday just after midnight']);
    expect(r.stderr).toBe('exported 2 tickets\n');
    expect(parseCsv(exportCli(['--to', '2026-11-22'], env).stdout).slice(1).map((row) => row[12])).toEqual(['Sunday night']);
  });

  it('writes a JSON array with --format json', () => {
    const r = exportCli(['--format', 'json', '--from', '2026-11-24'], env);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!)).toEqual(HEADER);
    expect(rows[0]).toMatchObject({ number: 2, team: 'Sales, EMEA', title: 'She said "hi"\r\nthen left\nagain', first_response_minutes: null, closed_at: null });
    expect(JSON.parse(exportCli(['--format', 'json', '--from', '2030-01-01'], env).stdout)).toEqual([]);
  });

  it('explains what is wrong with its arguments', () => {
    expect(exportCli(['--format', 'xml'], env)).toMatchObject({ code: 2, stdout: '' });
    expect(exportCli(['--from', '2026-02-30'], env).stderr).toMatch(/^--from must be a date such as 2026-11-01 \(got 2026-02-30\)/);
    expect(exportCli(['--from', '2026-11-24', '--to', '2026-11-23'], env).stderr).toMatch(/--to \(2026-11-23\) is before --from/);
    expect(exportCli(['--since', 'x'], env).stderr).toMatch(/usage: npm run -s export/);
    expect(exportCli([], { DATABASE_PATH: '/nonexistent/desk.db' })).toMatchObject({ code: 1, stderr: 'there is no database at /nonexistent/desk.db\n' });
  });
});
