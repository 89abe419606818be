/** The languages the bot speaks. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** The bot's language for a Slack locale ("de-DE" → de); anything it does not speak falls back. */
export function localeFromSlack(slackLocale: string | undefined, fallback: Locale): Locale {
  const language = (slackLocale ?? '').slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : fallback;
}
