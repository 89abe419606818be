import { z } from 'zod';
import { cronProblem } from './core/digest-schedule.js';
import { parsePhraseConfig, type ClassifierPhrases } from './core/request-classifier.js';
import { parseWorkingHours, type WorkingHours } from './core/working-hours.js';
import { LOCALES, type Locale } from './i18n/locale.js';

/** Categories offered in the ticket form when `CATEGORIES` is not set. */
export const DEFAULT_CATEGORIES = ['Website', 'Design', 'Content', 'IT & tools', 'Other'] as const;

/** Teams offered in the ticket form when `TEAMS` is not set. */
export const DEFAULT_TEAMS = [
  'Sales',
  'Customer Success',
  'Product',
  'Engineering',
  'People & HR',
  'Finance & Operations',
  'Leadership',
  'Other',
] as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Validated, frozen settings the whole app reads instead of `process.env`. */
export interface Config {
  readonly slackBotToken: string;
  readonly slackSigningSecret: string | undefined;
  readonly slackAppToken: string | undefined;
  readonly slackUserToken: string | undefined;
  readonly slackApiUrl: string | undefined;
  readonly port: number;
  readonly databasePath: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly helperUserIds: readonly string[];
  readonly triageChannelId: string;
  readonly offerCooldownMinutes: number;
  readonly categories: readonly string[];
  readonly teams: readonly string[];
  readonly timezone: string;
  /** Workspaces (T…) or Enterprise Grid orgs (E…) allowed to use the bot; empty means the bot token's own workspace. */
  readonly allowedTeamIds: readonly string[];
  /** Where the daily digest goes; no digests at all when unset. */
  readonly digestChannelId: string | undefined;
  /** Where the weekly digest goes (the team channel); defaults to the digest channel. */
  readonly weeklyDigestChannelId: string | undefined;
  /** When the digests are posted (cron, in `timezone`). */
  readonly dailyDigestCron: string;
  readonly weeklyDigestCron: string;
  /** The language for people whose Slack language the bot does not speak, and for channel posts. */
  readonly defaultLocale: Locale;
  /** Inbox guard: also answer @mentions of the helper in channels (not only DMs to them). */
  readonly inboxWatchMentions: boolean;
  /** Inbox guard: how many "It's urgent" a person may send per day. */
  readonly urgentPerDay: number;
  /** Inbox guard: people never auto-replied to (say, the boss). */
  readonly inboxSkipUserIds: readonly string[];
  /** When the helper works (the inbox guard says when they are back); undefined means always. */
  readonly workingHours: WorkingHours | undefined;
  /** Extra phrases for telling a request for work from other messages. */
  readonly classifierPhrases: ClassifierPhrases;
}

/** Thrown when the environment does not describe a runnable bot; the message lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Request Desk cannot start: please fix these settings (in .env or the environment):\n${problems
        .map((p) => `  - ${p}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

// Slack IDs: users start with U or W, channels with C, G (private) or D (DM).
const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'each entry must be a Slack user ID such as U0123ABCD');

const commaList = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((s) => s.split(',').map((part) => part.trim()).filter((part) => part.length > 0))
    .pipe(z.array(item).min(1, 'must list at least one value'));

// Options shown in a Slack select: 75 characters per option, 100 options per select.
const optionList = commaList(z.string().max(75, 'each entry must be at most 75 characters')).pipe(
  z.array(z.string()).max(100, 'at most 100 entries').refine((xs) => new Set(xs).size === xs.length, 'entries must be unique'),
);

const channelId = z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel ID such as C0123ABCD (channel details → About)');
const cron = (fallback: string) =>
  z
    .string()
    .refine((p) => cronProblem(p, 'UTC') === undefined, 'must be a cron pattern such as "0 9 * * 1-5" (minute hour day month weekday)')
    .default(fallback);

const phraseList = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    try {
      return parsePhraseConfig(raw);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      return z.NEVER;
    }
  });

const isTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'must start with xoxb- (the Bot User OAuth Token)'),
    SLACK_SIGNING_SECRET: z.string().regex(/^[A-Za-z0-9]+$/, 'must be the Signing Secret from Basic Information').optional(),
    SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'must start with xapp- (an App-Level Token with connections:write)').optional(),
    SLACK_USER_TOKEN: z.string().regex(/^xoxp-/, 'must start with xoxp- (a User OAuth Token)').optional(),
    SLACK_API_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
      .transform((u) => (u.endsWith('/') ? u : `${u}/`))
      .optional(),
    PORT: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0).max(65535).default(3000),
    DATABASE_PATH: z.string().min(1).default('./data/request-desk.db'),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    HELPER_USER_IDS: commaList(userId),
    TRIAGE_CHANNEL_ID: channelId,
    DIGEST_CHANNEL_ID: channelId.optional(),
    WEEKLY_DIGEST_CHANNEL_ID: channelId.optional(),
    DAILY_DIGEST_CRON: cron('0 9 * * 1-5'),
    WEEKLY_DIGEST_CRON: cron('0 9 * * 1'),
    DEFAULT_LOCALE: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).default('en'),
    INBOX_WATCH_MENTIONS: z
      .enum(['true', 'false', 'yes', 'no', '1', '0'], { error: 'must be true or false' })
      .default('false')
      .transform((v) => ['true', 'yes', '1'].includes(v)),
    URGENT_PER_DAY: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0).max(100).default(2),
    INBOX_SKIP_USER_IDS: commaList(userId).optional(),
    WORKING_HOURS: z
      .string()
      .transform((raw, ctx) => {
        try {
          return parseWorkingHours(raw);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: `${err instanceof Error ? err.message : String(err)} (several spans: "Mon-Thu 09:00-17:30, Fri 09:00-14:00")` });
          return z.NEVER;
        }
      })
      .optional(),
    REQUEST_PHRASES: phraseList,
    REQUEST_WORK_WORDS: phraseList,
    NOT_REQUEST_PHRASES: phraseList,
    OFFER_COOLDOWN_MINUTES: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0).max(60 * 24 * 30).default(240),
    CATEGORIES: optionList.default([...DEFAULT_CATEGORIES]),
    TEAMS: optionList.default([...DEFAULT_TEAMS]),
    TIMEZONE: z.string().refine(isTimezone, 'must be an IANA time zone such as Europe/Berlin').optional(),
    ALLOWED_TEAM_IDS: commaList(z.string().regex(/^[TE][A-Z0-9]{2,}$/, 'each entry must be a workspace ID (T…) or org ID (E…)')).optional(),
  });

const describeMissing: Record<string, string> = {
  SLACK_BOT_TOKEN: 'missing: the Bot User OAuth Token (starts with xoxb-)',
  HELPER_USER_IDS: 'missing: the Slack user IDs of the helpers, comma-separated',
  TRIAGE_CHANNEL_ID: 'missing: the channel where new tickets are posted',
};

// An empty value (`SLACK_APP_TOKEN=` copied from .env.example) means "not set".
const presentValues = (env: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== '')) as Record<string, string>;

const problemsOf = (error: z.ZodError | undefined, present: Record<string, string>) =>
  (error?.issues ?? []).map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const missing = present[name] === undefined;
    return `${name}: ${missing && describeMissing[name] ? describeMissing[name] : issue.message}`;
  });

/** The settings the storage tools (backup, restore) need: where the database is, and how much to log. */
export interface StorageConfig {
  readonly databasePath: string;
  readonly logLevel: Config['logLevel'];
}

