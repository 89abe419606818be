import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { fileTicketFromReaction } from '../../src/app/file-ticket-from-reaction.js';
import { SlackCallError, type ReadMessage, type SlackPort } from '../../src/app/slack-port.js';
import { HELPER, TRIAGE_CHANNEL } from '../support/harness.js';
import { useCaseDeps } from '../support/use-case.js';

let t: Awaited<ReturnType<typeof useCaseDeps>> | undefined;
afterEach(async () => {
  await t?.close();
});

const REACTION = { reactorId: HELPER, channel: 'C0SALES', ts: '1764200000.000100' };

/** Use-case deps whose Slack port answers `readMessage` as given (and nothing else). */
async function withMessage(read: () => Promise<ReadMessage | undefined>) {
  t = await useCaseDeps({ slack: { readMessage: read } as unknown as SlackPort });
  return t;
}

const outbox = () => t!.deps.db.selectFrom('outbox').select(['kind', 'ordering_key', 'payload']).orderBy('id').execute();

describe('fileTicketFromReaction', () => {
  it('commits the ticket with the author\'s DM, the card, the ✅ and the Home refreshes in one go', async () => {
    await withMessage(async () => ({ ts: REACTION.ts, text: 'can you fix the footer?', userId: 'UALICE' }));
    const outcome = await fileTicketFromReaction(t!.deps, REACTION);
    expect(outcome).toMatchObject({ filed: true, ticket: { number: 1, requesterId: 'UALICE', filedById: HELPER, source: 'reaction' } });
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.ordering_key])).toEqual([
      ['post', 'UALICE'],
      ['triage_card', TRIAGE_CHANNEL],
      ['reaction', 'C0SALES'],
      ['home', 'home:UALICE'],
      ['home', `home:${HELPER}`],
    ]);
    expect(JSON.parse(rows[2]!.payload)).toEqual({ kind: 'reaction', channel: 'C0SALES', ts: REACTION.ts, name: 'white_check_mark' });
    expect(t!.kicks.count).toBe(1);
  });

  it('leaves nothing behind, and says so, when the database refuses the ticket', async () => {
    await withMessage(async () => ({ ts: REACTION.ts, text: 'can you fix the footer?', userId: 'UALICE' }));
    await sql`create trigger refuse before insert on ticket_history begin select raise(abort, 'disk is full'); end`.execute(t!.deps.db);
    await expect(fileTicketFromReaction(t!.deps, REACTION)).rejects.toThrow(/disk is full/);
    expect(await t!.deps.db.selectFrom('tickets').selectAll().execute()).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it('tells the helper to try again when Slack does not answer in time', async () => {
    await withMessage(async () => {
      throw new SlackCallError('conversations.history', 'timeout', true);
    });
    expect(await fileTicketFromReaction(t!.deps, REACTION)).toEqual({ filed: false, reason: 'cannot_read', code: 'timeout' });
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.ordering_key])).toEqual([['post', HELPER]]);
    expect(JSON.parse(rows[0]!.payload).text).toMatch(/didn't let me read the message you reacted to just now/);
  });

  it('does not read anything for someone who is not a helper', async () => {
    await withMessage(async () => {
      throw new Error('must not be called');
    });
    expect(await fileTicketFromReaction(t!.deps, { ...REACTION, reactorId: 'UBOB' })).toEqual({ filed: false, reason: 'not_helper' });
    expect(await outbox()).toEqual([]);
  });
});
