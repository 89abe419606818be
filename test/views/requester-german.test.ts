import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/core/ticket.js';
import type { Locale } from '../../src/i18n/locale.js';
import type { SlackMessage } from '../../src/slack/views/blocks.js';
import { buildRefusalMessage } from '../../src/slack/views/change-refusal.js';
import { buildFiledForYouMessage } from '../../src/slack/views/filed-for-you.js';
import { buildMyTicketsMessage } from '../../src/slack/views/my-tickets.js';
import { buildOfferFiledMessage, buildOfferMessage } from '../../src/slack/views/offer-message.js';
import { buildTicketDetailMessage } from '../../src/slack/views/ticket-detail.js';
import { buildTicketForm } from '../../src/slack/views/ticket-form.js';
import { buildTicketReceivedMessage, buildTriageCard } from '../../src/slack/views/ticket-messages.js';
import { buildTicketUpdateMessage } from '../../src/slack/views/ticket-updates.js';
import { ticketFixture } from '../support/ticket-fixture.js';
import { walkBlocks } from './walk-blocks.js';

const AT = new Date('2026-11-25T10:00:00Z');
const TODAY = '2026-11-25';

// The title has braces of its own: they must come through untouched.
const ticket = (overrides: Partial<Ticket> = {}): Ticket =>
  ticketFixture({
    title: 'Banner {neu} auf der Preisseite',
    details: 'Da steht noch 2025.',
    team: 'Vertrieb',
    category: 'Website',
    urgency: 'urgent',
    dueDate: '2026-11-28',
    status: 'in_progress',
    assigneeId: 'UHELPER1',
    minutesSpent: 90,
    ...overrides,
  });

/** Every text a person reads in a message: the fallback, mrkdwn and plain text, Slack date tokens taken out. */
function textsOf(message: SlackMessage): string {
  const { mrkdwn, plainText } = walkBlocks(message.blocks);
  return [message.text, ...mrkdwn.map((m) => m.text), ...plainText.map((p) => p.text)].join('\n').replace(/<!date\^[^>]*>/g, '<date>');
}

// Nothing but the title's own braces may look like a placeholder.
const leftoverPlaceholders = (text: string) => text.replaceAll('Banner {neu} auf der Preisseite', '').match(/\{\w+\}/g) ?? [];

const BUILDERS: [string, (locale: Locale) => SlackMessage, RegExp][] = [
  ['the offer', (l) => buildOfferMessage({ offerId: 1, audience: 'requester', locale: l }), /Helfe gern! :ticket:\n.*\*Erstellen\*/s],
  ['the offer, once filed', (l) => buildOfferFiledMessage(12, l), /Das ist jetzt Ticket \*#12\*/],
  ['"#N received"', (l) => buildTicketReceivedMessage(ticket(), l), /\*#12 ist angekommen\* — Banner \{neu\} .*Dringend · fällig am Sa\. 28\. Nov\. 2026/s],
  ['"filed for you"', (l) => buildFiledForYouMessage(ticket({ filedById: 'UHELPER1' }), l), /<@UHELPER1> hat aus deiner Nachricht \*#12\* für dich angelegt/],
  [
    'the status change to in progress',
    (l) => buildTicketUpdateMessage(ticket(), { action: 'start', actorId: 'UHELPER1', previousDueDate: null }, l)!,
    /<@UHELPER1> hat mit \*#12\* Banner \{neu\} auf der Preisseite angefangen\. Ich melde mich/,
  ],
  [
    'the redirect',
    (l) => buildTicketUpdateMessage(ticket(), { action: 'redirect', actorId: 'UHELPER1', personId: 'UBOB', team: 'IT', previousDueDate: null }, l)!,
    /woanders besser aufgehoben: Frag am besten <@UBOB> oder das Team IT\./,
  ],
  [
    'the new due date',
    (l) => buildTicketUpdateMessage(ticket(), { action: 'reschedule', actorId: 'UHELPER1', previousDueDate: null }, l)!,
    /ist jetzt fällig am Sa\. 28\. Nov\. 2026 \(:red_circle: Dringend\)/,
  ],
  ['the list of tickets', (l) => buildMyTicketsMessage({ open: [ticket()], openTotal: 1, finished: [], today: TODAY }, l), /Deine Tickets: 1 offen/],
  [
    'one ticket with its history',
    (l) =>
      buildTicketDetailMessage(
        { ticket: ticket(), history: [{ at: AT, actorId: 'UHELPER1', action: 'started', note: null, minutesSpent: 90 }], viewerIsHelper: true, today: TODAY },
        l,
      ),
    /\*In Arbeit\* · <@UHELPER1> · 1 Std\. 30 Min\..*<date> · <@UHELPER1> hat damit angefangen \(1 Std\. 30 Min\.\)/s,
  ],
  ['a stale click', (l) => buildRefusalMessage({ ok: false, reason: 'stale', ticket: ticket() }, l), /ist jetzt \*In Arbeit\* \(<@UHELPER1>\)/],
];

describe('the requester-facing messages in German', () => {
  it.each(BUILDERS)('%s reads in German, every placeholder filled', (_name, build, german) => {
    const de = textsOf(build('de'));
    expect(de).toMatch(german);
    expect(leftoverPlaceholders(de)).toEqual([]);
    // Nothing is left over from the English text (the ids, names and user text are the same in both).
    expect(de).not.toEqual(textsOf(build('en')));
    expect(de).not.toMatch(/\b(received|the|you|your|ticket is|Urgent|In progress)\b/);
  });

  it('renders the form in German within the modal title limit, keeping configured names as they are', () => {
    const view = buildTicketForm({ prefill: { title: '', details: '' }, categories: ['Website'], teams: ['Vertrieb'], privateMetadata: '{}', locale: 'de' });
    const text = JSON.stringify(view);
    for (const german of ['Neues Ticket', 'Erstellen', 'Abbrechen', 'Titel', 'Dein Team', 'Wird gebraucht bis', 'Dringlichkeit', 'Niedrig']) {
      expect(text).toContain(german);
    }
    expect(text).toContain('"Website"');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
  });

  it('keeps the triage card in the language it is asked for (the desk default), not the requester\'s', () => {
    expect(textsOf(buildTriageCard(ticket(), TODAY, 'en'))).toContain('*Urgency*\n:red_circle: Urgent');
    expect(textsOf(buildTriageCard(ticket(), TODAY, 'de'))).toContain('*Dringlichkeit*\n:red_circle: Dringend');
  });
});
