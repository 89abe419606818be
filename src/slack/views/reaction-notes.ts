import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { context, section, type SlackMessage } from './blocks.js';

// Slack error codes are [a-z_]; anything else is dropped so nothing from a response can inject markup.
const cleanCode = (code: string) => code.replace(/[^a-z0-9_]/gi, '').slice(0, 60);

/**
 * Tells a helper why their :ticket: reaction filed nothing because the bot cannot read the message, and how to fix
 * it: invite the bot (public channel) or add it under Integrations (private channel), or reinstall for a scope.
 */
export function buildCannotReadMessage(input: { channel: string; code: string; locale: Locale }): SlackMessage {
  const { locale } = input;
  const code = cleanCode(input.code);
  const where = /^[CG][A-Z0-9]+$/.test(input.channel) ? `<#${input.channel}>` : t(locale, 'reaction.thatConversation');
  const fix =
    code === 'missing_scope'
      ? t(locale, 'reaction.fix.scope')
      : /^D/.test(input.channel)
        ? t(locale, 'reaction.fix.dm')
        : t(locale, 'reaction.fix.invite', { where });
  const text = t(locale, 'reaction.cannotRead', { where });
  return {
    text,
    blocks: [section(`${text}\n${fix}`), context(t(locale, 'reaction.tryAgain', { code }))],
  };
}

/** Tells a helper that Slack did not answer in time while reading the message, so nothing was filed. */
export function buildReadFailedMessage(input: { code: string; locale: Locale }): SlackMessage {
  const { locale } = input;
  const text = t(locale, 'reaction.readFailed');
  return {
    text,
    blocks: [section(`${text}\n${t(locale, 'reaction.readFailed.retry')}`), context(t(locale, 'reaction.slackSaid', { code: cleanCode(input.code) }))],
  };
}

/** Tells a helper that the message they reacted to is gone (deleted), so nothing was filed. */
export function buildMessageGoneMessage(locale: Locale): SlackMessage {
  const text = t(locale, 'reaction.gone');
  return { text, blocks: [section(text)] };
}

/** Tells a helper that a message posted by an app has nobody to file it for, and what to do instead. */
export function buildNoAuthorMessage(locale: Locale): SlackMessage {
  const text = t(locale, 'reaction.noAuthor');
  return { text, blocks: [section(`${text}\n${t(locale, 'reaction.noAuthor.fix')}`)] };
}
