import { findUserLocale, saveUserLocale } from '../db/user-locale-repository.js';
import { localeFromSlack, type Locale } from '../i18n/locale.js';
import type { Deps } from './deps.js';

/** How long a looked-up locale is trusted before asking Slack again (people rarely switch language). */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;
/** After Slack could not answer, how long to use the default before trying again. */
const RETRY_MS = 10 * 60 * 1000;

/** Looks-ups in flight, so a burst of events from one person asks Slack once. */
const pending = new WeakMap<Deps['db'], Map<string, Promise<Locale>>>();

/** A person's language as last looked up, without asking Slack (DEFAULT_LOCALE for someone never looked up). */
export async function knownLocale(deps: Pick<Deps, 'db' | 'config'>, userId: string): Promise<Locale> {
  const known = await findUserLocale(deps.db, userId);
  return localeFromSlack(known?.locale ?? undefined, deps.config.defaultLocale);
}

/**
 * The language to speak to a person: their Slack locale (users.info, asked once and kept in SQLite), else
 * DEFAULT_LOCALE. Call it before opening a transaction, never inside one: it may wait on Slack (interactive timeout).
 * A Slack failure is not an error for the person: they get the default now, and we ask again later.
 * With `wait: false` (before opening a modal: a trigger_id lives 3 s) it never waits on Slack: an unknown person gets
 * the default now, and the lookup runs in the background for next time.
 */
export async function resolveLocale(
  deps: Pick<Deps, 'db' | 'slack' | 'clock' | 'config' | 'logger'>,
  userId: string,
  { wait = true }: { wait?: boolean } = {},
): Promise<Locale> {
  const { db, clock, config } = deps;
  const known = await findUserLocale(db, userId);
  const now = clock.now();
  if (known) {
    const age = now.getTime() - known.checkedAt.getTime();
    if (known.locale !== null && age < KEEP_MS) return localeFromSlack(known.locale, config.defaultLocale);
    if (known.locale === null && age < RETRY_MS) return config.defaultLocale;
  }
  let inFlight = pending.get(db);
  if (!inFlight) pending.set(db, (inFlight = new Map()));
  const meanwhile = known?.locale ? localeFromSlack(known.locale, config.defaultLocale) : config.defaultLocale;
  const running = inFlight.get(userId);
  if (running) return wait ? running : meanwhile;
  const lookup = (async (): Promise<Locale> => {
    try {
      const slackLocale = await deps.slack.userLocale(userId);
      await saveUserLocale(db, userId, slackLocale ?? null, now);
      return localeFromSlack(slackLocale, config.defaultLocale);
    } catch (err) {
      deps.logger.warn({ err, userId }, 'could not look up a locale; using the default');
      // Remember the miss briefly; a known locale stays known (only its age is not refreshed).
      if (!known) await saveUserLocale(db, userId, null, now).catch(() => {});
      return meanwhile;
    } finally {
      inFlight.delete(userId);
    }
  })();
  inFlight.set(userId, lookup);
  return wait ? lookup : meanwhile;
}
