import { createInterface } from 'node:readline';
import { ConfigError } from '../config.js';
import { classifyRequest, parsePhraseConfig, type ClassifierPhrases } from '../core/request-classifier.js';
import { runCli } from './run-cli.js';

// The optional settings that extend the classifier's built-in phrases (format: see parsePhraseConfig).
const SETTINGS = {
  REQUEST_PHRASES: 'requestPhrases',
  REQUEST_WORK_WORDS: 'workWords',
  NOT_REQUEST_PHRASES: 'notRequestPhrases',
} as const satisfies Record<string, keyof ClassifierPhrases>;

/** Reads the phrase settings from the environment, or throws ConfigError naming every bad one. */
function phrasesFrom(env: NodeJS.ProcessEnv): ClassifierPhrases {
  const phrases: Record<string, string[]> = {};
  const problems: string[] = [];
  for (const [name, key] of Object.entries(SETTINGS)) {
    try {
      phrases[key] = parsePhraseConfig(env[name] ?? '');
    } catch (err) {
      problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return phrases;
}

/**
 * `npm run detect`: reads messages one per line on stdin and writes, per line, `request` or `other`, a tab and the
 * reason; each answer is written as soon as its line is read, so it works in a pipe and at an interactive terminal.
 */
runCli(async ({ env, out }) => {
  const phrases = phrasesFrom(env);
  // A reader that went away (`| head`) is the end of the job, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false })) {
    const { verdict, reason } = classifyRequest(line, phrases);
    out(`${verdict}\t${reason.slice(verdict.length + 2)}\n`);
  }
  // runCli exits as soon as this returns; wait until everything written has left the process.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
});
