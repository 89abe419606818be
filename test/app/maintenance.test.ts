import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMaintenance } from '../../src/app/maintenance.js';
import { enqueue } from '../../src/app/outbox.js';
import { insertOffer } from '../../src/db/offer-repository.js';
import { markRowsSent } from '../../src/db/outbox-repository.js';
import { recordEvent } from '../../src/db/processed-event-repository.js';
import { useCaseDeps } from '../support/use-case.js';

let t: Awaited<ReturnType<typeof useCaseDeps>>;
beforeEach(async () => {
  t = await useCaseDeps();
});
afterEach(async () => {
  await t.close();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('runMaintenance', () => {
  it('marks offers nobody acted on within the cooldown as ignored, keeping the ask for a week, then forgetting it', async () => {
    const { db } = t.deps;
    const old = await insertOffer(db, { userId: 'UA', channelId: 'DA', messageTs: '1.1', threadTs: null, source: 'dm', text: 'fix the banner', createdAt: t.clock.now() });
    t.clock.advance(3 * HOUR);
    const recent = await insertOffer(db, { userId: 'UB', channelId: 'DB', messageTs: '1.2', threadTs: null, source: 'dm', text: 'new logo', createdAt: t.clock.now() });
    t.clock.advance(2 * HOUR); // old: 5 h (past the 4 h cooldown), recent: 2 h
    await runMaintenance(t.deps);
    const rows = await db.selectFrom('offers').select(['id', 'outcome', 'text']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: old!.id, outcome: 'ignored', text: 'fix the banner' },
      { id: recent!.id, outcome: 'pending', text: 'new logo' },
    ]);
    t.clock.advance(7 * DAY);
    await runMaintenance(t.deps);
    expect(await db.selectFrom('offers').select(['outcome', 'text']).orderBy('id').execute()).toEqual([
      { outcome: 'ignored', text: null },
      { outcome: 'ignored', text: null },
    ]);
  });

  it('forgets event IDs after a day and sent messages after 30 days, keeping failed ones', async () => {
    const { db } = t.deps;
    await recordEvent(db, 'Ev1', t.clock.now());
    await enqueue(db, [{ kind: 'post', channel: 'C1', text: 'a' }, { kind: 'post', channel: 'C2', text: 'b' }], t.clock.now());
    await markRowsSent(db, [1], t.clock.now());
    await sql`update outbox set status = 'failed' where id = 2`.execute(db);
    t.clock.advance(DAY + 1);
    await recordEvent(db, 'Ev2', t.clock.now());
    await runMaintenance(t.deps);
    expect(await db.selectFrom('processed_events').select('event_id').execute()).toEqual([{ event_id: 'Ev2' }]);
    expect(await db.selectFrom('outbox').select('id').execute()).toHaveLength(2);
    t.clock.advance(30 * DAY);
    await runMaintenance(t.deps);
    expect(await db.selectFrom('outbox').select(['id', 'status']).execute()).toEqual([{ id: 2, status: 'failed' }]);
  });
});
