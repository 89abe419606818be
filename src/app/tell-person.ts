import type { Locale } from '../i18n/locale.js';
import type { Deps } from './deps.js';
import { enqueue } from './outbox.js';
import { resolveLocale } from './resolve-locale.js';
import type { MessageContent } from './slack-port.js';

/** Sends a person a note by DM (where there is no response_url to answer with, such as App Home clicks). */
export async function tellPerson(deps: Pick<Deps, 'db' | 'clock' | 'outbox'>, userId: string, content: MessageContent): Promise<void> {
  await enqueue(deps.db, [{ kind: 'post', channel: userId, ...content }], deps.clock.now());
  deps.outbox.kick();
}

/**
 * Sends a person a note by DM in their language: `build` gets their locale, looked up first (it may wait on Slack,
 * so never call this inside a transaction, nor before opening a modal).
 */
export async function tellPersonInTheirLanguage(
  deps: Pick<Deps, 'db' | 'slack' | 'clock' | 'config' | 'logger' | 'outbox'>,
  userId: string,
  build: (locale: Locale) => MessageContent,
): Promise<void> {
  await tellPerson(deps, userId, build(await resolveLocale(deps, userId)));
}
