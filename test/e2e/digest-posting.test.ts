import { afterEach, describe, expect, it } from 'vitest';
import { submitForm, VALID_FORM } from '../support/flows.js';
import { startHarness, TestClock, type Harness } from '../support/harness.js';

const DIGEST = 'C0DIGEST';
const TEAM = 'C0MARKETING';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const posts = (harness: Harness, channel: string) => harness.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel);

describe('scheduled digests through the running bot', () => {
  it('posts the daily and the weekly digest on Monday at 09:00 Berlin time, once, with the chart, and not again after a restart', async () => {
    // Monday 30 November 2026, 09:00 in Berlin (08:00 UTC).
    h = await startHarness({
      clock: new TestClock(new Date('2026-11-30T08:00:00Z')),
      env: { DIGEST_CHANNEL_ID: DIGEST, WEEKLY_DIGEST_CHANNEL_ID: TEAM },
    });
    await submitForm(h, 'UALICE', VALID_FORM);
    await h.desk.settled();
    const [daily] = posts(h, DIGEST);
    const [weekly] = posts(h, TEAM);
    expect(daily?.args.metadata).toEqual({ event_type: 'request_desk_digest', event_payload: { kind: 'daily', period: '2026-11-30' } });
    expect(weekly?.args.metadata).toEqual({ event_type: 'request_desk_digest', event_payload: { kind: 'weekly', period: '2026-W49' } });
    // The chart follows the weekly digest: Slack's three-step upload, a PNG, shared in the team channel.
    const upload = h.fake.callsTo('file_upload');
    expect(upload).toHaveLength(1);
    expect(upload[0]!.args.head).toBe('\x89PNG\r\n\x1a\n');
    expect(h.fake.callsTo('files.completeUploadExternal')[0]!.args.channel_id).toBe(TEAM);
    expect(await h.desk.db.selectFrom('digest_runs').select(['kind', 'period', 'status']).orderBy('kind').execute()).toEqual([
      { kind: 'daily', period: '2026-11-30', status: 'posted' },
      { kind: 'weekly', period: '2026-W49', status: 'posted' },
    ]);

    await h.restart();
    await h.desk.settled();
    expect(posts(h, DIGEST)).toHaveLength(1);
    expect(posts(h, TEAM)).toHaveLength(1);
  });

  it('posts nothing when no digest channel is set', async () => {
    h = await startHarness({ clock: new TestClock(new Date('2026-11-30T08:00:00Z')) });
    await h.desk.settled();
    expect(h.fake.calls.filter((c) => c.args.metadata !== undefined)).toEqual([]);
    expect(h.logs.some((l) => l.msg === 'no DIGEST_CHANNEL_ID set: digests are off')).toBe(true);
  });
});
