import type { Ticket } from '../../src/core/ticket.js';

/** A new ticket #12 from UALICE, filed by DM on 25 Nov 2026 10:00 UTC; `overrides` change what a test is about. */
export function ticketFixture(overrides: Partial<Ticket> = {}): Ticket {
  const createdAt = new Date('2026-11-25T10:00:00Z');
  return {
    number: 12,
    title: 'Update the pricing page banner',
    details: 'It still says 2025.',
    requesterId: 'UALICE',
    filedById: 'UALICE',
    team: 'Marketing',
    category: 'Web',
    urgency: 'normal',
    dueDate: null,
    status: 'new',
    source: 'dm',
    sourceChannelId: 'DALICE',
    sourceTs: '1764064800.000100',
    sourcePermalink: null,
    inboxOwnerId: null,
    triageChannelId: null,
    triageTs: null,
    createdAt,
    updatedAt: createdAt,
    assigneeId: null,
    minutesSpent: 0,
    firstResponseAt: null,
    closedAt: null,
    ...overrides,
  };
}
