import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { context, section, type SlackMessage } from './blocks.js';

/** What `/request help` shows (only to the person who asked). */
export function buildRequestHelp(locale: Locale): SlackMessage {
  return {
    text: t(locale, 'help.text'),
    blocks: [section(t(locale, 'help.body')), context(t(locale, 'help.next')), context(t(locale, 'help.helpers'))],
  };
}
