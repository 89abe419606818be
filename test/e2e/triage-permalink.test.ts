import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDailyDigest } from '../../src/app/digest-content.js';
import { submitForm, VALID_FORM } from '../support/flows.js';
import { startHarness, TRIAGE_CHANNEL, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const stored = async () => (await h.desk.db.selectFrom('tickets').select(['triage_ts', 'triage_permalink']).executeTakeFirstOrThrow());
const since = () => new Date(h.clock.now().getTime() - 3_600_000);

describe('the link to a ticket\'s triage card', () => {
  it('is stored once the card is posted, and the daily digest links the ticket to it', async () => {
    await submitForm(h, 'UALICE', VALID_FORM);
    const { triage_ts, triage_permalink } = await stored();
    const [asked] = h.fake.callsTo('chat.getPermalink');
    expect(asked!.args).toMatchObject({ channel: TRIAGE_CHANNEL, message_ts: triage_ts });
    expect(triage_permalink).toBe(`https://acme.slack.com/archives/${TRIAGE_CHANNEL}/p${triage_ts!.replace('.', '')}`);
    const digest = await buildDailyDigest({ db: h.desk.db, clock: h.clock, config: h.config }, { now: h.clock.now(), since: since() });
    expect(JSON.stringify(digest.blocks)).toContain(`<${triage_permalink}|#1 Fix the pricing banner>`);
  });

  it('is only missed, not fatal, when Slack will not give it: the card is posted and the failure logged', async () => {
    h.fake.reply('chat.getPermalink', { body: { ok: false, error: 'message_not_found' } });
    await submitForm(h, 'UALICE', VALID_FORM);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === TRIAGE_CHANNEL)).toHaveLength(1);
    expect(await stored()).toMatchObject({ triage_permalink: null });
    expect(h.logs.some((l) => l.msg === 'could not get the link to the triage card')).toBe(true);
    expect(await h.desk.db.selectFrom('outbox').select('status').where('status', '=', 'failed').execute()).toEqual([]);
    const digest = await buildDailyDigest({ db: h.desk.db, clock: h.clock, config: h.config }, { now: h.clock.now(), since: since() });
    expect(JSON.stringify(digest.blocks)).toContain('*#1* Fix the pricing banner');
  });
});
