import { describe, expect, it } from 'vitest';
import type { TicketStatus, Urgency } from '../../src/core/ticket.js';
import { availableActions, compareForQueue, isOverdue, parseDuration, transition } from '../../src/core/ticket-workflow.js';

describe('availableActions', () => {
  it.each([
    ['new', ['start', 'done', 'decline', 'redirect', 'reschedule']],
    ['in_progress', ['done', 'decline', 'redirect', 'reschedule']],
    ['done', ['reopen']],
    ['declined', ['reopen']],
    ['redirected', ['reopen']],
  ] as const)('%s → %j', (status, actions) => {
    expect(availableActions(status)).toEqual(actions);
  });
});

describe('transition', () => {
  it.each([
    ['new', null, 'start', 'UH2', { ok: true, to: 'in_progress', assigneeId: 'UH2' }],
    ['in_progress', 'UH1', 'done', 'UH2', { ok: true, to: 'done', assigneeId: 'UH1' }],
    ['new', null, 'done', 'UH2', { ok: true, to: 'done', assigneeId: 'UH2' }],
    ['new', null, 'decline', 'UH1', { ok: true, to: 'declined', assigneeId: 'UH1' }],
    ['in_progress', 'UH1', 'redirect', 'UH2', { ok: true, to: 'redirected', assigneeId: 'UH1' }],
    ['done', 'UH1', 'reopen', 'UH2', { ok: true, to: 'in_progress', assigneeId: 'UH2' }],
    ['in_progress', 'UH1', 'reschedule', 'UH2', { ok: true, to: 'in_progress', assigneeId: 'UH1' }],
    ['in_progress', 'UH1', 'start', 'UH2', { ok: false, reason: 'not_allowed', current: 'in_progress' }],
    ['done', 'UH1', 'done', 'UH1', { ok: false, reason: 'not_allowed', current: 'done' }],
    ['declined', null, 'reschedule', 'UH1', { ok: false, reason: 'not_allowed', current: 'declined' }],
  ] as const)('%s (assignee %s) + %s by %s', (status, assigneeId, action, actor, expected) => {
    expect(transition({ status, assigneeId }, action, actor)).toEqual(expected);
  });
});

describe('isOverdue', () => {
  it.each([
    ['new', '2026-11-24', true],
    ['in_progress', '2026-11-24', true],
    ['new', '2026-11-25', false],
    ['new', null, false],
    ['done', '2026-11-01', false],
  ] as const)('%s due %s → %s on 2026-11-25', (status, dueDate, expected) => {
    expect(isOverdue({ status, dueDate }, '2026-11-25')).toBe(expected);
  });
});

describe('compareForQueue', () => {
  const t = (number: number, urgency: Urgency, dueDate: string | null, created: string, status: TicketStatus = 'new') => ({
    number,
    urgency,
    dueDate,
    status,
    createdAt: new Date(created),
  });
  it('puts overdue first, then urgency, then due date (none last), then age', () => {
    const tickets = [
      t(1, 'low', null, '2026-11-01'),
      t(2, 'normal', '2026-12-10', '2026-11-20'),
      t(3, 'urgent', null, '2026-11-24'),
      t(4, 'low', '2026-11-20', '2026-11-22'), // overdue
      t(5, 'normal', '2026-12-01', '2026-11-23'),
      t(6, 'normal', null, '2026-11-02'),
      t(7, 'normal', null, '2026-11-01'),
      t(8, 'urgent', '2026-11-21', '2026-11-25', 'in_progress'), // overdue and urgent
    ];
    expect(tickets.sort(compareForQueue('2026-11-25')).map((x) => x.number)).toEqual([8, 4, 3, 5, 2, 7, 6, 1]);
  });
});

describe('durations', () => {
  it.each([
    ['45', 45],
    ['45m', 45],
    ['45 min', 45],
    ['2h', 120],
    ['1h 30m', 90],
    ['1h30m', 90],
    ['1.5h', 90],
    ['1,5 h', 90],
    ['2 hours', 120],
    ['0', 0],
    ['', undefined],
    ['soon', undefined],
    ['-5m', undefined],
    ['h', undefined],
  ])('parseDuration(%j) → %j', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });
});
