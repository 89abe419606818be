import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../../src/db/database.js';
import { findTicket, insertTicket, setSourcePermalink, setTriageMessage, type NewTicket } from '../../src/db/ticket-repository.js';
import { at, freshDatabase, newTicket, T0, type FreshDatabase } from './fresh-database.js';

const urgentMention = (overrides: Partial<NewTicket> = {}): NewTicket =>
  newTicket({
    title: 'Update the pricing page banner',
    details: 'It still says 2025.',
    category: 'Web',
    team: 'Marketing',
    dueDate: '2026-12-01',
    urgency: 'urgent',
    requesterId: 'UALICE',
    filedById: 'UHELPER',
    source: 'mention',
    sourceChannelId: 'C123',
    sourceTs: '1764064800.000100',
    sourcePermalink: null,
    inboxOwnerId: null,
    createdAt: T0,
    ...overrides,
  });

describe('ticket repository', () => {
  let fresh: FreshDatabase;
  beforeEach(async () => {
    fresh = await freshDatabase();
  });
  afterEach(async () => {
    await fresh.close();
  });

  it('numbers tickets 1, 2, 3', async () => {
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await insertTicket(fresh.db, urgentMention({ title: `T${i}` }))).number);
    expect(numbers).toEqual([1, 2, 3]);
  });

  it('never reuses a number, even after the highest ticket is deleted', async () => {
    await insertTicket(fresh.db, urgentMention());
    await insertTicket(fresh.db, urgentMention());
    const third = await insertTicket(fresh.db, urgentMention());
    await fresh.db.deleteFrom('tickets').where('number', '=', third.number).execute();
    expect(await findTicket(fresh.db, 3)).toBeUndefined();
    expect((await insertTicket(fresh.db, urgentMention())).number).toBe(4);
  });

  it('returns the stored ticket with status new and no triage message', async () => {
    const inserted = await insertTicket(fresh.db, urgentMention());
    const expected = {
      number: 1,
      title: 'Update the pricing page banner',
      details: 'It still says 2025.',
      requesterId: 'UALICE',
      filedById: 'UHELPER',
      team: 'Marketing',
      category: 'Web',
      urgency: 'urgent',
      dueDate: '2026-12-01',
      status: 'new',
      source: 'mention',
      sourceChannelId: 'C123',
      sourceTs: '1764064800.000100',
      sourcePermalink: null,
      inboxOwnerId: null,
      triageChannelId: null,
      triageTs: null,
      createdAt: T0,
      updatedAt: T0,
      assigneeId: null,
      minutesSpent: 0,
      firstResponseAt: null,
      closedAt: null,
    };
    expect(inserted).toEqual(expected);
    expect(await findTicket(fresh.db, 1)).toEqual(expected);
  });

  it('maps the row to the domain: Date objects for timestamps, nulls kept', async () => {
    await insertTicket(fresh.db, urgentMention({ dueDate: null, source: 'command', sourceChannelId: null, sourceTs: null, createdAt: at(90) }));
    const row = await fresh.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    expect(row.created_at).toBe('2026-11-25T11:30:00.000Z');
    const ticket = await findTicket(fresh.db, 1);
    expect(ticket?.createdAt).toBeInstanceOf(Date);
    expect(ticket?.updatedAt).toBeInstanceOf(Date);
    expect(ticket?.createdAt.getTime()).toBe(at(90).getTime());
    expect(ticket).toMatchObject({ dueDate: null, source: 'command', sourceChannelId: null, sourceTs: null });
  });

  it('finds nothing for an unknown number', async () => {
    await insertTicket(fresh.db, urgentMention());
    expect(await findTicket(fresh.db, 2)).toBeUndefined();
    expect(await findTicket(fresh.db, 0)).toBeUndefined();
  });

  it('remembers the triage message of one ticket only', async () => {
    await insertTicket(fresh.db, urgentMention());
    await insertTicket(fresh.db, urgentMention());
    await setTriageMessage(fresh.db, 2, 'CTRIAGE', '1764064900.000200');
    expect(await findTicket(fresh.db, 2)).toMatchObject({ triageChannelId: 'CTRIAGE', triageTs: '1764064900.000200' });
    expect(await findTicket(fresh.db, 1)).toMatchObject({ triageChannelId: null, triageTs: null });
  });

  it('stores the source permalink of one ticket only', async () => {
    await insertTicket(fresh.db, urgentMention());
    await insertTicket(fresh.db, urgentMention());
    await setSourcePermalink(fresh.db, 1, 'https://acme.slack.com/archives/C123/p1764064800000100');
    expect((await findTicket(fresh.db, 1))?.sourcePermalink).toBe('https://acme.slack.com/archives/C123/p1764064800000100');
    expect((await findTicket(fresh.db, 2))?.sourcePermalink).toBeNull();
  });
});

describe('ticket numbering across restarts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'request-desk-db-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('continues numbering after the file is closed and reopened, without reusing a deleted number', async () => {
    const path = join(dir, 'nested', 'desk.db');
    const first = await openMigratedDatabase(path);
    await insertTicket(first, urgentMention());
    await insertTicket(first, urgentMention());
    await insertTicket(first, urgentMention());
    await first.deleteFrom('tickets').where('number', '=', 3).execute();
    await first.destroy();

    const second = await openMigratedDatabase(path);
    try {
      expect((await findTicket(second, 2))?.title).toBe('Update the pricing page banner');
      expect((await insertTicket(second, urgentMention())).number).toBe(4);
    } finally {
      await second.destroy();
    }

    const third = await openMigratedDatabase(path);
    try {
      expect((await insertTicket(third, urgentMention())).number).toBe(5);
    } finally {
      await third.destroy();
    }
  });
});
