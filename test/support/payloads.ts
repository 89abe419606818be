import { FORM_ACTION_ID, FORM_BLOCK_IDS } from '../../src/slack/ids.js';
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID } from './fake-slack.js';

let counter = 0;
const next = () => ++counter;

/** A fresh message ts, unique within the test run. */
export function nextTs(): string {
  return `1764200000.${String(next()).padStart(6, '0')}`;
}

/** Wraps an event in the Events API envelope Slack posts. */
export function envelope(event: Record<string, unknown>, opts: { eventId?: string; teamId?: string } = {}) {
  return {
    token: 'legacy-verification-token',
    team_id: opts.teamId ?? FAKE_TEAM_ID,
    api_app_id: 'A0APP',
    event,
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${String(next()).padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: opts.teamId ?? FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true }],
  };
}

/** A message.im event: a person writing to the bot. */
export function dmEvent(opts: { user: string; text: string; channel?: string; ts?: string } & Record<string, unknown>) {
  const { user, text, channel, ts, ...rest } = opts;
  return {
    type: 'message',
    channel: channel ?? `D${user.slice(1)}`,
    channel_type: 'im',
    user,
    text,
    ts: ts ?? nextTs(),
    event_ts: ts ?? nextTs(),
    team: FAKE_TEAM_ID,
    ...rest,
  };
}

/** An app_mention event in a channel. */
export function mentionEvent(opts: { user: string; text: string; channel?: string; ts?: string } & Record<string, unknown>) {
  const { user, text, channel, ts, ...rest } = opts;
  return {
    type: 'app_mention',
    channel: channel ?? 'C0GENERAL',
    user,
    text,
    ts: ts ?? nextTs(),
    event_ts: ts ?? nextTs(),
    team: FAKE_TEAM_ID,
    ...rest,
  };
}

/** Slash command fields, as Slack form-encodes them. */
export function slashCommand(opts: { user: string; text?: string; command?: string; responseUrl?: string; channel?: string }) {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: 'acme',
    channel_id: opts.channel ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: opts.user,
    user_name: opts.user.toLowerCase(),
    command: opts.command ?? '/request',
    text: opts.text ?? '',
    api_app_id: 'A0APP',
    response_url: opts.responseUrl ?? 'http://127.0.0.1:9/unused',
    trigger_id: `trigger-${next()}`,
  };
}

/** A block_actions payload for a button on a message. */
export function buttonClick(opts: {
  user: string;
  actionId: string;
  value: string;
  channel: string;
  messageTs: string;
  ephemeral?: boolean;
  responseUrl?: string;
}) {
  return {
    ...blockActions(opts),
    container: { type: 'message', message_ts: opts.messageTs, channel_id: opts.channel, is_ephemeral: opts.ephemeral ?? false },
    channel: { id: opts.channel, name: 'directmessage' },
    response_url: opts.responseUrl ?? 'http://127.0.0.1:9/unused',
  };
}

/** What every block_actions payload carries: who clicked which button, with a fresh trigger_id. */
function blockActions(opts: { user: string; actionId: string; value: string }) {
  return {
    type: 'block_actions',
    team: { id: FAKE_TEAM_ID, domain: 'acme' },
    user: { id: opts.user, username: opts.user.toLowerCase(), team_id: FAKE_TEAM_ID },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${next()}`,
    actions: [{ type: 'button', action_id: opts.actionId, block_id: 'b1', value: opts.value, action_ts: nextTs() }],
  };
}

/** What a person typed and picked in the ticket form. */
export interface FormInput {
  title?: string;
  details?: string;
  category?: string;
  team?: string;
  dueDate?: string;
  urgency?: string;
}

/** `view.state.values` for the ticket form. */
export function formState(input: FormInput) {
  const selected = (value: string | undefined) => ({ selected_option: value === undefined ? null : { value, text: { type: 'plain_text', text: value } } });
  return {
    [FORM_BLOCK_IDS.title]: { [FORM_ACTION_ID]: { type: 'plain_text_input', value: input.title ?? null } },
    [FORM_BLOCK_IDS.details]: { [FORM_ACTION_ID]: { type: 'plain_text_input', value: input.details ?? null } },
    [FORM_BLOCK_IDS.category]: { [FORM_ACTION_ID]: { type: 'static_select', ...selected(input.category) } },
    [FORM_BLOCK_IDS.team]: { [FORM_ACTION_ID]: { type: 'static_select', ...selected(input.team) } },
    [FORM_BLOCK_IDS.dueDate]: { [FORM_ACTION_ID]: { type: 'datepicker', selected_date: input.dueDate ?? null } },
    [FORM_BLOCK_IDS.urgency]: { [FORM_ACTION_ID]: { type: 'radio_buttons', ...selected(input.urgency ?? 'normal') } },
  };
}

/** A view_submission payload: `values` is the modal's `state.values`. */
export function viewSubmission(opts: { user: string; callbackId: string; privateMetadata: string; values: object }) {
  return {
    type: 'view_submission',
    team: { id: FAKE_TEAM_ID, domain: 'acme' },
    user: { id: opts.user, username: opts.user.toLowerCase(), team_id: FAKE_TEAM_ID },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${next()}`,
    view: {
      id: `V${next()}`,
      team_id: FAKE_TEAM_ID,
      type: 'modal',
      callback_id: opts.callbackId,
      private_metadata: opts.privateMetadata,
      state: { values: opts.values },
      hash: 'h',
    },
    response_urls: [],
  };
}

