import type { KnownBlock, PlainTextOption } from '@slack/types';
import type { FocusChoice } from '../../core/focus.js';
import { t as text } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { ACTION_IDS } from '../ids.js';
import { button, LIMITS, mrkdwn, plainText } from './blocks.js';
import { dateLabel } from './ticket-format.js';

/**
 * The Focus mode line at the top of a helper's Home: off, with a "Focus until…" menu of the lengths that make sense
 * now; or on, with until when (a Slack date token, in the reader's own time zone) and an End focus button.
 * The menu carries a choice, not a time: the server works out the end when the helper picks it.
 */
export function buildFocusSection(until: Date | undefined, choices: readonly FocusChoice[], locale: Locale): KnownBlock {
  if (until) {
    return {
      type: 'section',
      text: mrkdwn(text(locale, 'home.focus.on', { until: dateLabel(until, locale) })),
      accessory: button(ACTION_IDS.focusEnd, text(locale, 'home.focus.end'), 'end'),
    };
  }
  const options: PlainTextOption[] = choices.map((c) => ({ text: plainText(text(locale, `home.focus.choice.${c}`), LIMITS.optionText), value: c }));
  return {
    type: 'section',
    text: mrkdwn(text(locale, 'home.focus.off')),
    ...(options.length > 0
      ? { accessory: { type: 'static_select', action_id: ACTION_IDS.focusStart, placeholder: plainText(text(locale, 'home.focus.placeholder')), options } }
      : {}),
  };
}
