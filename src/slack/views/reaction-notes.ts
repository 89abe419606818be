import { context, section, type SlackMessage } from './blocks.js';

// Slack error codes are [a-z_]; anything else is dropped so nothing from a response can inject markup.
const cleanCode = (code: string) => code.replace(/[^a-z0-9_]/gi, '').slice(0, 60);

/**
 * Tells a helper why their :ticket: reaction filed nothing because the bot cannot read the message, and how to fix
 * it: invite the bot (public channel) or add it under Integrations (private channel), or reinstall for a scope.
 */
export function buildCannotReadMessage(input: { channel: string; code: string }): SlackMessage {
  const code = cleanCode(input.code);
  const where = /^[CG][A-Z0-9]+$/.test(input.channel) ? `<#${input.channel}>` : 'that conversation';
  const fix =
    code === 'missing_scope'
      ? 'The app is missing a permission to read channels: in the app settings open *OAuth & Permissions* and ' +
        '*Reinstall to Workspace* (it asks for `channels:history` and `groups:history`).'
      : /^D/.test(input.channel)
        ? "I can't read direct messages between people. Use the message's ⋮ menu → *Create ticket* instead."
        : `Add me to ${where}: type \`/invite @Request Desk\` there — or, in a private channel, open the channel ` +
          'details → *Integrations* → *Add apps* → Request Desk.';
  const text = `:ticket: I couldn't read the message you reacted to in ${where}, so I didn't file a ticket.`;
  return {
    text,
    blocks: [
      section(`${text}\n${fix}`),
      context(`Then remove your :ticket: and add it again. Slack said: \`${code}\`.`),
    ],
  };
}

/** Tells a helper that Slack did not answer in time while reading the message, so nothing was filed. */
export function buildReadFailedMessage(input: { code: string }): SlackMessage {
  const text = ":ticket: Slack didn't let me read the message you reacted to just now, so I didn't file a ticket.";
  return { text, blocks: [section(`${text}\nPlease remove your :ticket: and add it again in a minute.`), context(`Slack said: \`${cleanCode(input.code)}\`.`)] };
}

/** Tells a helper that the message they reacted to is gone (deleted), so nothing was filed. */
export function buildMessageGoneMessage(): SlackMessage {
  const text = ":ticket: I couldn't find the message you reacted to — it may have been deleted — so I didn't file a ticket.";
  return { text, blocks: [section(text)] };
}

/** Tells a helper that a message posted by an app has nobody to file it for, and what to do instead. */
export function buildNoAuthorMessage(): SlackMessage {
  const text = ':ticket: That message was posted by an app, so there is nobody to file it for and I didn\'t file a ticket.';
  return {
    text,
    blocks: [section(`${text}\nTo file it yourself, use the message's ⋮ menu → *Create ticket*.`)],
  };
}
