import { decimalHours, elapsedParts } from '../core/digest.js';
import { t } from './catalog.js';
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
  return n.toLocaleString(INTL_TAGS[locale]);
}

/** Time spent, exactly: "45m", "2h", "1h 30m" / "45 Min.", "2 Std.", "1 Std. 30 Min.". */
export function formatDuration(minutes: number, locale: Locale): string {
  return durationText({ days: 0, hours: Math.floor(minutes / 60), minutes: minutes % 60 }, locale);
}

/** An elapsed time, rounded as people say it: "45m", "1h 30m", "1d 4h" / "45 Min.", "1 Std. 30 Min.", "1 Tg. 4 Std.". */
export function formatElapsed(minutes: number, locale: Locale): string {
  return durationText(elapsedParts(minutes), locale);
}

/** Hours with one decimal: "1.5 h" / "1,5 Std.". */
export function formatHours(minutes: number, locale: Locale): string {
  return t(locale, 'duration.decimalHours', { h: formatNumber(decimalHours(minutes), locale) });
}

function durationText(p: { days: number; hours: number; minutes: number }, locale: Locale): string {
  const parts: string[] = [];
  if (p.days > 0) parts.push(t(locale, 'duration.days', { d: p.days }));
  if (p.hours > 0) parts.push(t(locale, 'duration.hours', { h: p.hours }));
  if (p.minutes > 0 || parts.length === 0) parts.push(t(locale, 'duration.minutes', { m: p.minutes }));
  return parts.join(' ');
}
