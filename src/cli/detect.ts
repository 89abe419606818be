import { createInterface } from 'node:readline';
import { loadClassifierPhrases } from '../config.js';
import { classifyRequest } from '../core/request-classifier.js';
import { runCli } from './run-cli.js';

/**
 * `npm run detect`: reads messages one per line on stdin and writes, per line, `request` or `other`, a tab and the
 * reason; each answer is written as soon as its line is read, so it works in a pipe and at an interactive terminal.
 */
runCli(async ({ env, out }) => {
  const phrases = loadClassifierPhrases(env);
  // A reader that went away (`| head`) is the end of the job, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false })) {
    const { verdict, reason } = classifyRequest(line, phrases);
    out(`${verdict}\t${reason.slice(verdict.length + 2)}\n`);
  }
  // runCli exits as soon as this returns; wait until everything written has left the process.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
});
