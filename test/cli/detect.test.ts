import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// What `npm run detect` runs: the built script (vitest's global setup builds dist), in an empty directory so no
// .env is read, with only the given settings in its environment.
const DETECT = resolve('dist/src/cli/detect.js');
const cwd = mkdtempSync(join(tmpdir(), 'detect-'));

function detect(input: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [DETECT], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run detect', () => {
  it('answers every line, in order, with the verdict, a tab and the reason, and prints nothing else', () => {
    const input = [
      'Could you make a banner for the webinar?',
      '',
      'lunch today?',
      'Kannst du mir bitte die Folien für Freitag anpassen?',
      '<@U123ABC> pls fix the footer :pray:',
      'danke dir!',
    ].join('\n');
    const r = detect(`${input}\n`);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n')).toEqual([
      'request\tpolite ask "could you" + work object "banner"',
      'other\tno words (empty, emoji or punctuation only)',
      'other\tsocial plan "lunch"',
      'request\tpolite ask "kannst du" + work object "folien"',
      'request\tplease "pls" + work object "footer"',
      'other\tthanks or acknowledgement "danke"',
      '',
    ]);
  });

  it('handles Windows line ends, a last line without a line end, and empty input', () => {
    expect(detect('lunch?\r\ncan you fix the logo').stdout).toBe('other\tsocial plan "lunch"\nrequest\tpolite ask "can you" + work object "logo"\n');
    expect(detect('')).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('streams: answers a line as soon as it is read, before the input ends', async () => {
    const child = spawn(process.execPath, [DETECT], { cwd, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    const waitFor = async (lines: number) => {
      while (stdout.split('\n').length <= lines) await new Promise((res) => setTimeout(res, 10));
    };
    child.stdout.on('data', (d: Buffer) => (stdout += String(d)));
    const exited = new Promise<number | null>((res) => child.on('exit', res));

    child.stdin.write('can you update the landing page?\n');
    await waitFor(1);
    expect(stdout).toBe('request\tpolite ask "can you" + work object "landing page"\n');
    child.stdin.write('wie geht’s?\n');
    await waitFor(2);
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(stdout.split('\n')[1]).toBe('other\tquestion about the person "wie geht\'s"');
  });

  it('reads extra phrases from REQUEST_PHRASES, REQUEST_WORK_WORDS and NOT_REQUEST_PHRASES', () => {
    const input = 'Could someone update the pricing page?\ncan you set up the webinar?\ncould you make a banner for the offsite?\n';
    expect(detect(input).stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['other', 'other', 'request', '']);
    const r = detect(input, { REQUEST_PHRASES: 'could someone; kann jemand', REQUEST_WORK_WORDS: 'webinar*', NOT_REQUEST_PHRASES: 'offsite' });
    expect(r.stdout).toBe(
      [
        'request\trequest phrase "could someone" + work object "page"',
        'request\tpolite ask "can you" + work object "webinar"',
        'other\tconfigured "never a request" phrase "offsite"',
        '',
      ].join('\n'),
    );
  });

  it('refuses a bad phrase setting with a clear message and nothing on stdout', () => {
    const r = detect('lunch?\n', { REQUEST_PHRASES: 'ok; *', NOT_REQUEST_PHRASES: 'ba*nner' });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('REQUEST_PHRASES: invalid phrases: "*" has no letters or digits');
    expect(r.stderr).toContain('NOT_REQUEST_PHRASES: invalid phrases: "ba*nner": * may only start or end a word');
  });
});