/** A view_submission payload for the ticket form. */
export function formSubmission(opts: { user: string; form: FormInput; privateMetadata?: string; callbackId?: string }) {
  return viewSubmission({
    user: opts.user,
    callbackId: opts.callbackId ?? 'ticket_form',
    privateMetadata: opts.privateMetadata ?? '',
    values: formState(opts.form),
  });
}

/** What a helper typed and picked in a Done / Decline / Redirect / Change due form. */
export interface ChangeFormInput {
  note?: string;
  minutes?: string;
  link?: string;
  person?: string;
  team?: string;
  dueDate?: string;
  urgency?: string;
}

/** A view_submission payload for one of the helpers' change forms (callback ids in CALLBACK_IDS). */
export function changeFormSubmission(opts: { user: string; callbackId: string; privateMetadata: string; form: ChangeFormInput }) {
  const v = (value: unknown) => ({ [FORM_ACTION_ID]: value });
  const f = opts.form;
  return viewSubmission({
    ...opts,
    values: {
      change_note: v({ type: 'plain_text_input', value: f.note ?? null }),
      change_minutes: v({ type: 'plain_text_input', value: f.minutes ?? null }),
      change_link: v({ type: 'url_text_input', value: f.link ?? null }),
      change_person: v({ type: 'users_select', selected_user: f.person ?? null }),
      change_team: v({ type: 'plain_text_input', value: f.team ?? null }),
      change_due_date: v({ type: 'datepicker', selected_date: f.dueDate ?? null }),
      change_urgency: v({ type: 'radio_buttons', selected_option: f.urgency ? { value: f.urgency } : null }),
    },
  });
}

/** An app_home_opened event: `user` opened the bot's Home (or Messages) tab. */
export function homeOpenedEvent(opts: { user: string; tab?: 'home' | 'messages' }) {
  return { type: 'app_home_opened', user: opts.user, channel: `D${opts.user.slice(1)}`, tab: opts.tab ?? 'home', event_ts: nextTs() };
}

/** A block_actions payload for a button on the App Home: a view container and no response_url, as Slack sends it. */
export function homeButtonClick(opts: { user: string; actionId: string; value: string }) {
  return {
    ...blockActions(opts),
    container: { type: 'view', view_id: 'VHOME' },
    view: { id: 'VHOME', type: 'home', team_id: FAKE_TEAM_ID, blocks: [], private_metadata: '', hash: 'h' },
  };
}

/** A message_action payload: `user` chose a message shortcut on `message` in `channel`. */
export function messageShortcut(opts: {
  user: string;
  channel: string;
  message: { ts: string; text: string; user?: string; bot_id?: string; thread_ts?: string };
  callbackId?: string;
  responseUrl?: string;
}) {
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: nextTs(),
    team: { id: FAKE_TEAM_ID, domain: 'acme' },
    user: { id: opts.user, username: opts.user.toLowerCase(), team_id: FAKE_TEAM_ID, name: opts.user.toLowerCase() },
    channel: { id: opts.channel, name: 'general' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: opts.callbackId ?? 'ticket_from_message',
    trigger_id: `trigger-${next()}`,
    response_url: opts.responseUrl ?? 'http://127.0.0.1:9/unused',
    message_ts: opts.message.ts,
    message: { type: 'message', ...opts.message },
  };
}

/** A reaction_added event: `user` added :`reaction`: to the message `ts` in `channel`, written by `itemUser`. */
export function reactionEvent(opts: { user: string; channel: string; ts: string; reaction?: string; itemUser?: string }) {
  return {
    type: 'reaction_added',
    user: opts.user,
    reaction: opts.reaction ?? 'ticket',
    item: { type: 'message', channel: opts.channel, ts: opts.ts },
    ...(opts.itemUser ? { item_user: opts.itemUser } : {}),
    event_ts: nextTs(),
  };
}
