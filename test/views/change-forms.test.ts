import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/core/ticket.js';
import { CALLBACK_IDS, CHANGE_BLOCK_IDS } from '../../src/slack/ids.js';
import { LIMITS } from '../../src/slack/views/blocks.js';
import { buildChangeForm, FORM_ACTIONS } from '../../src/slack/views/change-forms.js';
import { buildTicketActions } from '../../src/slack/views/ticket-actions.js';
import { buildTicketUpdateMessage } from '../../src/slack/views/ticket-updates.js';
import { ticketFixture } from '../support/ticket-fixture.js';
import { walkBlocks } from './walk-blocks.js';

const T0 = new Date('2026-11-25T10:00:00Z');
const ticket = (o: Partial<Ticket> = {}): Ticket =>
  ticketFixture({
    number: 7,
    title: '<!channel> new <b>logo</b> & more',
    details: '',
    team: 'Sales',
    category: 'Design',
    dueDate: '2026-12-01',
    status: 'in_progress',
    sourceChannelId: null,
    sourceTs: null,
    createdAt: T0,
    updatedAt: T0,
    assigneeId: 'UHELPER1',
    ...o,
  });

const blockIds = (view: { blocks: { block_id?: string }[] }) => view.blocks.map((b) => b.block_id).filter(Boolean);

describe('buildChangeForm', () => {
  it.each([
    ['done', [CHANGE_BLOCK_IDS.note, CHANGE_BLOCK_IDS.minutes, CHANGE_BLOCK_IDS.link]],
    ['decline', [CHANGE_BLOCK_IDS.note, CHANGE_BLOCK_IDS.link, CHANGE_BLOCK_IDS.person]],
    ['redirect', [CHANGE_BLOCK_IDS.person, CHANGE_BLOCK_IDS.team, CHANGE_BLOCK_IDS.note]],
    ['reschedule', [CHANGE_BLOCK_IDS.dueDate, CHANGE_BLOCK_IDS.urgency]],
  ] as const)('%s asks for %j and remembers the ticket and the state it was opened in', (action, ids) => {
    const view = buildChangeForm(action, ticket(), 'en');
    expect(view.callback_id).toBe(CALLBACK_IDS[`${action}Form`]);
    expect(blockIds(view)).toEqual(ids);
    expect(JSON.parse(view.private_metadata!)).toEqual({ n: 7, s: 'in_progress' });
    expect(view.title.text.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    for (const m of walkBlocks(view.blocks).mrkdwn) expect(m.text).not.toMatch(/<!channel>|<b>/);
  });

  it('prefills the current due date and urgency when rescheduling', () => {
    const view = buildChangeForm('reschedule', ticket({ urgency: 'urgent' }), 'en');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('"initial_date":"2026-12-01"');
    expect(json).toMatch(/"initial_option":\{"text":\{"type":"plain_text","text":"Urgent"/);
  });

  it('has a form for every action that needs one', () => {
    expect(FORM_ACTIONS).toEqual(['done', 'decline', 'redirect', 'reschedule']);
  });
});

describe('buildTicketActions', () => {
  it('carries the ticket and the state seen, one button per available action', () => {
    const block = buildTicketActions({ number: 7, status: 'done' }, 'en');
    expect(block.elements).toMatchObject([{ action_id: 'ticket_reopen', value: '{"n":7,"s":"done"}' }]);
  });
});

describe('buildTicketUpdateMessage', () => {
  const update = { actorId: 'UHELPER1', previousDueDate: '2026-12-01' } as const;

  it('escapes the note and quotes it', () => {
    const msg = buildTicketUpdateMessage(ticket({ status: 'done' }), { ...update, action: 'done', note: 'shipped <!here>\nsee <https://x|y>' }, 'en')!;
    const text = walkBlocks(msg.blocks).mrkdwn.map((m) => m.text).join('\n');
    expect(text).toContain('> shipped &lt;!here&gt;\n> see &lt;https://x|y&gt;');
    expect(text).toContain('*#7* &lt;!channel&gt; new &lt;b&gt;logo&lt;/b&gt; &amp; more is done');
    expect(msg.text).toBe('#7 is done');
  });

  it('only links http(s) URLs', () => {
    const msg = buildTicketUpdateMessage(ticket({ status: 'done' }), { ...update, action: 'done', link: 'javascript:alert(1)' }, 'en')!;
    expect(JSON.stringify(msg.blocks)).not.toContain('javascript:');
  });

  it('says nothing when a reschedule keeps the due date', () => {
    expect(buildTicketUpdateMessage(ticket(), { ...update, action: 'reschedule' }, 'en')).toBeUndefined();
    expect(buildTicketUpdateMessage(ticket({ dueDate: null }), { ...update, action: 'reschedule' }, 'en')?.text).toBe('#7 has a new due date');
  });
});
