import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTicket, local } from '../support/digest-history.js';
import { mrkdwnTexts } from '../support/flows.js';
import { HELPER, startHarness, type Harness } from '../support/harness.js';
import { slashCommand } from '../support/payloads.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(); // the clock says Wednesday 25 Nov 2026: the digest reports 2026-W47
  for (const [k, team] of ['Sales', 'Sales', 'Sales', 'Product', 'Sales, Inc. "EMEA"'].entries()) {
    await addTicket(h.desk.db, { created: local('2026-11-17', 10 + k), team, requester: `UREQUESTER${k}`, title: k === 4 ? 'Line one\nline "two", and more' : `Ask ${k}` });
  }
});
afterEach(async () => {
  await h.stop();
});

/** Runs `/request <text>` as `user`; returns the HTTP answer (the ack) once the desk has finished with it. */
async function request(user: string, text: string) {
  const res = await h.sender.command(slashCommand({ user, text, responseUrl: h.fake.responseUrl() }));
  expect(res.status).toBe(200);
  expect(res.ackMs).toBeLessThan(3000);
  await h.desk.settled();
  return res;
}

describe('/request digest', () => {
  it('shows a helper the weekly digest privately, counting by team with nobody named', async () => {
    const res = await request(HELPER, 'digest');
    const reply = JSON.parse(res.body) as { response_type: string; text: string; blocks: unknown[] };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/^Request Desk, week 2026-W47: 5 requests/);
    const text = mrkdwnTexts(reply as unknown as Record<string, unknown>).join('\n');
    expect(text).toContain('Preview of the weekly digest for 2026-W47 — only you can see this');
    expect(text).toContain('*By team:* Sales 3 (60%) · Other teams 2 (40%)');
    expect(res.body).not.toMatch(/UREQUESTER|<@/);
    expect(h.fake.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
  });

  it('tells anyone else politely that it is for the helpers, and shows no figures', async () => {
    const res = await request('UALICE', 'digest');
    const reply = JSON.parse(res.body) as { response_type: string; text: string };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/for the helpers who run the desk.*`\/request list`/);
    expect(res.body).not.toMatch(/Request Desk, week|By team/);
  });
});

describe('/request export', () => {
  it('uploads the CSV of every ticket into the helper\'s DM with files.uploadV2, then says so', async () => {
    const res = await request(HELPER, 'export');
    expect(res.body).toBe('');
    // (users.info: the helper's language, looked up once in the background for their next answer.)
    const methods = h.fake.calls.map((c) => c.method).filter((m) => m !== 'users.info');
    expect(methods).toEqual(['auth.test', 'conversations.open', 'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal', 'response_url']);
    expect(h.fake.callsTo('conversations.open')[0]!.args).toMatchObject({ users: HELPER });
    const [getUrl] = h.fake.callsTo('files.getUploadURLExternal');
    expect(getUrl!.args.filename).toBe('request-desk-tickets-2026-11-25.csv');
    const [upload] = h.fake.callsTo('file_upload');
    expect(upload!.args).toMatchObject({ bytes: Number(getUrl!.args.length), head: 'number,c' });
    const csv = String(upload!.args.text);
    expect(csv.split('\r\n')[0]).toBe(
      'number,created_at,status,team,category,urgency,due_date,source,minutes_spent,first_response_minutes,time_to_close_minutes,closed_at,title',
    );
    expect(csv).toContain('\r\n5,2026-11-17T13:00:00.000Z,new,"Sales, Inc. ""EMEA""",Website,normal,,command,0,,,,"Line one\nline ""two"", and more"\r\n');
    expect(csv).not.toMatch(/UREQUESTER|UHELPER/);
    const [complete] = h.fake.callsTo('files.completeUploadExternal');
    expect(complete!.args).toMatchObject({ channel_id: `D${HELPER.slice(1)}` });
    expect(String(complete!.args.initial_comment)).toMatch(/^All 5 tickets with their figures, as of 2026-11-25\. .*no personal IDs/);
    const [done] = h.fake.callsTo('response_url');
    expect(done!.args).toMatchObject({ response_type: 'ephemeral', text: 'Done: the CSV with all 5 tickets is in our DM.' });
  });

  it('tells the helper when Slack refuses the file', async () => {
    h.fake.reply('files.completeUploadExternal', { body: { ok: false, error: 'channel_not_found' } });
    await request(HELPER, 'export');
    const [note] = await h.fake.waitFor((c) => c.method === 'response_url');
    expect(note!.args).toMatchObject({ response_type: 'ephemeral' });
    expect(String(note!.args.text)).toMatch(/^Sorry, Slack would not take the export file just now \(channel_not_found\)/);
    expect(h.logs.some((l) => l.msg === 'could not upload the ticket export')).toBe(true);
  });

  it('exports nothing for anyone else', async () => {
    const res = await request('UALICE', 'export');
    expect(res.body).toBe('');
    const [note] = await h.fake.waitFor((c) => c.method === 'response_url');
    expect(String(note!.args.text)).toMatch(/for the helpers/);
    expect(h.fake.calls.map((c) => c.method)).not.toContain('files.getUploadURLExternal');
    expect(h.fake.callsTo('conversations.open')).toHaveLength(0);
  });
});
