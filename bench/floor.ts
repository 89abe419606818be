import { App, LogLevel } from '@slack/bolt';
import { DEFAULT_CATEGORIES, DEFAULT_TEAMS } from '../src/config.js';
import { buildOfferMessage } from '../src/slack/views/offer-message.js';
import { buildTicketForm } from '../src/slack/views/ticket-form.js';

/**
 * The floor: a bare Bolt app from the same node_modules with the same listeners as Request Desk, doing only the
 * Slack calls the flows need — per DM from someone new, users.info (their language) and one chat.postMessage; ack +
 * one views.open per /request — and nothing else:
 * no database, no outbox, no classification. It sends the same payloads the app sends (the offer message and the
 * ticket form, built once at start from the app's own view builders), so both pay the same to serialise and ship
 * them. What it costs is what Bolt, HTTP and the Web API client cost; the app's figures divided by these say what
 * the app's own work costs.
 *
 * Started by bench/run.ts with SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL and PORT.
 */
function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`floor: ${name} is not set`);
  return value;
}

const app = new App({
  token: env('SLACK_BOT_TOKEN'),
  signingSecret: env('SLACK_SIGNING_SECRET'),
  // Known up front, as in the app, so Bolt makes no auth.test call.
  botId: 'BBOT',
  botUserId: 'UBOT',
  clientOptions: { slackApiUrl: env('SLACK_API_URL') },
  // The app turns the conversation store off too; leaving Bolt's default on would make the floor do extra work.
  convoStore: false,
  logLevel: LogLevel.ERROR,
  // The same readiness route as the app, so both are timed and polled the same way.
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok\n');
      },
    },
  ],
});

// Built once: no per-event logic.
const OFFER = buildOfferMessage({ offerId: 1, audience: 'requester', locale: 'en' });
const FORM = buildTicketForm({
  prefill: { title: 'Could you update the pricing page?', details: '' },
  categories: DEFAULT_CATEGORIES,
  teams: DEFAULT_TEAMS,
  locale: 'en',
  privateMetadata: JSON.stringify({ v: 1, source: 'command' }),
});

app.event('message', async ({ event, client }) => {
  const { channel, user } = event as { channel: string; user: string };
  // The app asks for a person's language once, before its first offer; every DM in the workload is from someone new.
  await client.users.info({ user, include_locale: true });
  await client.chat.postMessage({ channel, ...OFFER });
});

app.command('/request', async ({ command, ack, client }) => {
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view: FORM });
});

await app.start(Number(env('PORT')));

const stop = () => {
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
