import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CATEGORIES, DEFAULT_TEAMS, loadConfig, type Config } from '../src/config.js';

type Env = Record<string, string | undefined>;

/** The least an HTTP-mode bot needs. */
const MINIMAL: Env = {
  SLACK_BOT_TOKEN: 'xoxb-1-abc',
  SLACK_SIGNING_SECRET: 'abc123def456',
  HELPER_USER_IDS: 'U0123ABCD',
  TRIAGE_CHANNEL_ID: 'C0123ABCD',
};

const SYSTEM_TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Runs loadConfig expecting a ConfigError and returns it. */
function configError(env: Env): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

/** The problems naming `variable`: the entries that start with "VARIABLE:". */
const problemsFor = (error: ConfigError, variable: string) => error.problems.filter((p) => p.startsWith(`${variable}: `));

describe('loadConfig', () => {
  it('fills in defaults for everything optional', () => {
    expect(loadConfig(MINIMAL)).toEqual<Config>({
      slackBotToken: 'xoxb-1-abc',
      slackSigningSecret: 'abc123def456',
      slackAppToken: undefined,
      slackUserToken: undefined,
      slackApiUrl: undefined,
      port: 3000,
      databasePath: './data/request-desk.db',
      logLevel: 'info',
      helperUserIds: ['U0123ABCD'],
      triageChannelId: 'C0123ABCD',
      offerCooldownMinutes: 240,
      categories: [...DEFAULT_CATEGORIES],
      teams: [...DEFAULT_TEAMS],
      timezone: SYSTEM_TIMEZONE,
      allowedTeamIds: [],
      digestChannelId: undefined,
      weeklyDigestChannelId: undefined,
      dailyDigestCron: '0 9 * * 1-5',
      weeklyDigestCron: '0 9 * * 1',
      defaultLocale: 'en',
      inboxWatchMentions: false,
      urgentPerDay: 2,
      inboxSkipUserIds: [],
      workingHours: undefined,
      classifierPhrases: { requestPhrases: [], workWords: [], notRequestPhrases: [] },
    });
  });

  it('reads every variable when set', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-2-def',
      SLACK_SIGNING_SECRET: 'secret42',
      SLACK_APP_TOKEN: 'xapp-1-A1-xyz',
      SLACK_USER_TOKEN: 'xoxp-9-ghi',
      SLACK_API_URL: 'http://127.0.0.1:4000/api/',
      PORT: '8080',
      DATABASE_PATH: '/var/lib/request-desk/desk.db',
      LOG_LEVEL: 'debug',
      HELPER_USER_IDS: 'U0123ABCD,W0456EFGH',
      TRIAGE_CHANNEL_ID: 'G0PRIVATE1',
      OFFER_COOLDOWN_MINUTES: '60',
      CATEGORIES: 'Website,Design',
      TEAMS: 'Sales,Product',
      TIMEZONE: 'Europe/Berlin',
      ALLOWED_TEAM_IDS: 'T0ACME, E0GRID',
      DIGEST_CHANNEL_ID: 'C0DIGEST',
      WEEKLY_DIGEST_CHANNEL_ID: 'C0MARKETING',
      DAILY_DIGEST_CRON: '30 8 * * 1-5',
      WEEKLY_DIGEST_CRON: '0 10 * * 1',
      DEFAULT_LOCALE: 'de',
      INBOX_WATCH_MENTIONS: 'yes',
      URGENT_PER_DAY: '3',
      INBOX_SKIP_USER_IDS: 'U0BOSS',
      WORKING_HOURS: 'Mon-Fri 09:00-17:30',
      REQUEST_PHRASES: 'could someone; kann jemand',
      REQUEST_WORK_WORDS: 'one-pager',
      NOT_REQUEST_PHRASES: 'quick sync',
    });
    expect(config).toEqual<Config>({
      slackBotToken: 'xoxb-2-def',
      slackSigningSecret: 'secret42',
      slackAppToken: 'xapp-1-A1-xyz',
      slackUserToken: 'xoxp-9-ghi',
      slackApiUrl: 'http://127.0.0.1:4000/api/',
      port: 8080,
      databasePath: '/var/lib/request-desk/desk.db',
      logLevel: 'debug',
      helperUserIds: ['U0123ABCD', 'W0456EFGH'],
      triageChannelId: 'G0PRIVATE1',
      offerCooldownMinutes: 60,
      categories: ['Website', 'Design'],
      teams: ['Sales', 'Product'],
      timezone: 'Europe/Berlin',
      allowedTeamIds: ['T0ACME', 'E0GRID'],
      digestChannelId: 'C0DIGEST',
      weeklyDigestChannelId: 'C0MARKETING',
      dailyDigestCron: '30 8 * * 1-5',
      weeklyDigestCron: '0 10 * * 1',
      defaultLocale: 'de',
      inboxWatchMentions: true,
      urgentPerDay: 3,
      inboxSkipUserIds: ['U0BOSS'],
      workingHours: [{ days: [0, 1, 2, 3, 4], start: 540, end: 1050 }],
      classifierPhrases: { requestPhrases: ['could someone', 'kann jemand'], workWords: ['one-pager'], notRequestPhrases: ['quick sync'] },
    });
  });

  it.each([
    ['WORKING_HOURS', 'weekdays 9 to 5', /WORKING_HOURS: "weekdays 9 to 5" is not like "Mon-Fri 09:00-17:30"/],
    ['INBOX_WATCH_MENTIONS', 'sometimes', /INBOX_WATCH_MENTIONS: must be true or false/],
    ['DEFAULT_LOCALE', 'fr', /DEFAULT_LOCALE: must be one of en, de/],
    ['REQUEST_PHRASES', 'ok; a*b', /REQUEST_PHRASES: /],
    ['URGENT_PER_DAY', 'many', /URGENT_PER_DAY: must be a number/],
  ])('names a bad %s', (name, value, message) => {
    expect(() => loadConfig({ ...MINIMAL, [name]: value })).toThrow(message);
  });

  it('sends the weekly digest to the digest channel unless told otherwise, and names a bad cron pattern', () => {
    expect(loadConfig({ ...MINIMAL, DIGEST_CHANNEL_ID: 'C0DIGEST' }).weeklyDigestChannelId).toBe('C0DIGEST');
    expect(() => loadConfig({ ...MINIMAL, DAILY_DIGEST_CRON: 'every morning' })).toThrow(/DAILY_DIGEST_CRON: must be a cron pattern/);
    expect(() => loadConfig({ ...MINIMAL, WEEKLY_DIGEST_CRON: '0 25 * * 1' })).toThrow(/WEEKLY_DIGEST_CRON: must be a cron pattern/);
  });

  it('names a bad ALLOWED_TEAM_IDS entry', () => {
    expect(() => loadConfig({ ...MINIMAL, ALLOWED_TEAM_IDS: 'T0ACME,acme' })).toThrow(/ALLOWED_TEAM_IDS: each entry must be a workspace ID/);
  });

  it('returns a frozen config with frozen lists', () => {
    const config = loadConfig(MINIMAL);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.helperUserIds)).toBe(true);
    expect(Object.isFrozen(config.categories)).toBe(true);
    expect(Object.isFrozen(config.teams)).toBe(true);
  });

  it('ignores unrelated environment variables', () => {
    expect(loadConfig({ ...MINIMAL, PATH: '/usr/bin', HOME: '/root', NODE_ENV: 'test' })).toEqual(loadConfig(MINIMAL));
  });

  it.each<[name: string, env: Env, pick: (c: Config) => unknown, expected: unknown]>([
    // empty and blank values mean "not set"
    ['empty SLACK_APP_TOKEN is unset', { ...MINIMAL, SLACK_APP_TOKEN: '' }, (c) => c.slackAppToken, undefined],
    ['blank SLACK_USER_TOKEN is unset', { ...MINIMAL, SLACK_USER_TOKEN: '   ' }, (c) => c.slackUserToken, undefined],
    ['empty SLACK_API_URL is unset', { ...MINIMAL, SLACK_API_URL: '' }, (c) => c.slackApiUrl, undefined],
    ['empty PORT takes the default', { ...MINIMAL, PORT: '' }, (c) => c.port, 3000],
    ['empty DATABASE_PATH takes the default', { ...MINIMAL, DATABASE_PATH: '' }, (c) => c.databasePath, './data/request-desk.db'],
    ['empty LOG_LEVEL takes the default', { ...MINIMAL, LOG_LEVEL: '' }, (c) => c.logLevel, 'info'],
    ['empty OFFER_COOLDOWN_MINUTES takes the default', { ...MINIMAL, OFFER_COOLDOWN_MINUTES: '' }, (c) => c.offerCooldownMinutes, 240],
    ['empty CATEGORIES takes the default', { ...MINIMAL, CATEGORIES: '' }, (c) => c.categories, [...DEFAULT_CATEGORIES]],
    ['empty TEAMS takes the default', { ...MINIMAL, TEAMS: ' ' }, (c) => c.teams, [...DEFAULT_TEAMS]],
    ['empty TIMEZONE takes the system zone', { ...MINIMAL, TIMEZONE: '' }, (c) => c.timezone, SYSTEM_TIMEZONE],
    ['undefined PORT takes the default', { ...MINIMAL, PORT: undefined }, (c) => c.port, 3000],

    // Socket Mode needs no signing secret
    ['SLACK_APP_TOKEN without a signing secret', { ...MINIMAL, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: 'xapp-1-A1-xyz' }, (c) => [c.slackAppToken, c.slackSigningSecret], ['xapp-1-A1-xyz', undefined]],
    ['SLACK_APP_TOKEN with an empty signing secret', { ...MINIMAL, SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: 'xapp-1-A1-xyz' }, (c) => c.slackSigningSecret, undefined],

    // SLACK_API_URL gets a trailing slash
    ['SLACK_API_URL without a trailing slash', { ...MINIMAL, SLACK_API_URL: 'http://127.0.0.1:4000/api' }, (c) => c.slackApiUrl, 'http://127.0.0.1:4000/api/'],
    ['SLACK_API_URL with a trailing slash', { ...MINIMAL, SLACK_API_URL: 'https://slack.com/api/' }, (c) => c.slackApiUrl, 'https://slack.com/api/'],

    // comma lists trimmed, empty entries dropped
    ['HELPER_USER_IDS trimmed', { ...MINIMAL, HELPER_USER_IDS: ' U0123ABCD , W0456EFGH ,' }, (c) => c.helperUserIds, ['U0123ABCD', 'W0456EFGH']],
    ['CATEGORIES trimmed', { ...MINIMAL, CATEGORIES: 'Website ,  Design,,IT & tools ' }, (c) => c.categories, ['Website', 'Design', 'IT & tools']],
    ['TEAMS trimmed', { ...MINIMAL, TEAMS: 'Sales,  Customer Success ' }, (c) => c.teams, ['Sales', 'Customer Success']],

    // numbers
    ['PORT 0 (any free port)', { ...MINIMAL, PORT: '0' }, (c) => c.port, 0],
    ['PORT 65535', { ...MINIMAL, PORT: '65535' }, (c) => c.port, 65535],
    ['OFFER_COOLDOWN_MINUTES 0', { ...MINIMAL, OFFER_COOLDOWN_MINUTES: '0' }, (c) => c.offerCooldownMinutes, 0],
    ['OFFER_COOLDOWN_MINUTES 30 days', { ...MINIMAL, OFFER_COOLDOWN_MINUTES: '43200' }, (c) => c.offerCooldownMinutes, 43_200],

    ['LOG_LEVEL silent', { ...MINIMAL, LOG_LEVEL: 'silent' }, (c) => c.logLevel, 'silent'],
    ['TIMEZONE America/New_York', { ...MINIMAL, TIMEZONE: 'America/New_York' }, (c) => c.timezone, 'America/New_York'],
  ])('%s', (_name, env, pick, expected) => {
    expect(pick(loadConfig(env))).toEqual(expected);
  });

  const BAD_VALUES: [name: string, env: Env, variable: string, problem: string][] = [
    // missing required variables
    ['missing SLACK_BOT_TOKEN', { ...MINIMAL, SLACK_BOT_TOKEN: undefined }, 'SLACK_BOT_TOKEN', 'missing: the Bot User OAuth Token (starts with xoxb-)'],
    ['empty SLACK_BOT_TOKEN', { ...MINIMAL, SLACK_BOT_TOKEN: '' }, 'SLACK_BOT_TOKEN', 'missing: the Bot User OAuth Token (starts with xoxb-)'],
    ['missing HELPER_USER_IDS', { ...MINIMAL, HELPER_USER_IDS: undefined }, 'HELPER_USER_IDS', 'missing: the Slack user IDs of the helpers, comma-separated'],
    ['missing TRIAGE_CHANNEL_ID', { ...MINIMAL, TRIAGE_CHANNEL_ID: ' ' }, 'TRIAGE_CHANNEL_ID', 'missing: the channel where new tickets are posted'],

    // malformed values
    ['user token as bot token', { ...MINIMAL, SLACK_BOT_TOKEN: 'xoxp-1-abc' }, 'SLACK_BOT_TOKEN', 'must start with xoxb- (the Bot User OAuth Token)'],
    ['signing secret with punctuation', { ...MINIMAL, SLACK_SIGNING_SECRET: 'abc-123' }, 'SLACK_SIGNING_SECRET', 'must be the Signing Secret from Basic Information'],
    ['bot token as app token', { ...MINIMAL, SLACK_APP_TOKEN: 'xoxb-1-abc' }, 'SLACK_APP_TOKEN', 'must start with xapp- (an App-Level Token with connections:write)'],
    ['bot token as user token', { ...MINIMAL, SLACK_USER_TOKEN: 'xoxb-1-abc' }, 'SLACK_USER_TOKEN', 'must start with xoxp- (a User OAuth Token)'],
    ['SLACK_API_URL not a URL', { ...MINIMAL, SLACK_API_URL: 'slack api' }, 'SLACK_API_URL', 'must be an http(s) URL such as https://slack.com/api/'],
    ['SLACK_API_URL over ftp', { ...MINIMAL, SLACK_API_URL: 'ftp://slack.com/api/' }, 'SLACK_API_URL', 'must be an http(s) URL such as https://slack.com/api/'],
    ['PORT not a number', { ...MINIMAL, PORT: 'eighty' }, 'PORT', 'must be a number'],
    ['PORT with a fraction', { ...MINIMAL, PORT: '3000.5' }, 'PORT', 'must be a whole number'],
    ['LOG_LEVEL unknown', { ...MINIMAL, LOG_LEVEL: 'verbose' }, 'LOG_LEVEL', 'must be one of fatal, error, warn, info, debug, trace, silent'],
    ['HELPER_USER_IDS with a name', { ...MINIMAL, HELPER_USER_IDS: 'U0123ABCD,@anna' }, 'HELPER_USER_IDS', 'each entry must be a Slack user ID such as U0123ABCD'],
    ['HELPER_USER_IDS with a channel ID', { ...MINIMAL, HELPER_USER_IDS: 'C0123ABCD' }, 'HELPER_USER_IDS', 'each entry must be a Slack user ID such as U0123ABCD'],
    ['HELPER_USER_IDS only commas', { ...MINIMAL, HELPER_USER_IDS: ' , ,' }, 'HELPER_USER_IDS', 'must list at least one value'],
    [
      'TRIAGE_CHANNEL_ID as a channel name',
      { ...MINIMAL, TRIAGE_CHANNEL_ID: '#requests' },
      'TRIAGE_CHANNEL_ID',
      'must be a channel ID such as C0123ABCD (channel details → About)',
    ],
    [
      'TRIAGE_CHANNEL_ID as a DM',
      { ...MINIMAL, TRIAGE_CHANNEL_ID: 'D0123ABCD' },
      'TRIAGE_CHANNEL_ID',
      'must be a channel ID such as C0123ABCD (channel details → About)',
    ],
    ['OFFER_COOLDOWN_MINUTES not a number', { ...MINIMAL, OFFER_COOLDOWN_MINUTES: '4h' }, 'OFFER_COOLDOWN_MINUTES', 'must be a number'],
    ['OFFER_COOLDOWN_MINUTES with a fraction', { ...MINIMAL, OFFER_COOLDOWN_MINUTES: '1.5' }, 'OFFER_COOLDOWN_MINUTES', 'must be a whole number'],
    ['CATEGORIES with a duplicate', { ...MINIMAL, CATEGORIES: 'Website, Design, Website' }, 'CATEGORIES', 'entries must be unique'],
    ['TEAMS with a duplicate after trimming', { ...MINIMAL, TEAMS: 'Sales,Sales ' }, 'TEAMS', 'entries must be unique'],
    ['CATEGORIES only commas', { ...MINIMAL, CATEGORIES: ',' }, 'CATEGORIES', 'must list at least one value'],
    ['CATEGORIES entry too long for a Slack option', { ...MINIMAL, CATEGORIES: `Website,${'x'.repeat(76)}` }, 'CATEGORIES', 'each entry must be at most 75 characters'],
    [
      'TEAMS with more than 100 entries',
      { ...MINIMAL, TEAMS: Array.from({ length: 101 }, (_, i) => `Team ${i}`).join(',') },
      'TEAMS',
      'at most 100 entries',
    ],
    ['bad TIMEZONE', { ...MINIMAL, TIMEZONE: 'Mars/Olympus_Mons' }, 'TIMEZONE', 'must be an IANA time zone such as Europe/Berlin'],
    ['TIMEZONE as an abbreviation-like word', { ...MINIMAL, TIMEZONE: 'Berlin' }, 'TIMEZONE', 'must be an IANA time zone such as Europe/Berlin'],
  ];

  it.each(BAD_VALUES.map(([name, env, variable, problem]) => [name, variable, env, problem] as const))('%s: names %s', (_name, variable, env, problem) => {
    const error = configError(env);
    expect(error.name).toBe('ConfigError');
    expect(error.problems).toEqual([`${variable}: ${problem}`]);
    expect(error.message).toContain(`  - ${variable}: ${problem}`);
  });

  // The signing secret is only required in HTTP mode; the problem must say so and point to Socket Mode.
  const SIGNING_SECRET_MISSING = /^SLACK_SIGNING_SECRET: missing: .*HTTP mode.*SLACK_APP_TOKEN/;

  it.each<[name: string, env: Env]>([
    ['missing SLACK_SIGNING_SECRET without SLACK_APP_TOKEN', { ...MINIMAL, SLACK_SIGNING_SECRET: undefined }],
    ['empty SLACK_SIGNING_SECRET with an empty SLACK_APP_TOKEN', { ...MINIMAL, SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' }],
    ['blank SLACK_SIGNING_SECRET without SLACK_APP_TOKEN', { ...MINIMAL, SLACK_SIGNING_SECRET: '  ' }],
  ])('%s: names SLACK_SIGNING_SECRET', (_name, env) => {
    const error = configError(env);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(SIGNING_SECRET_MISSING);
    expect(error.message).toContain(`  - ${error.problems[0]}`);
  });

  const OUT_OF_RANGE: [name: string, env: Env, variable: string][] = [
    ['PORT too large', { ...MINIMAL, PORT: '70000' }, 'PORT'],
    ['PORT negative', { ...MINIMAL, PORT: '-1' }, 'PORT'],
    ['OFFER_COOLDOWN_MINUTES negative', { ...MINIMAL, OFFER_COOLDOWN_MINUTES: '-5' }, 'OFFER_COOLDOWN_MINUTES'],
    ['OFFER_COOLDOWN_MINUTES over 30 days', { ...MINIMAL, OFFER_COOLDOWN_MINUTES: '43201' }, 'OFFER_COOLDOWN_MINUTES'],
  ];

  it.each(OUT_OF_RANGE.map(([name, env, variable]) => [name, variable, env] as const))('%s: names %s and nothing else', (_name, variable, env) => {
    const error = configError(env);
    expect(error.problems).toHaveLength(1);
    expect(problemsFor(error, variable)).toHaveLength(1);
    expect(error.message).toContain(`  - ${variable}: `);
  });

  it('lists every missing variable at once when nothing is set', () => {
    const error = configError({});
    expect([...error.problems].sort()).toEqual([
      'HELPER_USER_IDS: missing: the Slack user IDs of the helpers, comma-separated',
      'SLACK_BOT_TOKEN: missing: the Bot User OAuth Token (starts with xoxb-)',
      expect.stringMatching(SIGNING_SECRET_MISSING),
      'TRIAGE_CHANNEL_ID: missing: the channel where new tickets are posted',
    ]);
    for (const problem of error.problems) expect(error.message).toContain(`  - ${problem}`);
  });

  it('lists every bad variable at once', () => {
    const error = configError({
      SLACK_BOT_TOKEN: 'xoxp-wrong',
      HELPER_USER_IDS: 'anna',
      TRIAGE_CHANNEL_ID: 'requests',
      PORT: 'http',
      LOG_LEVEL: 'loud',
      CATEGORIES: 'A,A',
      TIMEZONE: 'Nowhere/Land',
    });
    const named = error.problems.map((p) => p.slice(0, p.indexOf(':'))).sort();
    expect(named).toEqual(
      [
        'CATEGORIES',
        'HELPER_USER_IDS',
        'LOG_LEVEL',
        'PORT',
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
        'TIMEZONE',
        'TRIAGE_CHANNEL_ID',
      ],
    );
    for (const variable of named) expect(error.message).toContain(`  - ${variable}: `);
  });

  it('names a missing signing secret alongside a bad token', () => {
    const error = configError({ ...MINIMAL, SLACK_SIGNING_SECRET: undefined, SLACK_BOT_TOKEN: 'xoxp-wrong' });
    expect([...error.problems].sort()).toEqual([
      'SLACK_BOT_TOKEN: must start with xoxb- (the Bot User OAuth Token)',
      expect.stringMatching(SIGNING_SECRET_MISSING),
    ]);
  });

  it('reports one problem per variable even when several entries of a list are bad', () => {
    const error = configError({ ...MINIMAL, HELPER_USER_IDS: 'anna,bob,carl' });
    expect(error.problems).toEqual(['HELPER_USER_IDS: each entry must be a Slack user ID such as U0123ABCD']);
  });

  it('starts its message with what to do', () => {
    const error = configError({ ...MINIMAL, LOG_LEVEL: 'loud' });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(
      'Request Desk cannot start: please fix these settings (in .env or the environment):\n' +
        '  - LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });
});
