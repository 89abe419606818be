import { expect } from 'vitest';
import { ACTION_IDS } from '../../src/slack/ids.js';
import type { RecordedCall } from './fake-slack.js';
import type { Harness } from './harness.js';
import { buttonClick, dmEvent, envelope, formSubmission, type FormInput } from './payloads.js';

/** The offer message the bot posted (or posted ephemerally), with the offer id from its buttons. */
export interface PostedOffer {
  call: RecordedCall;
  offerId: string;
  channel: string;
  /** ts of the offer message, as Slack assigned it (DMs only). */
  ts: string | undefined;
}

/** Collects every string in a JSON value (to search messages for text). */
export function allText(value: unknown): string {
  return JSON.stringify(value);
}

/** Every mrkdwn text in a message (blocks, nested), plus its `text` fallback: the places Slack parses markup. */
export function mrkdwnTexts(args: Record<string, unknown>): string[] {
  const out = typeof args.text === 'string' ? [args.text] : [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(args.blocks);
  return out;
}

/** Finds the offer id in a message's buttons. */
export function offerIdOf(call: RecordedCall): string | undefined {
  const blocks = (call.args.blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[];
  for (const b of blocks) {
    const create = b.elements?.find((e) => e.action_id === ACTION_IDS.createTicketFromOffer);
    if (create?.value) return create.value;
  }
  return undefined;
}

/** True when the fake Slack accepted the call (answered ok: true). */
export function accepted(call: RecordedCall): boolean {
  return (call.response as { ok?: boolean } | undefined)?.ok === true;
}

/** Offers Slack accepted (posted or ephemeral), optionally in one channel. */
export function offerCalls(h: Harness, channel?: string): RecordedCall[] {
  return h.fake.calls.filter(
    (c) =>
      (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') &&
      accepted(c) &&
      offerIdOf(c) !== undefined &&
      (channel === undefined || c.args.channel === channel),
  );
}

/** Sends a DM from `user` and waits until the desk has finished handling it (listeners and outbox). */
export async function sendDm(h: Harness, user: string, text: string, extra: Record<string, unknown> = {}) {
  const event = dmEvent({ user, text, ...extra });
  const res = await h.sender.event(envelope(event));
  expect(res.status).toBe(200);
  await h.desk.settled();
  return event;
}

/** Sends a DM and returns the offer it got. */
export async function dmAndGetOffer(h: Harness, user: string, text: string): Promise<PostedOffer> {
  const event = await sendDm(h, user, text);
  const [call] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === event.channel && offerIdOf(c) !== undefined);
  const offerId = offerIdOf(call!)!;
  return { call: call!, offerId, channel: event.channel, ts: (call!.response as { ts?: string }).ts };
}

/** Presses a button on an offer message and waits for the desk to finish. */
export async function pressOfferButton(
  h: Harness,
  user: string,
  offer: PostedOffer,
  actionId: string = ACTION_IDS.createTicketFromOffer,
  opts: { ephemeral?: boolean; responseUrl?: string } = {},
) {
  const res = await h.sender.interaction(
    buttonClick({
      user,
      actionId,
      value: offer.offerId,
      channel: offer.channel,
      messageTs: offer.ts ?? '0',
      ephemeral: opts.ephemeral,
      responseUrl: opts.responseUrl ?? h.fake.responseUrl(`click-${offer.offerId}`),
    }),
  );
  expect(res.status).toBe(200);
  await h.desk.settled();
  return res;
}

/** The last modal the desk opened. */
export function lastOpenedView(h: Harness): { view: Record<string, any>; call: RecordedCall } {
  const calls = h.fake.callsTo('views.open');
  const call = calls.at(-1);
  if (!call) throw new Error('no views.open call');
  return { view: call.args.view as Record<string, any>, call };
}

/** Submits the ticket form with the given fields (and the private_metadata of the opened view). */
export async function submitForm(h: Harness, user: string, form: FormInput, privateMetadata?: string) {
  const res = await h.sender.interaction(formSubmission({ user, form, privateMetadata }));
  await h.desk.settled();
  return res;
}

/** A valid form. */
export const VALID_FORM: FormInput = { title: 'Fix the pricing banner', details: 'It is broken', category: 'Website', team: 'Sales', urgency: 'normal' };

/** DM → offer → Create ticket → submit: files a ticket the way a person does. Returns the ticket number. */
export async function fileTicketByDm(h: Harness, user: string, text: string, form: FormInput = VALID_FORM): Promise<number> {
  const offer = await dmAndGetOffer(h, user, text);
  await pressOfferButton(h, user, offer);
  const { view } = lastOpenedView(h);
  const res = await submitForm(h, user, form, view.private_metadata);
  expect(res.status).toBe(200);
  const row = await h.desk.db.selectFrom('tickets').select('number').orderBy('number', 'desc').executeTakeFirstOrThrow();
  return row.number;
}
