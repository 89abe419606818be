import { context, section, type SlackMessage } from './blocks.js';

/** What `/request help` shows (only to the person who asked). */
export function buildRequestHelp(): SlackMessage {
  const text = 'How to ask for help with Request Desk';
  return {
    text,
    blocks: [
      section(
        '*Asking for help is easy — every request becomes a ticket, so nothing gets lost.*\n' +
          '• `/request` opens the ticket form.\n' +
          '• `/request update the pricing page banner` opens it with the title filled in.\n' +
          '• Or just send me a message describing what you need, and press *Create ticket*.\n' +
          "• On any message, the ⋮ menu → *Create ticket* files it with the form filled in from that message.\n" +
          '• `/request list` shows your tickets; `/request #12` shows one with its history.',
      ),
      context('You get a message here when someone picks your ticket up. Tickets also show the team where help is needed most.'),
      context('For helpers: `/request digest` previews this week\'s digest; `/request export` sends you every ticket as a CSV.'),
    ],
  };
}
