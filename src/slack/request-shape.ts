import { z } from 'zod';

// The least each kind of request must carry before Bolt looks at it. Bolt trusts the shape of a signed body (it
// reads `event.channel`, iterates `actions`…), so a malformed one would throw inside Bolt instead of being ignored.
// https://docs.slack.dev/reference/interaction-payloads
const id = z.string().min(1);
const user = z.object({ id }).loose();
const SHAPES = {
  event: z.object({ type: z.literal('event_callback'), event_id: id, event: z.object({ type: id }).loose() }).loose(),
  command: z.object({ command: z.string().startsWith('/'), user_id: id, trigger_id: id, text: z.string().optional() }).loose(),
  block_actions: z.object({ actions: z.array(z.object({ action_id: id }).loose()).min(1), user }).loose(),
  view: z.object({ type: z.enum(['view_submission', 'view_closed']), view: z.object({ id, callback_id: z.string() }).loose(), user }).loose(),
  shortcut: z.object({ type: z.enum(['shortcut', 'message_action']), callback_id: id, trigger_id: id, user }).loose(),
} as const;

function kindOf(body: Record<string, unknown>): keyof typeof SHAPES | undefined {
  if ('event' in body || body.type === 'event_callback') return 'event';
  if ('command' in body) return 'command';
  if (body.type === 'block_actions') return 'block_actions';
  if (body.type === 'view_submission' || body.type === 'view_closed') return 'view';
  if (body.type === 'shortcut' || body.type === 'message_action') return 'shortcut';
  return undefined;
}

/** Why a parsed request body is not one this app can handle, or undefined when its shape is sound. */
export function requestShapeProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'not an object';
  const kind = kindOf(body as Record<string, unknown>);
  if (!kind) return `unknown request type ${JSON.stringify(String((body as { type?: unknown }).type)).slice(0, 60)}`;
  const parsed = SHAPES[kind].safeParse(body);
  if (parsed.success) return undefined;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))].slice(0, 5);
  return `malformed ${kind}: ${fields.join(', ')}`;
}
