import { z } from 'zod';

// The least each kind of request must carry before Bolt looks at it. Bolt trusts the shape of a signed body (it
// reads `event.channel`, iterates `actions`…), so a malformed one would throw inside Bolt instead of being ignored.
// https://docs.slack.dev/reference/interaction-payloads
const id = z.string().min(1);
const object = z.object({}).loose();
const user = z.object({ id }).loose();
// Fields Bolt reads on its own (to find the conversation, the team, the enterprise install) must have Slack's types.
const team = z.union([z.object({ id: z.string().optional() }).loose(), z.null()]).optional();
const common = {
  team,
  enterprise: z.union([object, z.null()]).optional(),
  channel: z.object({ id: z.string() }).loose().optional(),
  container: object.optional(),
  message: object.optional(),
  authorizations: z.array(object).optional(),
  // Bolt's respond() posts to it as given.
  response_url: z.url({ protocol: /^https?$/ }).optional(),
  response_urls: z.array(z.object({ response_url: z.url({ protocol: /^https?$/ }) }).loose()).optional(),
};
const event = z
  .object({
    type: id,
    channel: z.union([z.string(), z.object({ id: z.string() }).loose()]).optional(),
    channel_id: z.string().optional(),
    user: z.union([z.string(), object]).optional(),
    ts: z.string().optional(),
    event_ts: z.string().optional(),
    thread_ts: z.string().optional(),
    subtype: z.string().optional(),
    bot_id: z.string().optional(),
    text: z.string().optional(),
    item: object.optional(),
    message: object.optional(),
    previous_message: object.optional(),
    assistant_thread: object.optional(),
  })
  .loose();
const SHAPES = {
  event: z.object({ ...common, type: z.literal('event_callback'), event_id: id, event, team_id: z.string().optional() }).loose(),
  command: z
    .object({ command: z.string().startsWith('/'), user_id: id, trigger_id: id, text: z.string().optional(), team_id: z.string().optional(), channel_id: z.string().optional(), response_url: z.url({ protocol: /^https?$/ }).optional() })
    .loose(),
  block_actions: z.object({ ...common, actions: z.array(z.object({ action_id: id }).loose()).min(1), user }).loose(),
  view: z
    .object({ ...common, type: z.enum(['view_submission', 'view_closed']), view: z.object({ id, callback_id: z.string(), private_metadata: z.string().optional() }).loose(), user })
    .loose(),
  shortcut: z.object({ ...common, type: z.enum(['shortcut', 'message_action']), callback_id: id, trigger_id: id, user }).loose(),
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
