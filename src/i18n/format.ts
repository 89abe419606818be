import type { Locale } from './locale.js';

/** The conventions each language writes dates and numbers in. */
const INTL_TAGS: Readonly<Record<Locale, string>> = { en: 'en-GB', de: 'de-DE' };

/**
 * A calendar date (YYYY-MM-DD) as people read it: "5 Oct" / "5. Okt."; with `year`, "28 Nov 2026"; with `weekday`,
 * "Sat 28 Nov 2026" / "Sa. 28. Nov. 2026". Read at noon UTC, so no time zone moves the day.
 */
export function formatDay(isoDate: string, locale: Locale, opts: { year?: boolean; weekday?: boolean } = {}): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    ...(opts.year ? { year: 'numeric' } : {}),
    ...(opts.weekday ? { weekday: 'short' } : {}),
  })
    .format(new Date(`${isoDate}T12:00:00Z`))
    .replace(',', '');
}

/** A count with the language's grouping: 1,234 / 1.234. */
export function formatNumber(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'de' ? 'de-DE' : 'en-US');
}
