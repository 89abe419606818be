import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFocusUntil } from '../../src/db/helper-settings-repository.js';
import { insertTicket } from '../../src/db/ticket-repository.js';
import { ACTION_IDS, CALLBACK_IDS, TICKET_ACTION_IDS } from '../../src/slack/ids.js';
import { encodeTicketButton } from '../../src/slack/views/ticket-actions.js';
import { lastOpenedView, submitForm, VALID_FORM } from '../support/flows.js';
import { HELPER, startHarness, type Harness } from '../support/harness.js';
import { envelope, homeButtonClick, homeOpenedEvent } from '../support/payloads.js';
import { newTicket } from '../db/fresh-database.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string }[] };

const publishesTo = (user: string) => h.fake.callsTo('views.publish').filter((c) => c.args.user_id === user);
function lastHome(user: string): { type: string; blocks: Block[] } {
  const call = publishesTo(user).at(-1);
  if (!call) throw new Error(`no views.publish for ${user}`);
  return call.args.view as { type: string; blocks: Block[] };
}
const homeText = (user: string) => JSON.stringify(lastHome(user));
/** Ticket numbers listed on a person's Home, in order. */
const listed = (user: string) =>
  lastHome(user)
    .blocks.map((b) => /^\*#(\d+)\*/.exec(b.type === 'section' ? (b.text?.text ?? '') : '')?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
const buttonsOn = (user: string) => lastHome(user).blocks.flatMap((b) => b.elements ?? []);

async function openHome(user: string, tab: 'home' | 'messages' = 'home') {
  const res = await h.sender.event(envelope(homeOpenedEvent({ user, tab })));
  expect(res.status).toBe(200);
  await h.desk.settled();
}

async function clickOnHome(user: string, actionId: string, value: string) {
  const res = await h.sender.interaction(homeButtonClick({ user, actionId, value }));
  expect(res.status).toBe(200);
  expect(res.ackMs).toBeLessThan(3000);
  await h.desk.settled();
}

async function seedOpenTickets(count: number, requesterId = 'UALICE') {
  for (let i = 1; i <= count; i++) {
    await insertTicket(
      h.desk.db,
      newTicket({ title: `Seeded ${i}`, category: 'Website', requesterId, filedById: requesterId, createdAt: new Date(Date.UTC(2026, 10, 1, 9, i)) }),
    );
  }
}

describe('opening the Home tab', () => {
  it('shows a requester with no tickets a New request button and how to ask', async () => {
    await openHome('UALICE');
    expect(publishesTo('UALICE')).toHaveLength(1);
    expect(lastHome('UALICE').type).toBe('home');
    expect(buttonsOn('UALICE')).toEqual([expect.objectContaining({ action_id: ACTION_IDS.homeNewRequest })]);
    expect(homeText('UALICE')).toContain('Nothing here yet');
  });

  it('shows a requester their own tickets and nobody else’s', async () => {
    await submitForm(h, 'UALICE', { ...VALID_FORM, title: 'Alice banner' });
    await submitForm(h, 'UBOB', { ...VALID_FORM, title: 'Bob slides' });
    await openHome('UALICE');
    expect(homeText('UALICE')).toContain('*#1* Alice banner');
    expect(homeText('UALICE')).not.toContain('Bob slides');
    expect(buttonsOn('UALICE').map((b) => b.action_id)).toEqual([ACTION_IDS.homeNewRequest]);
  });

  it('shows a helper the queue with counts and each ticket’s buttons', async () => {
    await submitForm(h, 'UALICE', { ...VALID_FORM, title: 'Fix the banner', urgency: 'urgent' });
    const before = publishesTo(HELPER).length;
    await openHome(HELPER);
    expect(publishesTo(HELPER)).toHaveLength(before + 1);
    expect(homeText(HELPER)).toContain('*#1* Fix the banner\\n<@UALICE> · Sales · Website · :red_circle: Urgent');
    expect(homeText(HELPER)).toContain('*New*\\n1');
    expect(buttonsOn(HELPER)).toContainEqual(expect.objectContaining({ action_id: TICKET_ACTION_IDS.start, value: encodeTicketButton({ n: 1, s: 'new' }) }));
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    await openHome('UALICE', 'messages');
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  });
});

describe('buttons on the Home tab', () => {
  it('Start changes the ticket and refreshes the helper’s and the requester’s Home', async () => {
    await submitForm(h, 'UALICE', VALID_FORM);
    const [alice, helper] = [publishesTo('UALICE').length, publishesTo(HELPER).length];
    await clickOnHome(HELPER, TICKET_ACTION_IDS.start, encodeTicketButton({ n: 1, s: 'new' }));
    expect(await h.desk.db.selectFrom('tickets').select(['status', 'assignee_id']).executeTakeFirst()).toEqual({ status: 'in_progress', assignee_id: HELPER });
    expect(publishesTo(HELPER)).toHaveLength(helper + 1);
    expect(publishesTo('UALICE')).toHaveLength(alice + 1);
    expect(homeText(HELPER)).toContain(`*In progress* · <@${HELPER}>`);
    expect(buttonsOn(HELPER)).toContainEqual(expect.objectContaining({ action_id: TICKET_ACTION_IDS.done, value: encodeTicketButton({ n: 1, s: 'in_progress' }) }));
    expect(homeText('UALICE')).toContain(`<@${HELPER}> is on it`);
    expect(h.fake.callsTo('response_url')).toHaveLength(0);
  });

  it('tells a non-helper by DM why nothing changed (there is no response_url on the Home tab)', async () => {
    await submitForm(h, 'UALICE', VALID_FORM);
    await clickOnHome('UMALLORY', TICKET_ACTION_IDS.start, encodeTicketButton({ n: 1, s: 'new' }));
    expect(await h.desk.db.selectFrom('tickets').select('status').executeTakeFirst()).toEqual({ status: 'new' });
    const [dm] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'UMALLORY');
    expect(String(dm!.args.text)).toMatch(/Only the helpers/);
  });

  it('Next publishes page 2 of the queue, and Previous goes back', async () => {
    await seedOpenTickets(25);
    await openHome(HELPER);
    expect(listed(HELPER)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const next = buttonsOn(HELPER).find((b) => b.action_id === ACTION_IDS.homePage);
    expect(next?.value).toBe('1');
    await clickOnHome(HELPER, ACTION_IDS.homePage, next!.value!);
    expect(homeText(HELPER)).toContain('Page 2 of 2');
    expect(listed(HELPER)).toEqual([21, 22, 23, 24, 25]);
    await clickOnHome(HELPER, ACTION_IDS.homePagePrevious, '0');
    expect(listed(HELPER)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('publishes the page asked for even while a refresh is waiting to be sent', async () => {
    await seedOpenTickets(25);
    h.fake.reply('views.publish', { delayMs: 400 });
    await h.sender.event(envelope(homeOpenedEvent({ user: HELPER })));
    await h.fake.waitFor((c) => c.method === 'views.publish');
    // The first refresh is being sent; this one waits behind it.
    await h.sender.event(envelope(homeOpenedEvent({ user: HELPER })));
    await clickOnHome(HELPER, ACTION_IDS.homePage, '1');
    expect(homeText(HELPER)).toContain('Page 2 of 2');
    expect(listed(HELPER)).toEqual([21, 22, 23, 24, 25]);
  });

  it('New request opens the ticket form', async () => {
    const click = homeButtonClick({ user: 'UALICE', actionId: ACTION_IDS.homeNewRequest, value: 'new' });
    const res = await h.sender.interaction(click);
    expect(res.status).toBe(200);
    await h.desk.settled();
    const { view, call } = lastOpenedView(h);
    expect(call.args.trigger_id).toBe(click.trigger_id);
    expect(view.callback_id).toBe(CALLBACK_IDS.ticketForm);
  });

  it('New request tells the person by DM when Slack does not open the form', async () => {
    h.fake.reply('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    await clickOnHome('UALICE', ACTION_IDS.homeNewRequest, 'new');
    const [dm] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'UALICE');
    expect(String(dm!.args.text)).toMatch(/didn't open the form/);
  });
});

describe('refreshing after changes', () => {
  it('a new ticket refreshes the requester’s Home and every helper’s', async () => {
    await h.stop();
    h = await startHarness({ env: { HELPER_USER_IDS: `${HELPER},UHELPER2` } });
    await submitForm(h, 'UALICE', { ...VALID_FORM, title: 'Fix the banner' });
    expect(publishesTo('UALICE')).toHaveLength(1);
    expect(homeText('UALICE')).toContain('*#1* Fix the banner');
    for (const helper of [HELPER, 'UHELPER2']) {
      expect(publishesTo(helper)).toHaveLength(1);
      expect(listed(helper)).toEqual([1]);
    }
  });
});

describe('Focus mode', () => {
  /** The helper picks a length from "Focus until…" on their Home (a static_select, not a button). */
  async function pickFocus(user: string, value: string) {
    const click = homeButtonClick({ user, actionId: ACTION_IDS.focusStart, value });
    const { value: _button, type: _type, ...action } = click.actions[0]!;
    const res = await h.sender.interaction({
      ...click,
      actions: [{ ...action, type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } }],
    });
    expect(res.status).toBe(200);
    expect(res.ackMs).toBeLessThan(3000);
    await h.desk.settled();
  }
  const focusBlock = (user: string) => lastHome(user).blocks[1] as Block & { accessory?: { type: string; action_id: string } };

  it('a helper switches it on until a time, and off again with End focus', async () => {
    await openHome(HELPER);
    expect(focusBlock(HELPER).text?.text).toContain('*Focus mode* is off');
    expect(focusBlock(HELPER).accessory).toMatchObject({ type: 'static_select', action_id: ACTION_IDS.focusStart });

    const before = publishesTo(HELPER).length;
    await pickFocus(HELPER, '2h');
    // 10:00 UTC + 2 hours, worked out on the server.
    expect(await findFocusUntil(h.desk.db, HELPER)).toEqual(new Date('2026-11-25T12:00:00Z'));
    expect(publishesTo(HELPER)).toHaveLength(before + 1);
    expect(focusBlock(HELPER).text?.text).toContain(`*Focus mode is on* until <!date^${Date.parse('2026-11-25T12:00:00Z') / 1000}^`);
    expect(focusBlock(HELPER).accessory).toMatchObject({ type: 'button', action_id: ACTION_IDS.focusEnd });

    await clickOnHome(HELPER, ACTION_IDS.focusEnd, 'end');
    expect(await findFocusUntil(h.desk.db, HELPER)).toBeUndefined();
    expect(focusBlock(HELPER).text?.text).toContain('*Focus mode* is off');
  });

  it('shows as off once the time has passed', async () => {
    await pickFocus(HELPER, '1h');
    h.clock.advance(61 * 60 * 1000);
    await openHome(HELPER);
    expect(focusBlock(HELPER).text?.text).toContain('*Focus mode* is off');
  });

  it('a non-helper cannot switch it on, and an unknown length is ignored', async () => {
    await pickFocus('UMALLORY', '4h');
    expect(await findFocusUntil(h.desk.db, 'UMALLORY')).toBeUndefined();
    expect(publishesTo('UMALLORY')).toHaveLength(0);
    expect(h.logs).toContainEqual(expect.objectContaining({ userId: 'UMALLORY', msg: 'Focus mode change refused: not a helper' }));

    await pickFocus(HELPER, '99y');
    expect(await findFocusUntil(h.desk.db, HELPER)).toBeUndefined();
  });
});

describe('the Home in the viewer’s language', () => {
  it('a German helper gets a German Home; the others stay in English', async () => {
    h.fake.setLocale(HELPER, 'de-DE');
    await openHome(HELPER);
    await openHome('UALICE');
    expect(homeText(HELPER)).toContain('Warteschlange (0 offen)');
    expect(homeText(HELPER)).toContain('*Fokusmodus* ist aus');
    expect(homeText(HELPER)).not.toContain('Queue (');
    expect(homeText('UALICE')).toContain('Nothing here yet');
  });
});
