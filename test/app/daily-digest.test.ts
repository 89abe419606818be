import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDailyDigest } from '../../src/app/digest-content.js';
import { clearDay } from '../../src/slack/views/daily-digest.js';
import { addTicket, local, plusMinutes } from '../support/digest-history.js';
import { mrkdwnTexts } from '../support/flows.js';
import { useCaseDeps } from '../support/use-case.js';

let ctx: Awaited<ReturnType<typeof useCaseDeps>>;
beforeEach(async () => {
  ctx = await useCaseDeps();
});
afterEach(async () => {
  await ctx.close();
});

const NOW = local('2026-11-25', 8); // Wednesday 08:00 in Berlin
const SINCE = new Date(NOW.getTime() - 24 * 3_600_000);

/** The digest's mrkdwn, one string per section, and its fallback text. */
async function digest() {
  const message = await buildDailyDigest(ctx.deps, { now: NOW, since: SINCE });
  return { message, sections: mrkdwnTexts({ blocks: message.blocks }) };
}

describe('the daily digest', () => {
  it('says a clear day in one line', async () => {
    await addTicket(ctx.deps.db, { created: local('2026-11-20'), closed: local('2026-11-20', 12) });
    const { message } = await digest();
    expect(message).toEqual({ text: clearDay('en'), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clearDay('en'), verbatim: true } }] });
  });

  it('lists new, due today, overdue, waiting longest and in progress, each line linked to its triage card', async () => {
    const db = ctx.deps.db;
    const fresh = await addTicket(db, { created: local('2026-11-24', 15), title: 'Banner <!channel> & co', team: 'Sales', category: 'Design', permalink: 'https://acme.slack.com/archives/C0TRIAGE/p100' });
    await addTicket(db, { created: local('2026-11-24', 7, 59), title: 'Older than a day' });
    const due = await addTicket(db, { created: local('2026-11-20'), title: 'Due today', dueDate: '2026-11-25', urgency: 'urgent', firstResponse: local('2026-11-20', 11) });
    await addTicket(db, { created: local('2026-11-20'), title: 'Done, was due today', dueDate: '2026-11-25', closed: local('2026-11-21') });
    await addTicket(db, { created: local('2026-11-18'), title: 'Overdue one', dueDate: '2026-11-23', permalink: null });
    for (let k = 0; k < 5; k++) await addTicket(db, { created: local('2026-11-10', 9 + k), title: `Old ask ${k}` });

    const { message, sections } = await digest();
    expect(message.text).toBe('Today at the desk: 1 new, 1 due today, 1 overdue, 8 waiting for a first response, 1 in progress');
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Today at the desk · Wed 25 Nov 2026' } });
    const [newPart, duePart, overduePart, waitingPart, progressPart] = sections;
    expect(newPart).toMatch(/^\*New since <!date\^\d+\^/);
    expect(newPart).toContain(`• <https://acme.slack.com/archives/C0TRIAGE/p100|#${fresh} Banner &lt;!channel&gt; &amp; co> · Sales · Design`);
    expect(newPart).not.toContain('Older than a day');
    expect(duePart).toMatch(new RegExp(`^\\*Due today\\* \\(1\\)\\n• <https://[^|]+\\|#${due} Due today> · Sales · Website · :red_circle: urgent$`));
    // No link stored for this one: the line says the number in bold instead.
    expect(overduePart).toMatch(/^\*Overdue\* \(1\)\n• \*#\d+\* Overdue one · Sales · Website · due Mon 23 Nov 2026$/);
    // The oldest five of the eight open tickets nobody has answered, with how long they have waited.
    expect(waitingPart).toMatch(/^\*Waiting longest for a first response\* \(8\)/);
    expect(waitingPart).toContain('Old ask 0> · Sales · Website · waiting 14d 23h');
    expect(waitingPart).toContain('Old ask 4>');
    expect(waitingPart).toContain('…and 3 more');
    expect(waitingPart).not.toContain('Overdue one');
    expect(progressPart).toContain('Due today');
    // For the helpers, but posted every morning: nobody is @-mentioned (and so notified) by it.
    expect(JSON.stringify(message)).not.toContain('<@');
    expect(JSON.stringify(message)).not.toContain('<!channel>');
  });

  it('speaks DEFAULT_LOCALE: German texts, German dates, no unfilled placeholders and still no names', async () => {
    const db = ctx.deps.db;
    await addTicket(db, { created: local('2026-11-24', 15), title: 'Neues Banner' });
    await addTicket(db, { created: local('2026-11-18'), title: 'Überfällig', dueDate: '2026-11-23', urgency: 'urgent' });
    for (let k = 0; k < 7; k++) await addTicket(db, { created: local('2026-11-10', 9 + k), title: `Alte Frage ${k}` });
    const deps = { ...ctx.deps, config: { ...ctx.deps.config, defaultLocale: 'de' as const } };
    const message = await buildDailyDigest(deps, { now: NOW, since: SINCE });
    const all = JSON.stringify(message);
    expect(message.text).toBe('Heute am Desk: 1 neu, 0 heute fällig, 1 überfällig, 9 warten auf eine erste Antwort, 0 in Arbeit');
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Heute am Desk · Mi. 25. Nov. 2026' } });
    const [newPart, overduePart, waitingPart] = mrkdwnTexts({ blocks: message.blocks });
    expect(newPart).toMatch(/^\*Neu seit <!date\^\d+\^\{date_short_pretty\} um \{time\}\|/);
    expect(overduePart).toMatch(/^\*Überfällig\* \(1\)\n• <[^>]+> · Sales · Website · :red_circle: dringend · fällig Mo\. 23\. Nov\. 2026$/);
    expect(waitingPart).toContain('wartet seit');
    expect(waitingPart).toContain('…und 4 weitere');
    expect(all).toContain('Im Home-Tab steht die ganze Warteschlange.');
    expect(all.replace(/<!date\^[^>]*>/g, '')).not.toMatch(/\{\w+\}/);
    expect(all).not.toMatch(/Today|Overdue|waiting|due /);
    expect(all).not.toContain('<@');
  });

  it('keeps every section within Slack\'s limits however long the titles', async () => {
    for (let k = 0; k < 12; k++) {
      await addTicket(ctx.deps.db, { created: plusMinutes(SINCE, 60 + k), title: `${'&<>'.repeat(30)} ${k}`, team: 'T'.repeat(75), category: 'C'.repeat(75) });
    }
    const { message, sections } = await digest();
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
    expect(sections[0]).toMatch(/…and \d+ more/);
  });
});
