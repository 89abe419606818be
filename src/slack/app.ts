import { App, HTTPReceiver, type AppOptions, type CustomRoute } from '@slack/bolt';
import type { Deps } from '../app/deps.js';
import type { BotIdentity } from '../app/slack-port.js';
import { toSlackLogger } from '../logger.js';
import type { InflightTracker } from './inflight.js';
import * as actions from './listeners/actions/index.js';
import * as commands from './listeners/commands/index.js';
import * as events from './listeners/events/index.js';
import * as views from './listeners/views/index.js';
import { dedupeEvents } from './middleware/dedupe-events.js';
import { describeRequest, ignoreUnknown } from './middleware/ignore-unknown.js';
import { trackInflight } from './middleware/track-inflight.js';

// Bolt does not export this type; the last overload of app.error() takes the extended handler.
type ExtendedErrorHandlerArgs = Parameters<Parameters<App['error']>[0]>[0];

/** Slack's payloads are small; anything near this is not from Slack. Larger bodies get 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const healthRoute: CustomRoute = {
  path: '/healthz',
  method: ['GET'],
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok\n');
  },
};

/**
 * Builds the Bolt app: Socket Mode when an app-level token is configured, otherwise the HTTP receiver at
 * /slack/events with signature verification on. Registers middleware, listeners and the global error handler.
 */
export function buildSlackApp(deps: Deps, identity: BotIdentity, tracker: InflightTracker): App {
  const { config, logger } = deps;
  const boltLogger = toSlackLogger(logger.child({ subsystem: 'bolt' }));
  const common: AppOptions = {
    token: config.slackBotToken,
    // Known from our own auth.test at start, so Bolt makes no call of its own.
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger: boltLogger,
    // Every Web API call Bolt makes, Socket Mode's apps.connections.open included, goes to SLACK_API_URL.
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      timeout: 10_000,
      retryConfig: { retries: 3 },
    },
    convoStore: false,
    extendedErrorHandler: true,
  };
  const app = config.slackAppToken
    ? new App({ ...common, socketMode: true, appToken: config.slackAppToken })
    : new App({
        ...common,
        receiver: new HTTPReceiver({
          signingSecret: config.slackSigningSecret ?? '',
          endpoints: '/slack/events',
          port: config.port,
          bodyLimit: BODY_LIMIT_BYTES,
          logger: boltLogger,
          customRoutes: [healthRoute],
        }),
      });

  app.use(trackInflight(tracker));
  app.use(ignoreUnknown(logger));
  app.use(dedupeEvents(deps));
  events.register(app, deps);
  commands.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);

  app.error(async ({ error, body, context }: ExtendedErrorHandlerArgs) => {
    const request = describeRequest(body as Parameters<typeof describeRequest>[0]);
    const b = body as { event_id?: string; trigger_id?: string };
    logger.error(
      {
        err: error.original ?? error,
        code: error.code,
        kind: request.kind,
        id: request.id,
        eventId: b.event_id,
        userId: context.userId,
        teamId: context.teamId,
      },
      'a listener failed',
    );
  });
  return app;
}
