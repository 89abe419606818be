import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWeeklyDigest } from '../../src/app/digest-content.js';
import { collectWeeklyFigures, type WeeklyFigures } from '../../src/app/weekly-figures.js';
import { NOW, REQUESTERS, seedKnownHistory } from '../support/digest-history.js';
import { useCaseDeps } from '../support/use-case.js';

let ctx: Awaited<ReturnType<typeof useCaseDeps>>;
let f: WeeklyFigures;
beforeEach(async () => {
  ctx = await useCaseDeps();
  await seedKnownHistory(ctx.deps.db);
  f = await collectWeeklyFigures(ctx.deps, NOW);
});
afterEach(async () => {
  await ctx.close();
});

describe('the weekly figures on a known history (2026-W48, Europe/Berlin)', () => {
  it('reports the last complete week before now, Monday 00:00 to Monday 00:00 local', () => {
    expect(f.period).toMatchObject({ week: '2026-W48', startDate: '2026-11-23' });
    expect(f.period.start.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(f.period.end.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(f.previousWeek).toBe('2026-W47');
  });

  it('counts received, finished, declined, redirected and still open against last week and the 4-week average', () => {
    // Received 11; the weeks before: 8, 6, 4, 2 (average 5). Tickets on the week's first instant count, the one a
    // millisecond before it and the one at its end do not.
    expect(f.received).toEqual({ current: 11, lastWeek: 8, fourWeekAverage: 5, vsLastWeek: 38, vsAverage: 120 });
    expect(f.finished).toEqual({ current: 3, lastWeek: 2, fourWeekAverage: 3.5, vsLastWeek: 50, vsAverage: -14 });
    expect(f.declined).toEqual({ current: 1, lastWeek: 0, fourWeekAverage: 0, vsLastWeek: null, vsAverage: null });
    expect(f.redirected).toMatchObject({ current: 1, lastWeek: 0 });
    // Open now: W48's 11 and the one filed this week; at the end of W47: the 6 W47 tickets closed later.
    expect(f.stillOpen).toEqual({ current: 12, lastWeek: 6, fourWeekAverage: 1.5, vsLastWeek: 100, vsAverage: 700 });
  });

  it('counts by team with teams under 3 requests folded into "Other teams", and by category', () => {
    expect(f.byTeam.map((t) => [t.label, t.count])).toEqual([
      ['Sales', 5],
      ['Customer Success', 3],
      ['Other teams', 3], // Product 2 + Leadership 1
    ]);
    expect(f.byCategory.map((c) => [c.label, c.count])).toEqual([
      ['Website', 6],
      ['Design', 4],
      ['Other', 1],
    ]);
  });

  it('sums the time recorded in the week by team (folded by tickets worked on) and category', () => {
    expect(f.timeSpent.totalMinutes).toBe(165);
    expect(f.timeSpent.byTeam.map((t) => [t.label, t.minutes])).toEqual([
      ['Sales', 120],
      ['Other teams', 45], // Customer Success worked on 1 ticket only
    ]);
    expect(f.timeSpent.byCategory.map((c) => [c.label, c.minutes])).toEqual([
      ['Website', 90],
      ['Design', 75],
    ]);
  });

  it('takes the medians of first response (tickets created in the week) and time to done (done in the week)', () => {
    expect(f.medianFirstResponseMinutes).toBe(90);
    expect(f.medianTimeToDoneMinutes).toBe(240);
  });

  it('counts how requests arrived: offers by source and how many became tickets, tickets by way in', () => {
    expect(f.arrivals).toEqual({
      offers: { dm: 5, mention: 2 },
      offersFiled: 4,
      tickets: { command: 4, dm: 4, mention: 1, shortcut: 1, reaction: 1 },
    });
  });

  it('suggests the categories with at least 3 requests over the last 4 weeks as guide candidates', () => {
    // Website: W45 4 + W46 6 + W47 6 + W48 6 (W44's 2 are older); IT & tools has 2; "Other" is no topic.
    expect(f.guideCandidates).toEqual([
      { label: 'Website', count: 22 },
      { label: 'Design', count: 4 },
    ]);
  });

  it('charts 8 weeks by team, folding teams with fewer than 3 requests over the 8 weeks', () => {
    expect(f.chart.weeks).toEqual(['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(f.chart.series).toEqual([
      { team: 'Sales', counts: [0, 0, 0, 2, 2, 3, 4, 5] },
      { team: 'Customer Success', counts: [0, 0, 0, 0, 0, 3, 2, 3] },
      { team: 'Product', counts: [0, 0, 0, 0, 2, 0, 0, 2] },
      { team: 'Other teams', counts: [0, 0, 0, 0, 0, 0, 2, 1] }, // People & HR 2, Leadership 1
    ]);
  });
});

describe('the weekly digest message', () => {
  it('says the figures leadership reads first, concretely', async () => {
    const { message, period } = await buildWeeklyDigest(ctx.deps, { now: NOW });
    expect(period).toEqual({ start: f.period.start, end: f.period.end, week: '2026-W48' });
    expect(message.text).toBe(
      'Request Desk, week 2026-W48: 11 requests (+38% vs the week before, +120% vs the 4-week average), 3 finished, 12 still open.',
    );
    const all = JSON.stringify(message.blocks);
    expect(all).toContain('Request Desk · week 48 (23–29 Nov 2026)');
    expect(all).toContain('Sales 5 (45%) · Customer Success 3 (27%) · Other teams 3 (27%)');
    expect(all).toContain('Median first response *1h 30m* · median time to done *4h*');
    expect(all).toContain("2.8 h on other teams' requests — Sales 2 h · Other teams 0.8 h");
    expect(all).toContain('7 asks by DM or @mention got the ticket offer (5 DM, 2 mention); 4 became tickets (57%). 4 straight through `/request`, 1 by the message shortcut');
    expect(all).toContain('*Guide candidates:* Website (22 requests in 4 weeks), Design (4)');
  });

  it("labels the chart's weeks in the desk's language", async () => {
    const { chart } = await buildWeeklyDigest(ctx.deps, { now: NOW });
    expect(chart.weeks).toEqual(['5 Oct', '12 Oct', '19 Oct', '26 Oct', '2 Nov', '9 Nov', '16 Nov', '23 Nov']);
    const german = await buildWeeklyDigest({ ...ctx.deps, config: { ...ctx.deps.config, defaultLocale: 'de' } }, { now: NOW });
    expect(german.chart.weeks.slice(0, 2)).toEqual(['5. Okt.', '12. Okt.']);
    expect(german.chart.title).toMatch(/^Anfragen pro Woche/);
  });

  it('names nobody: no user mention and no requester ID anywhere in the message or the chart', async () => {
    const { message, chart } = await buildWeeklyDigest(ctx.deps, { now: NOW });
    const everything = JSON.stringify({ message, chart });
    expect(everything).not.toMatch(/<@[UW]/);
    expect(everything).not.toMatch(/\bU[A-Z0-9]{6,}\b/);
    for (const id of [...REQUESTERS, 'UHELPER1']) expect(everything).not.toContain(id);
  });

  it('stays within Slack limits: fewer than 50 blocks, sections under 3,000 characters', async () => {
    const { message } = await buildWeeklyDigest(ctx.deps, { now: NOW });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const b of message.blocks) if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
  });
});
