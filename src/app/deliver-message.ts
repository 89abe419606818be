import type { HomeView } from '@slack/types';
import { calendarDate } from '../core/dates.js';
import type { Db } from '../db/database.js';
import { findTicket, setSourcePermalink, setTriageMessage, setTriagePermalink } from '../db/ticket-repository.js';
import type { Locale } from '../i18n/locale.js';
import type { Logger } from '../logger.js';
import { buildUrgentAlert } from '../slack/views/inbox-messages.js';
import { buildTriageCard } from '../slack/views/ticket-messages.js';
import type { OutboxMessage } from './outbox.js';
import { PermanentDeliveryError } from './outbox-worker.js';
import type { Clock } from './clock.js';
import { deliverDigest, deliverDigestChart } from './deliver-digest.js';
import type { DigestContent } from './digest-content-port.js';
import type { SlackPort } from './slack-port.js';

export interface DelivererDeps {
  db: Db;
  slack: SlackPort;
  logger: Logger;
  clock: Clock;
  /** The desk's time zone: what "today" is for overdue markers. */
  timezone: string;
  /** The desk's language (DEFAULT_LOCALE): the triage channel is shared, so its cards are in it. */
  defaultLocale: Locale;
  /** Builds a person's App Home from the current state. */
  renderHome: (userId: string, page: number) => Promise<HomeView>;
  /** Builds the digests from the current state. */
  digestContent: DigestContent;
  /** Slack with the helper's user token (the inbox guard), when SLACK_USER_TOKEN is set. */
  userSlack?: SlackPort | undefined;
}

/** Returns the function the outbox worker uses to hand one message to Slack. */
export function createDeliverer(deps: DelivererDeps) {
  const { db, slack, logger } = deps;

  async function deliverTriageCard(ticketNumber: number, channel: string): Promise<void> {
    const ticket = await findTicket(db, ticketNumber);
    if (!ticket) throw new PermanentDeliveryError(`ticket #${ticketNumber} does not exist`);
    // A message in the helper's own DMs or channels is readable with their token only; a DM to the bot needs no link.
    const reader = ticket.inboxOwnerId ? deps.userSlack : ticket.source !== 'dm' ? slack : undefined;
    if (reader && ticket.sourceChannelId && ticket.sourceTs && !ticket.sourcePermalink) {
      // The link is a nicety: a card without it beats no card.
      try {
        ticket.sourcePermalink = await reader.getPermalink(ticket.sourceChannelId, ticket.sourceTs);
        await setSourcePermalink(db, ticket.number, ticket.sourcePermalink);
      } catch (err) {
        logger.warn({ err, ticket: ticket.number }, 'could not get the link to the original message');
      }
    }
    const card = buildTriageCard(ticket, calendarDate(deps.clock.now(), deps.timezone), deps.defaultLocale);
    if (ticket.triageChannelId && ticket.triageTs) {
      await slack.updateMessage({ channel: ticket.triageChannelId, ts: ticket.triageTs, ...card });
      return;
    }
    const posted = await slack.postMessage({ channel, ...card });
    await setTriageMessage(db, ticket.number, posted.channel, posted.ts);
    // The daily digest links each line to the card; without the link it shows the line unlinked.
    try {
      await setTriagePermalink(db, ticket.number, await slack.getPermalink(posted.channel, posted.ts));
    } catch (err) {
      logger.warn({ err, ticket: ticket.number }, 'could not get the link to the triage card');
    }
  }

  /** The bot's Slack, or the helper's (user token) for messages sent in their name. */
  function portFor(asUser: boolean | undefined): SlackPort {
    if (!asUser) return slack;
    if (!deps.userSlack) throw new PermanentDeliveryError('a message in the helper\'s name, but SLACK_USER_TOKEN is no longer set');
    return deps.userSlack;
  }

  async function deliverUrgentAlert(m: Extract<OutboxMessage, { kind: 'urgent_alert' }>): Promise<void> {
    // The message is in the helper's own DMs: only their token can link to it. Without a link the alert still goes.
    let permalink: string | undefined;
    try {
      permalink = await deps.userSlack?.getPermalink(m.channel, m.ts);
    } catch (err) {
      logger.warn({ err }, 'could not get the link to an urgent message');
    }
    await slack.postMessage({ channel: m.helperId, ...buildUrgentAlert({ requesterId: m.requesterId, permalink, locale: m.locale }) });
  }

  return async function deliver(m: OutboxMessage): Promise<void> {
    switch (m.kind) {
      case 'post':
        await portFor(m.asUser).postMessage(m);
        return;
      case 'ephemeral':
        await portFor(m.asUser).postEphemeral(m);
        return;
      case 'replace':
        if (m.target.kind === 'message') await portFor(m.target.asUser).updateMessage({ ...m, channel: m.target.channel, ts: m.target.ts });
        else await slack.respond(m.target.responseUrl, m);
        return;
      case 'urgent_alert':
        await deliverUrgentAlert(m);
        return;
      case 'triage_card':
        await deliverTriageCard(m.ticketNumber, m.channel);
        return;
      case 'digest':
        await deliverDigest({ ...deps, content: deps.digestContent }, m);
        return;
      case 'digest_chart':
        await deliverDigestChart({ ...deps, content: deps.digestContent }, m);
        return;
      case 'home':
        await slack.publishHome(m.userId, await deps.renderHome(m.userId, m.page ?? 0));
        return;
      case 'reaction':
        await slack.addReaction(m.channel, m.ts, m.name);
        return;
    }
  };
}
