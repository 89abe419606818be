import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { ACTION_IDS, CALLBACK_IDS, COMMANDS, EVENT_TYPES, TICKET_ACTION_IDS } from '../ids.js';

const knownActions = new Set<string>([...Object.values(ACTION_IDS), ...Object.values(TICKET_ACTION_IDS)]);
const knownCallbacks = new Set<string>(Object.values(CALLBACK_IDS));
const knownCommands = new Set<string>(Object.values(COMMANDS));
const knownEvents = new Set<string>(EVENT_TYPES);

type Body = {
  type?: string;
  command?: string;
  callback_id?: string;
  actions?: { action_id?: string }[];
  view?: { callback_id?: string };
  event?: { type?: string };
};

/** What an incoming request is, and whether a listener here handles it. */
export function describeRequest(body: Body): { kind: string; id: string | undefined; known: boolean } {
  if (typeof body.command === 'string') return { kind: 'command', id: body.command, known: knownCommands.has(body.command) };
  switch (body.type) {
    case 'event_callback':
      return { kind: 'event', id: body.event?.type, known: knownEvents.has(body.event?.type ?? '') };
    case 'block_actions': {
      const ids = (body.actions ?? []).map((a) => a.action_id ?? '');
      return { kind: 'action', id: ids.join(','), known: ids.length > 0 && ids.every((id) => knownActions.has(id)) };
    }
    case 'view_submission':
    case 'view_closed':
      return { kind: body.type, id: body.view?.callback_id, known: knownCallbacks.has(body.view?.callback_id ?? '') };
    default:
      return { kind: body.type ?? 'unknown', id: body.callback_id, known: knownCallbacks.has(body.callback_id ?? '') };
  }
}

/**
 * Global middleware: a request no listener here handles (an old button, a command or event this version does not
 * know) is acknowledged so Slack shows no error, logged, and goes no further.
 */
export function ignoreUnknown(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const request = describeRequest(args.body as Body);
    if (request.known) {
      await args.next();
      return;
    }
    logger.warn({ kind: request.kind, id: request.id }, 'ignored a request no listener handles');
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
