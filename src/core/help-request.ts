import { slackMarkupToPlain } from './slack-text.js';

/** What a message to the desk is: small talk that deserves no lecture, or an ask worth a ticket. */
export type MessageKind = 'social' | 'ask';

export interface MessageClassification {
  kind: MessageKind;
  reason: string;
}

// Words that on their own make a message small talk ("thanks!", "ok cool", "hi there", "danke dir").
const SOCIAL_WORDS = new Set(
  [
    // English
    'hi', 'hey', 'hello', 'hiya', 'yo', 'morning', 'good', 'afternoon', 'evening', 'night', 'there', 'all', 'team',
    'thanks', 'thank', 'you', 'thx', 'ty', 'tysm', 'cheers', 'much', 'so', 'very', 'a', 'lot', 'again',
    'ok', 'okay', 'k', 'kk', 'okey', 'cool', 'great', 'nice', 'perfect', 'awesome', 'amazing', 'lovely', 'brilliant',
    'sure', 'yes', 'yep', 'yeah', 'yup', 'no', 'nope', 'np', 'problem', 'worries', 'got', 'it', 'noted', 'sounds',
    'will', 'do', 'done', 'lol', 'haha', 'hah', 'bye', 'see', 'ya', 'later', 'have', 'day', 'weekend', 'welcome',
    'appreciate', 'appreciated', 'sorry', 'oops', 'wow', 'fine', 'alright', 'right', 'makes', 'sense', 'understood',
    // German
    'hallo', 'moin', 'servus', 'hej', 'guten', 'morgen', 'tag', 'abend', 'danke', 'dankeschön', 'vielen', 'dank',
    'dir', 'euch', 'super', 'toll', 'prima', 'klasse', 'alles', 'klar', 'gut', 'passt', 'ja', 'nein', 'genau',
    'tschüss', 'ciao', 'bis', 'dann', 'später', 'gerne', 'gern', 'kein', 'problem', 'erledigt', 'verstanden',
  ],
);

/**
 * Decides whether a direct message or @mention is small talk or an ask.
 * Anything that is not entirely greetings, thanks or acknowledgements counts as an ask: people who write to a
 * help desk usually want something, and the offer is one friendly line.
 */
export function classifyMessage(slackText: string): MessageClassification {
  const plain = slackMarkupToPlain(slackText)
    .replace(/@\S+/g, ' ') // mentions of people or the bot say nothing about the ask
    .replace(/:[a-z0-9_+'-]+:/gi, ' ') // :emoji: codes
    .toLowerCase();
  const words = plain.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return { kind: 'social', reason: 'no words (emoji or punctuation only)' };
  const other = words.filter((w) => !SOCIAL_WORDS.has(w));
  if (other.length === 0) return { kind: 'social', reason: 'greeting, thanks or acknowledgement' };
  return { kind: 'ask', reason: `contains "${other.slice(0, 3).join(' ')}"` };
}
