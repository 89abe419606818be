import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderHome } from '../../src/app/render-home.js';
import { changeTicket, insertTicket } from '../../src/db/ticket-repository.js';
import type { TicketStatus } from '../../src/core/ticket.js';
import { newTicket } from '../db/fresh-database.js';
import { HELPER } from '../support/harness.js';
import { useCaseDeps } from '../support/use-case.js';

type Setup = Awaited<ReturnType<typeof useCaseDeps>>;
let s: Setup;
beforeEach(async () => {
  s = await useCaseDeps();
});
afterEach(async () => {
  await s.close();
});

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (d: number) => new Date(s.clock.now().getTime() - d * DAY);

async function file(title: string, overrides: Parameters<typeof newTicket>[0] = {}) {
  return insertTicket(s.deps.db, newTicket({ title, createdAt: daysAgo(30), ...overrides }));
}

async function close(number: number, status: TicketStatus, by: string, when: Date) {
  await changeTicket(s.deps.db, number, 'new', { status, assigneeId: by, dueDate: null, urgency: 'normal', minutesAdded: 30, at: when });
}

const text = (view: unknown) => JSON.stringify(view);

describe('renderHome', () => {
  it('counts for helpers only the tickets done in the last 7 days, and lists what this helper finished', async () => {
    const recent = await file('Recent done');
    const old = await file('Old done');
    const declined = await file('Recently declined');
    const someoneElses = await file('Done by another helper');
    await file('Still open, overdue', { dueDate: '2026-11-20' });
    await close(recent.number, 'done', HELPER, daysAgo(2));
    await close(old.number, 'done', HELPER, daysAgo(8));
    await close(declined.number, 'declined', HELPER, daysAgo(1));
    await close(someoneElses.number, 'done', 'UOTHER', daysAgo(1));

    const view = await renderHome(s.deps, HELPER, 0);
    const fields = view.blocks.flatMap((b) => ('fields' in b && b.fields ? b.fields.map((f) => f.text) : []));
    expect(fields).toEqual(['*New*\n1', '*In progress*\n0', '*Overdue*\n:warning: 1', '*Done in the last 7 days*\n2']);
    expect(text(view)).toContain('Still open, overdue');
    for (const mine of ['Recent done', 'Old done', 'Recently declined']) expect(text(view)).toContain(mine);
    expect(text(view)).not.toContain('Done by another helper');
  });

  it('gives everyone else their own tickets only, without the queue', async () => {
    await file('Alice banner', { requesterId: 'UALICE' });
    await file('Bob slides', { requesterId: 'UBOB' });
    const view = await renderHome(s.deps, 'UALICE', 0);
    expect(text(view)).toContain('Alice banner');
    expect(text(view)).not.toContain('Bob slides');
    expect(text(view)).not.toContain('Request queue');
  });

  it('shows the last page of the queue when asked for a page past the end', async () => {
    for (let i = 0; i < 25; i++) await file(`Ticket ${i}`);
    expect(text(await renderHome(s.deps, HELPER, 7))).toContain('Page 2 of 2');
  });
});