/** Reads only DATABASE_PATH and LOG_LEVEL, so the storage tools run without Slack credentials. */
export function loadStorageConfig(env: Record<string, string | undefined>): StorageConfig {
  const present = presentValues(env);
  const parsed = envSchema.pick({ DATABASE_PATH: true, LOG_LEVEL: true }).safeParse(present);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error, present));
  return Object.freeze({ databasePath: parsed.data.DATABASE_PATH, logLevel: parsed.data.LOG_LEVEL });
}

/** Reads only the classifier's phrase settings (for `npm run detect`, which needs no Slack credentials). */
export function loadClassifierPhrases(env: Record<string, string | undefined>): ClassifierPhrases {
  const present = presentValues(env);
  const parsed = envSchema.pick({ REQUEST_PHRASES: true, REQUEST_WORK_WORDS: true, NOT_REQUEST_PHRASES: true }).safeParse(present);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error, present));
  const e = parsed.data;
  return Object.freeze({ requestPhrases: e.REQUEST_PHRASES, workWords: e.REQUEST_WORK_WORDS, notRequestPhrases: e.NOT_REQUEST_PHRASES });
}

/** Reads the environment into a frozen `Config`, or throws `ConfigError` naming every bad or missing variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = presentValues(env);
  const parsed = envSchema.safeParse(present);
  const problems = problemsOf(parsed.error, present);
  // Checked beside the schema, so it is reported together with every other problem.
  if (present.SLACK_APP_TOKEN === undefined && present.SLACK_SIGNING_SECRET === undefined) {
    problems.push('SLACK_SIGNING_SECRET: missing: needed in HTTP mode (or set SLACK_APP_TOKEN to use Socket Mode)');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  return Object.freeze({
    slackBotToken: e.SLACK_BOT_TOKEN,
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    slackAppToken: e.SLACK_APP_TOKEN,
    slackUserToken: e.SLACK_USER_TOKEN,
    slackApiUrl: e.SLACK_API_URL,
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    logLevel: e.LOG_LEVEL,
    helperUserIds: Object.freeze(e.HELPER_USER_IDS),
    triageChannelId: e.TRIAGE_CHANNEL_ID,
    offerCooldownMinutes: e.OFFER_COOLDOWN_MINUTES,
    categories: Object.freeze(e.CATEGORIES),
    teams: Object.freeze(e.TEAMS),
    timezone: e.TIMEZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    allowedTeamIds: Object.freeze(e.ALLOWED_TEAM_IDS ?? []),
    digestChannelId: e.DIGEST_CHANNEL_ID,
    weeklyDigestChannelId: e.WEEKLY_DIGEST_CHANNEL_ID ?? e.DIGEST_CHANNEL_ID,
    dailyDigestCron: e.DAILY_DIGEST_CRON,
    weeklyDigestCron: e.WEEKLY_DIGEST_CRON,
    defaultLocale: e.DEFAULT_LOCALE,
    inboxWatchMentions: e.INBOX_WATCH_MENTIONS,
    urgentPerDay: e.URGENT_PER_DAY,
    inboxSkipUserIds: Object.freeze(e.INBOX_SKIP_USER_IDS ?? []),
    workingHours: e.WORKING_HOURS,
    classifierPhrases: loadClassifierPhrases(env),
  });
}
