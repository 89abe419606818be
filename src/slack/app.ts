import { App, AuthorizationError, HTTPReceiver, type AppOptions, type CustomRoute, type ReceiverEvent } from '@slack/bolt';
import type { Deps } from '../app/deps.js';
import type { BotIdentity } from '../app/slack-port.js';
import { toSlackLogger, type Logger } from '../logger.js';
import type { InflightTracker } from './inflight.js';
import * as actions from './listeners/actions/index.js';
import * as commands from './listeners/commands/index.js';
import * as events from './listeners/events/index.js';
import * as shortcuts from './listeners/shortcuts/index.js';
import * as views from './listeners/views/index.js';
import { dedupeEvents } from './middleware/dedupe-events.js';
import { dropUnwatchedMessages } from './middleware/drop-unwatched-messages.js';
import { guardEventsEndpoint } from './http-guard.js';
import { describeRequest, ignoreUnknown } from './middleware/ignore-unknown.js';
import { requestShapeProblem } from './request-shape.js';
import { isAllowedTeam, requestTeam } from './team-gate.js';

// Bolt does not export this type; the last overload of app.error() takes the extended handler.
type ExtendedErrorHandlerArgs = Parameters<Parameters<App['error']>[0]>[0];

const EVENTS_PATH = '/slack/events';

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

/** Per-call limit for every HTTP call Bolt itself makes, `respond()` to a response_url included. */
const BOLT_FETCH_TIMEOUT_MS = 10_000;

const fetchWithTimeout: typeof fetch = (url, init) =>
  fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(BOLT_FETCH_TIMEOUT_MS) });

/**
 * Bolt, with one check in front: a signed body whose shape no listener can handle (fuzzing, a future payload type)
 * is acknowledged and logged here, where Bolt would otherwise throw while reading it. Every request's whole
 * processing — middleware, listeners and the global error handler — counts as in-flight work (graceful shutdown).
 */
class RequestDeskApp extends App {
  constructor(
    options: AppOptions,
    private readonly log: Logger,
    private readonly tracker: InflightTracker,
  ) {
    super(options);
  }

  override processEvent(event: ReceiverEvent): Promise<void> {
    const problem = requestShapeProblem(event.body);
    if (problem) {
      this.log.warn({ problem }, 'ignored a request this app cannot read');
      return this.tracker.track(event.ack());
    }
    return this.tracker.track(super.processEvent(event));
  }
}

/**
 * Builds the Bolt app: Socket Mode when an app-level token is configured, otherwise the HTTP receiver at
 * /slack/events with signature verification on. Registers middleware, listeners and the global error handler.
 */
export function buildSlackApp(deps: Deps, identity: BotIdentity, tracker: InflightTracker): App {
  const { config, logger } = deps;
  const boltLogger = toSlackLogger(logger.child({ subsystem: 'bolt' }));
  // Only the bot token's own workspace (or the ones ALLOWED_TEAM_IDS names) may use the bot.
  const allowedTeams = new Set(
    config.allowedTeamIds.length > 0 ? config.allowedTeamIds : [identity.teamId, ...(identity.enterpriseId ? [identity.enterpriseId] : [])],
  );
  const common: AppOptions = {
    // Bolt calls this for every request before any listener; throwing refuses it (HTTP 401).
    authorize: async (source) => {
      if (!isAllowedTeam(allowedTeams, source)) throw new Error(`workspace ${source.teamId ?? source.enterpriseId ?? 'unknown'} is not allowed`);
      // Known from our own auth.test at start, so Bolt makes no call of its own.
      return { botToken: config.slackBotToken, botId: identity.botId, botUserId: identity.botUserId, teamId: source.teamId };
    },
    logger: boltLogger,
    // Every Web API call Bolt makes, Socket Mode's apps.connections.open included, goes to SLACK_API_URL.
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      timeout: BOLT_FETCH_TIMEOUT_MS,
      retryConfig: { retries: 3 },
      fetch: fetchWithTimeout,
    },
    convoStore: false,
    extendedErrorHandler: true,
  };
  let app: App;
  if (config.slackAppToken) {
    app = new RequestDeskApp({ ...common, socketMode: true, appToken: config.slackAppToken }, logger, tracker);
  } else {
    const receiver = new HTTPReceiver({
      signingSecret: config.slackSigningSecret ?? '',
      endpoints: EVENTS_PATH,
      port: config.port,
      bodyLimit: BODY_LIMIT_BYTES,
      logger: boltLogger,
      customRoutes: [healthRoute],
    });
    guardEventsEndpoint(receiver, { path: EVENTS_PATH, bodyLimit: BODY_LIMIT_BYTES, logger });
    app = new RequestDeskApp({ ...common, receiver }, logger, tracker);
  }

  app.use(dropUnwatchedMessages(deps));
  app.use(ignoreUnknown(logger));
  app.use(dedupeEvents(deps));
  events.register(app, deps);
  commands.register(app, deps);
  actions.register(app, deps);
  shortcuts.register(app, deps);
  views.register(app, deps);

  app.error(async ({ error, body, context }: ExtendedErrorHandlerArgs) => {
    const request = describeRequest(body as Parameters<typeof describeRequest>[0]);
    const b = body as { event_id?: string; trigger_id?: string };
    if (error instanceof AuthorizationError) {
      logger.warn({ ...requestTeam(body), kind: request.kind, id: request.id, eventId: b.event_id }, 'refused a request from another workspace');
      // Rethrown, the HTTP receiver answers 401.
      throw error;
    }
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
