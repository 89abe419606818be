import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRememberedTeam, rememberTeam } from '../../src/db/preference-repository.js';
import { pruneEvents, recordEvent } from '../../src/db/processed-event-repository.js';
import { insertHistory, listHistory } from '../../src/db/ticket-history-repository.js';
import { insertTicket } from '../../src/db/ticket-repository.js';
import { at, freshDatabase, newTicket, T0, type FreshDatabase } from './fresh-database.js';

let fresh: FreshDatabase;
beforeEach(async () => {
  fresh = await freshDatabase();
});
afterEach(async () => {
  await fresh.close();
});

describe('requester preferences', () => {
  it('remembers nothing at first', async () => {
    expect(await findRememberedTeam(fresh.db, 'UALICE')).toBeUndefined();
  });

  it('remembers the team and replaces it on the next ticket', async () => {
    await rememberTeam(fresh.db, 'UALICE', 'Sales', at(0));
    expect(await findRememberedTeam(fresh.db, 'UALICE')).toBe('Sales');
    await rememberTeam(fresh.db, 'UALICE', 'Marketing', at(5));
    expect(await findRememberedTeam(fresh.db, 'UALICE')).toBe('Marketing');
    const rows = await fresh.db.selectFrom('requester_preferences').selectAll().where('user_id', '=', 'UALICE').execute();
    expect(rows).toEqual([{ user_id: 'UALICE', team: 'Marketing', updated_at: at(5).toISOString() }]);
  });

  it('keeps each person separate', async () => {
    await rememberTeam(fresh.db, 'UALICE', 'Sales', at(0));
    await rememberTeam(fresh.db, 'UBOB', 'Support', at(1));
    expect(await findRememberedTeam(fresh.db, 'UALICE')).toBe('Sales');
    expect(await findRememberedTeam(fresh.db, 'UBOB')).toBe('Support');
  });
});

describe('processed events', () => {
  it('is true the first time an event id is seen and false for its retries', async () => {
    expect(await recordEvent(fresh.db, 'Ev1', at(0))).toBe(true);
    expect(await recordEvent(fresh.db, 'Ev1', at(0))).toBe(false);
    expect(await recordEvent(fresh.db, 'Ev1', at(1))).toBe(false);
    expect(await recordEvent(fresh.db, 'Ev2', at(1))).toBe(true);
  });

  it('prunes only events received before the cutoff', async () => {
    await recordEvent(fresh.db, 'EvOld1', at(-120));
    await recordEvent(fresh.db, 'EvOld2', at(-61));
    await recordEvent(fresh.db, 'EvAtCutoff', at(-60));
    await recordEvent(fresh.db, 'EvNew', at(-1));
    expect(await pruneEvents(fresh.db, at(-60))).toBe(2);
    const left = await fresh.db.selectFrom('processed_events').select('event_id').orderBy('event_id').execute();
    expect(left.map((r) => r.event_id)).toEqual(['EvAtCutoff', 'EvNew']);
    // A pruned id counts as new again; a kept one is still a retry.
    expect(await recordEvent(fresh.db, 'EvOld1', at(0))).toBe(true);
    expect(await recordEvent(fresh.db, 'EvNew', at(0))).toBe(false);
  });
});

describe('ticket history', () => {
  async function ticket(): Promise<number> {
    return (await insertTicket(fresh.db, newTicket())).number;
  }

  it('lists a ticket’s entries oldest first, and only that ticket’s', async () => {
    const one = await ticket();
    const two = await ticket();
    await insertHistory(fresh.db, { ticketNumber: one, at: at(0), actorId: 'UALICE', action: 'created', fromStatus: null, toStatus: 'new' });
    await insertHistory(fresh.db, { ticketNumber: two, at: at(1), actorId: 'UBOB', action: 'created', fromStatus: null, toStatus: 'new' });
    await insertHistory(fresh.db, {
      ticketNumber: one,
      at: at(2),
      actorId: 'UHELPER',
      action: 'created',
      fromStatus: 'new',
      toStatus: 'in_progress',
      note: 'picked up',
      minutesSpent: 15,
    });
    const history = await listHistory(fresh.db, one);
    expect(history.map(({ id: _id, ...rest }) => rest)).toEqual([
      { ticket_number: one, at: at(0).toISOString(), actor_id: 'UALICE', action: 'created', from_status: null, to_status: 'new', note: null, minutes_spent: null },
      {
        ticket_number: one,
        at: at(2).toISOString(),
        actor_id: 'UHELPER',
        action: 'created',
        from_status: 'new',
        to_status: 'in_progress',
        note: 'picked up',
        minutes_spent: 15,
      },
    ]);
    expect(history[0]!.id).toBeLessThan(history[1]!.id);
    expect((await listHistory(fresh.db, two)).map((h) => h.actor_id)).toEqual(['UBOB']);
    expect(await listHistory(fresh.db, 99)).toEqual([]);
  });

  it('refuses history for a ticket that does not exist', async () => {
    await expect(
      insertHistory(fresh.db, { ticketNumber: 7, at: T0, actorId: 'U1', action: 'created', fromStatus: null, toStatus: 'new' }),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
