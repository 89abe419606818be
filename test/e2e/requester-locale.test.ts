import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACK_IDS } from '../../src/slack/ids.js';
import { dmAndGetOffer, lastOpenedView, mrkdwnTexts, offerCalls, pressOfferButton, submitForm, VALID_FORM } from '../support/flows.js';
import { startHarness, TRIAGE_CHANNEL, type Harness } from '../support/harness.js';
import { envelope, mentionEvent } from '../support/payloads.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const usersInfoFor = (user: string) => h.fake.callsTo('users.info').filter((c) => c.args.user === user);

describe('a requester whose Slack is in German', () => {
  it('gets the offer, the form and "#N received" in German, while the triage card stays in the desk language', async () => {
    h.fake.setLocale('UALICE', 'de-DE');

    const offer = await dmAndGetOffer(h, 'UALICE', 'kannst du das Banner auf der Preisseite reparieren?');
    const offerText = mrkdwnTexts(offer.call.args).join('\n');
    expect(offerText).toContain('Helfe gern!');
    expect(offerText).not.toMatch(/Happy to help/);
    expect(JSON.stringify(offer.call.args.blocks)).toContain('Ticket erstellen');

    // A second ask, in a channel: another offer in German, and Slack is not asked about the language again.
    await h.sender.event(envelope(mentionEvent({ user: 'UALICE', text: '<@UBOT> kann jemand die Webinar-Seite aktualisieren?', channel: 'C0SALES' })));
    await h.desk.settled();
    const mentionOffer = offerCalls(h).find((c) => c.method === 'chat.postEphemeral');
    expect(mentionOffer?.args.text).toMatch(/^Helfe gern!/);
    expect(usersInfoFor('UALICE')).toHaveLength(1);

    await pressOfferButton(h, 'UALICE', offer);
    const { view } = lastOpenedView(h);
    expect(view.callback_id).toBe(CALLBACK_IDS.ticketForm);
    expect(view.title.text).toBe('Neues Ticket');
    expect(view.submit.text).toBe('Erstellen');
    await submitForm(h, 'UALICE', { ...VALID_FORM, urgency: 'urgent' }, view.private_metadata);

    const received = h.fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === 'UALICE');
    expect(received?.args.text).toBe('#1 ist angekommen — Fix the pricing banner');
    const receivedText = mrkdwnTexts(received!.args).join('\n');
    expect(receivedText).toContain('Dringend');
    expect(receivedText).toContain('Wie es weitergeht');
    expect(receivedText).not.toMatch(/\{\w+\}/);

    const card = h.fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL);
    expect(card?.args.text).toBe('New ticket #1: Fix the pricing banner');
    const cardText = JSON.stringify(card?.args.blocks);
    for (const english of ['*Requester*', '*Urgency*', 'Urgent', 'A DM to Request Desk']) expect(cardText).toContain(english);
    expect(cardText).not.toMatch(/Dringend|Angefragt/);

    // The offer turns into "that's ticket #1", in German too.
    const update = h.fake.calls.find((c) => c.method === 'chat.update' && c.args.ts === offer.ts);
    expect(update?.args.text).toBe('Danke! Das ist jetzt Ticket #1 — ich halte dich hier auf dem Laufenden.');
    expect(usersInfoFor('UALICE')).toHaveLength(1);
  });

  it('leaves everyone else in the default language', async () => {
    h.fake.setLocale('UALICE', 'de-DE');
    const offer = await dmAndGetOffer(h, 'UBOB', 'could you fix the banner on the pricing page?');
    expect(offer.call.args.text).toMatch(/^Happy to help/);
  });
});
