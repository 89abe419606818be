import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

// Slack tokens (bot, user, app-level, refresh, config) wherever they appear, even inside error messages.
const TOKEN_PATTERN = /\b(?:xox[abposre]|xapp|xoxe\.xox[bp])-[A-Za-z0-9-]+/g;
const REDACTED = '[redacted]';

/** Replaces Slack tokens and the given secrets in a string with `[redacted]`. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PATTERN, REDACTED);
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out;
}

function scrubDeep(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value, secrets);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  // An Error's message and stack are not enumerable: serialise it the way pino would before scrubbing.
  if (value instanceof Error) return scrubDeep(pino.stdSerializers.err(value), secrets, depth + 1);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, secrets, depth + 1);
  return out;
}

export interface LoggerOptions {
  level: string;
  /** Where lines go: a file descriptor (1 = stdout, 2 = stderr) or a stream (tests capture logs this way). */
  destination?: 1 | 2 | DestinationStream;
  /** Values that must never be printed, such as the signing secret. Slack tokens are always redacted. */
  secrets?: readonly string[];
}

/** Builds the root pino logger: structured JSON, tokens and secrets redacted from every field and message. */
export function createLogger({ level, destination = 1, secrets = [] }: LoggerOptions): Logger {
  const stream = typeof destination === 'number' ? pino.destination({ fd: destination, sync: true }) : destination;
  return pino(
    {
      level,
      base: { app: 'request-desk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'botToken', '*.botToken'],
        censor: REDACTED,
      },
      // The formatter below already turned errors into plain objects (to scrub them); serialise only real Errors.
      serializers: { err: (v: unknown) => (v instanceof Error ? pino.stdSerializers.err(v) : v) },
      formatters: {
        level: (label) => ({ level: label }),
        log: (obj) => scrubDeep(obj, secrets) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? scrubSecrets(a, secrets) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    stream,
  );
}

const boltToPino: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Adapts a pino logger to the `Logger` interface Bolt and the Slack SDKs expect. */
export function toSlackLogger(logger: Logger): SlackLogger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...msgs: unknown[]) => {
    const err = msgs.find((m): m is Error => m instanceof Error);
    const text = msgs.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
    if (err) logger[level]({ err }, text);
    else logger[level](text);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // pino's level (LOG_LEVEL) is the single source of truth; Bolt's requests to change it are ignored.
    setLevel: () => {},
    getLevel: () => (Object.entries(boltToPino).find(([, v]) => v === logger.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: () => {},
  };
}
