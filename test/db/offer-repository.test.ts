import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  expireOffers,
  findOffer,
  findOfferHistory,
  forgetOfferTexts,
  insertOffer,
  markOfferDismissed,
  markOfferFiled,
  type NewOffer,
  type Offer,
} from '../../src/db/offer-repository.js';
import { insertTicket } from '../../src/db/ticket-repository.js';
import { at, freshDatabase, newTicket, T0, type FreshDatabase } from './fresh-database.js';

let fresh: FreshDatabase;
beforeEach(async () => {
  fresh = await freshDatabase();
});
afterEach(async () => {
  await fresh.close();
});

let seq = 0;
function newOffer(overrides: Partial<NewOffer> = {}): NewOffer {
  seq += 1;
  return {
    userId: 'UALICE',
    channelId: 'DALICE',
    messageTs: `1764064800.${String(seq).padStart(6, '0')}`,
    threadTs: null,
    source: 'dm',
    text: 'can you fix the banner on the pricing page?',
    createdAt: T0,
    ...overrides,
  };
}

async function offer(overrides: Partial<NewOffer> = {}): Promise<Offer> {
  const o = await insertOffer(fresh.db, newOffer(overrides));
  if (!o) throw new Error('offer not inserted');
  return o;
}

async function ticketNumber(): Promise<number> {
  return (await insertTicket(fresh.db, newTicket({ source: 'dm', sourceChannelId: 'DALICE' }))).number;
}

describe('insertOffer', () => {
  it('stores a pending offer and returns it', async () => {
    const input = newOffer({ threadTs: '1764064700.000001', source: 'mention', channelId: 'C1' });
    const o = await insertOffer(fresh.db, input);
    expect(o).toEqual({
      id: 1,
      userId: 'UALICE',
      channelId: 'C1',
      messageTs: input.messageTs,
      threadTs: '1764064700.000001',
      source: 'mention',
      text: 'can you fix the banner on the pricing page?',
      permalink: null,
      outcome: 'pending',
      ticketNumber: null,
      createdAt: T0,
      resolvedAt: null,
      via: 'bot',
    });
    expect(await findOffer(fresh.db, 1)).toEqual(o);
  });

  it('returns undefined for a second offer on the same message and keeps the first', async () => {
    const first = await offer({ messageTs: '1.000001' });
    expect(await insertOffer(fresh.db, newOffer({ messageTs: '1.000001', text: 'other', createdAt: at(5) }))).toBeUndefined();
    expect(await findOffer(fresh.db, first.id)).toEqual(first);
    const { n } = await fresh.db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
  });

  it('accepts the same ts in another channel', async () => {
    await offer({ channelId: 'D1', messageTs: '1.000001' });
    expect(await insertOffer(fresh.db, newOffer({ channelId: 'D2', messageTs: '1.000001' }))).toBeDefined();
  });
});

describe('findOfferHistory: the latest offer in the conversation', () => {
  it('picks the newest offer to this person in this conversation only', async () => {
    await offer({ channelId: 'D1', createdAt: at(0) });
    const newest = await offer({ channelId: 'D1', createdAt: at(1) });
    await offer({ channelId: 'C2', createdAt: at(2) }); // same person, other conversation
    await offer({ channelId: 'D1', userId: 'UBOB', createdAt: at(3) }); // other person, same conversation
    expect((await findOfferHistory(fresh.db, 'UALICE', 'D1')).lastInConversation?.id).toBe(newest.id);
  });

  it('finds nothing for a conversation without offers', async () => {
    await offer({ channelId: 'D1' });
    expect((await findOfferHistory(fresh.db, 'UALICE', 'D9')).lastInConversation).toBeUndefined();
    expect((await findOfferHistory(fresh.db, 'UBOB', 'D1')).lastInConversation).toBeUndefined();
  });
});

describe('findOfferHistory: the last "Not a request"', () => {
  it('is undefined before any dismissal', async () => {
    await offer();
    expect((await findOfferHistory(fresh.db, 'UALICE', 'D1')).lastDismissedAt).toBeUndefined();
  });

  it('is the latest "Not a request" of this person, anywhere', async () => {
    const a = await offer({ channelId: 'D1' });
    const b = await offer({ channelId: 'C2' });
    const c = await offer({ channelId: 'D1', userId: 'UBOB' });
    await markOfferDismissed(fresh.db, b.id, at(30));
    await markOfferDismissed(fresh.db, a.id, at(10));
    await markOfferDismissed(fresh.db, c.id, at(60)); // someone else
    await offer({ channelId: 'D3', createdAt: at(0) });
    expect(await expireOffers(fresh.db, at(100), at(100))).toBe(1); // an ignored offer is not a dismissal
    const last = (await findOfferHistory(fresh.db, 'UALICE', 'D9')).lastDismissedAt;
    expect(last).toBeInstanceOf(Date);
    expect(last?.getTime()).toBe(at(30).getTime());
  });
});

