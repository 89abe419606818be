import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';

/** What a backup or restore wrote. */
export interface SnapshotSummary {
  path: string;
  tickets: number;
  /** The highest ticket number issued so far; the next ticket gets a higher one. */
  lastTicketNumber: number;
}

function summarise(path: string): SnapshotSummary {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${path} is damaged (integrity_check: ${String(check)})`);
    const hasTickets = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'tickets'").get();
    if (!hasTickets) throw new Error(`${path} is not a Request Desk database (it has no tickets table)`);
    const { n } = db.prepare('select count(*) as n from tickets').get() as { n: number };
    return { path, tickets: n, lastTicketNumber: lastTicketNumber(db) };
  } finally {
    db.close();
  }
}

function lastTicketNumber(db: SQLite.Database): number {
  const row = db.prepare("select seq from sqlite_sequence where name = 'tickets'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/**
 * Copies the live database to `target` with SQLite's online backup API: safe while the bot is running (a
 * consistent snapshot, WAL included), then checks the copy's integrity.
 */
export async function backupDatabase(source: string, target: string): Promise<SnapshotSummary> {
  if (!existsSync(source)) throw new Error(`there is no database at ${source}`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return summarise(target);
}

/**
 * Replaces the database at `target` with the backup at `source` (the bot must be stopped). Tickets filed after
 * the backup are lost, but their numbers are not handed out again: numbering continues after the highest number
 * the replaced database had issued.
 */
export async function restoreDatabase(source: string, target: string): Promise<SnapshotSummary> {
  summarise(source);
  let issued = 0;
  if (existsSync(target)) {
    const current = new SQLite(target);
    try {
      issued = lastTicketNumber(current);
    } catch {
      // A database too damaged to read cannot tell us its numbering; the backup's stands.
    } finally {
      current.close();
    }
  }
  const backup = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(target);
  } finally {
    backup.close();
  }
  const restored = new SQLite(target);
  try {
    restored.prepare("update sqlite_sequence set seq = max(seq, ?) where name = 'tickets'").run(issued);
    if (issued > lastTicketNumber(restored)) restored.prepare("insert into sqlite_sequence (name, seq) values ('tickets', ?)").run(issued);
  } finally {
    restored.close();
  }
  return summarise(target);
}
