import { ACTION_IDS } from '../ids.js';
import { button, context, section, type SlackMessage } from './blocks.js';

/**
 * The friendly "happy to help once there's a ticket" reply, with Create ticket and Not a request.
 * Helpers get the same buttons without the explanation.
 */
export function buildOfferMessage(input: { offerId: number; audience: 'requester' | 'helper' }): SlackMessage {
  const value = String(input.offerId);
  const actions = {
    type: 'actions' as const,
    elements: [
      button(ACTION_IDS.createTicketFromOffer, 'Create ticket', value, 'primary'),
      button(ACTION_IDS.notARequest, 'Not a request', value),
    ],
  };
  if (input.audience === 'helper') {
    const text = "Want this as a ticket? I've filled one in from your message.";
    return { text, blocks: [section(text), actions] };
  }
  const text = "Happy to help once there's a ticket! I've filled one in from your message — it takes about 20 seconds.";
  return {
    text,
    blocks: [
      section(
        "Happy to help once there's a ticket! :ticket:\n" +
          "Tickets let the team plan the week and make sure nobody's request gets forgotten. " +
          "I've already filled one in from your message — it takes about 20 seconds: check it and press *Create*.",
      ),
      actions,
      context('New tickets are looked at every working day, and you get a message here when yours moves.'),
    ],
  };
}

/** Replaces the offer once it became a ticket. */
export function buildOfferFiledMessage(ticketNumber: number): SlackMessage {
  const text = `Thanks! That's ticket #${ticketNumber} now — I'll keep you posted here.`;
  return { text, blocks: [section(`:white_check_mark: Thanks! That's ticket *#${ticketNumber}* now — I'll keep you posted here.`)] };
}

/** Replaces the offer after "Not a request". */
export function buildOfferDismissedMessage(): SlackMessage {
  const text = "Got it — no ticket needed. Thanks for letting me know! I won't bring tickets up again for a while.";
  return { text, blocks: [section(text)] };
}

/** Shown when someone other than the person it was meant for presses an offer's button. */
export function buildNotYourOfferMessage(): SlackMessage {
  const text = 'That button belongs to someone else\'s message. To file your own request, type `/request`.';
  return { text, blocks: [section(text)] };
}

/** Shown when the offer already became a ticket. */
export function buildAlreadyFiledMessage(ticketNumber: number): SlackMessage {
  const text = `This one is already ticket #${ticketNumber} — nothing more to do. For something new, type \`/request\`.`;
  return { text, blocks: [section(text)] };
}
