import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTicket } from '../../src/app/create-ticket.js';
import { insertOffer } from '../../src/db/offer-repository.js';
import { HELPER, TRIAGE_CHANNEL } from '../support/harness.js';
import { useCaseDeps } from '../support/use-case.js';

let t: Awaited<ReturnType<typeof useCaseDeps>>;
beforeEach(async () => {
  t = await useCaseDeps();
});
afterEach(async () => {
  await t.close();
});

const values = { title: 'Fix the banner', details: '', category: 'Website', team: 'Sales', urgency: 'normal' };

describe('createTicket', () => {
  it('commits the ticket, its history, the offer outcome, the team and the messages it owes in one go', async () => {
    const offer = await insertOffer(t.deps.db, { userId: 'UA', channelId: 'DA', messageTs: '1.1', threadTs: null, source: 'dm', text: 'fix it', createdAt: t.clock.now() });
    const outcome = await createTicket(t.deps, {
      userId: 'UA',
      values,
      metadata: { v: 1, source: 'dm', offerId: offer!.id, offerMessage: { kind: 'message', channel: 'DA', ts: '9.9' } },
    });
    expect(outcome).toMatchObject({ ok: true, duplicate: false, ticket: { number: 1, source: 'dm' } });
    const outbox = await t.deps.db.selectFrom('outbox').select(['kind', 'ordering_key', 'status']).orderBy('id').execute();
    expect(outbox).toEqual([
      { kind: 'post', ordering_key: 'UA', status: 'pending' },
      { kind: 'triage_card', ordering_key: TRIAGE_CHANNEL, status: 'pending' },
      { kind: 'replace', ordering_key: 'DA', status: 'pending' },
      // The requester's and the helpers' App Home show the new ticket.
      { kind: 'home', ordering_key: 'home:UA', status: 'pending' },
      { kind: 'home', ordering_key: `home:${HELPER}`, status: 'pending' },
    ]);
    expect(t.kicks.count).toBe(1);
    expect(await t.deps.db.selectFrom('requester_preferences').select(['user_id', 'team']).execute()).toEqual([{ user_id: 'UA', team: 'Sales' }]);
  });

  it('leaves nothing behind when the database refuses the ticket', async () => {
    const offer = await insertOffer(t.deps.db, { userId: 'UA', channelId: 'DA', messageTs: '1.1', threadTs: null, source: 'dm', text: 'fix it', createdAt: t.clock.now() });
    await sql`create trigger refuse before insert on ticket_history begin select raise(abort, 'disk is full'); end`.execute(t.deps.db);
    await expect(createTicket(t.deps, { userId: 'UA', values, metadata: { v: 1, source: 'dm', offerId: offer!.id } })).rejects.toThrow(/disk is full/);
    expect(await t.deps.db.selectFrom('tickets').selectAll().execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('offers').select('outcome').execute()).toEqual([{ outcome: 'pending' }]);
    expect(t.kicks.count).toBe(0);
    // And the number is not burnt: the next ticket is #1.
    await sql`drop trigger refuse`.execute(t.deps.db);
    expect(await createTicket(t.deps, { userId: 'UA', values, metadata: { v: 1, source: 'command' } })).toMatchObject({ ok: true, ticket: { number: 1 } });
  });

  it('returns field errors and writes nothing for invalid input', async () => {
    const outcome = await createTicket(t.deps, { userId: 'UA', values: { ...values, category: 'Nope', dueDate: '2026-11-24' }, metadata: { v: 1, source: 'command' } });
    expect(outcome).toEqual({ ok: false, errors: { category: 'Please pick a category.', dueDate: 'The due date is in the past — please pick today or later.' } });
    expect(await t.deps.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
  });
});
