import { de } from './de.js';
import { en } from './en.js';
import type { Locale } from './locale.js';

/** Every text key; English is the reference catalog, and German must have exactly the same keys (the compiler checks). */
export type MessageKey = keyof typeof en;

const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, de };

/**
 * A text in the person's language, with `{name}` placeholders filled in. Values are inserted as given: escape user
 * text for mrkdwn before passing it.
 */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return CATALOGS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The catalogs, for the test that compares their keys and placeholders. */
export const catalogs = CATALOGS;