describe('markOfferDismissed', () => {
  it('marks a pending offer as not a request and forgets its text', async () => {
    const o = await offer();
    expect(await markOfferDismissed(fresh.db, o.id, at(5))).toBe(true);
    expect(await findOffer(fresh.db, o.id)).toMatchObject({ outcome: 'not_a_request', text: null, resolvedAt: at(5) });
  });

  it('works on an ignored offer too (the button still works)', async () => {
    const o = await offer({ createdAt: at(0) });
    await expireOffers(fresh.db, at(60), at(60));
    expect(await markOfferDismissed(fresh.db, o.id, at(90))).toBe(true);
    expect(await findOffer(fresh.db, o.id)).toMatchObject({ outcome: 'not_a_request', text: null, resolvedAt: at(90) });
  });

  it('returns false once the offer was filed and leaves it filed', async () => {
    const o = await offer();
    const number = await ticketNumber();
    await markOfferFiled(fresh.db, o.id, number, at(3));
    expect(await markOfferDismissed(fresh.db, o.id, at(5))).toBe(false);
    expect(await findOffer(fresh.db, o.id)).toMatchObject({ outcome: 'ticket_filed', ticketNumber: number, resolvedAt: at(3) });
  });

  it('returns false for an unknown offer', async () => {
    expect(await markOfferDismissed(fresh.db, 42, at(5))).toBe(false);
  });

  it('a second dismissal changes nothing', async () => {
    const o = await offer();
    await markOfferDismissed(fresh.db, o.id, at(5));
    expect(await markOfferDismissed(fresh.db, o.id, at(9))).toBe(false);
    expect((await findOffer(fresh.db, o.id))?.resolvedAt).toEqual(at(5));
  });
});

describe('markOfferFiled', () => {
  it('records the ticket number and clears the text', async () => {
    const o = await offer();
    const number = await ticketNumber();
    await markOfferFiled(fresh.db, o.id, number, at(2));
    expect(await findOffer(fresh.db, o.id)).toMatchObject({ outcome: 'ticket_filed', ticketNumber: number, text: null, resolvedAt: at(2) });
  });

  it('refuses a ticket number that does not exist', async () => {
    const o = await offer();
    await expect(markOfferFiled(fresh.db, o.id, 99, at(2))).rejects.toThrow(/FOREIGN KEY/);
    expect(await findOffer(fresh.db, o.id)).toMatchObject({ outcome: 'pending', ticketNumber: null });
  });
});

describe('expireOffers', () => {
  it('marks only pending offers older than the cutoff as ignored, keeping their text', async () => {
    const oldPending = await offer({ createdAt: at(-120) });
    const oldDismissed = await offer({ createdAt: at(-120) });
    const oldFiled = await offer({ createdAt: at(-120) });
    const atCutoff = await offer({ createdAt: at(-60) });
    const recent = await offer({ createdAt: at(-5) });
    await markOfferDismissed(fresh.db, oldDismissed.id, at(-100));
    await markOfferFiled(fresh.db, oldFiled.id, await ticketNumber(), at(-100));

    expect(await expireOffers(fresh.db, at(-60), T0)).toBe(1);

    expect(await findOffer(fresh.db, oldPending.id)).toMatchObject({
      outcome: 'ignored',
      resolvedAt: T0,
      text: 'can you fix the banner on the pricing page?',
    });
    expect(await findOffer(fresh.db, oldDismissed.id)).toMatchObject({ outcome: 'not_a_request', resolvedAt: at(-100) });
    expect(await findOffer(fresh.db, oldFiled.id)).toMatchObject({ outcome: 'ticket_filed', resolvedAt: at(-100) });
    expect(await findOffer(fresh.db, atCutoff.id)).toMatchObject({ outcome: 'pending', resolvedAt: null });
    expect(await findOffer(fresh.db, recent.id)).toMatchObject({ outcome: 'pending', resolvedAt: null });
  });

  it('does not touch offers already ignored', async () => {
    const o = await offer({ createdAt: at(-120) });
    expect(await expireOffers(fresh.db, at(-60), at(0))).toBe(1);
    expect(await expireOffers(fresh.db, at(-60), at(10))).toBe(0);
    expect((await findOffer(fresh.db, o.id))?.resolvedAt).toEqual(at(0));
  });
});

describe('forgetOfferTexts', () => {
  it('forgets the text of older asks and keeps recent ones', async () => {
    const oldPending = await offer({ createdAt: at(-3000) });
    const oldIgnored = await offer({ createdAt: at(-3000) });
    const recent = await offer({ createdAt: at(-10) });
    await expireOffers(fresh.db, at(-2000), at(-2000));
    await markOfferDismissed(fresh.db, (await offer({ createdAt: at(-3000) })).id, at(-2900)); // text already gone

    expect(await forgetOfferTexts(fresh.db, at(-1440))).toBe(2);
    expect((await findOffer(fresh.db, oldPending.id))?.text).toBeNull();
    expect(await findOffer(fresh.db, oldIgnored.id)).toMatchObject({ text: null, outcome: 'ignored' });
    expect((await findOffer(fresh.db, recent.id))?.text).toBe('can you fix the banner on the pricing page?');
    expect(await forgetOfferTexts(fresh.db, at(-1440))).toBe(0);
  });
});
