import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { submitForm, VALID_FORM } from '../support/flows.js';
import { startHarness, TestClock, type Harness } from '../support/harness.js';

// The storage tools as an operator runs them: the built scripts, DATABASE_PATH from the environment.
function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [resolve(`dist/src/cli/${script}.js`), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const numbers = async (harness: Harness) =>
  (await harness.desk.db.selectFrom('tickets').select('number').orderBy('number').execute()).map((t) => t.number);

describe('npm run backup / npm run restore', () => {
  it('backs up while the bot runs, restores after it stopped, and never hands a ticket number out twice', async () => {
    // Real time: restore tells a running bot by its recent heartbeat.
    h = await startHarness({ clock: new TestClock(new Date()) });
    const env = { DATABASE_PATH: h.dbPath };
    await submitForm(h, 'UALICE', { ...VALID_FORM, title: 'one' });
    await submitForm(h, 'UBOB', { ...VALID_FORM, title: 'two' });
    const file = join(h.dbPath, '..', 'backup.db');

    const backup = cli('backup', [file], env);
    expect(backup).toMatchObject({ code: 0, stdout: `${file}\n` });
    expect(backup.stderr).toContain('backed up 2 tickets (up to #2)');

    await submitForm(h, 'UCAROL', { ...VALID_FORM, title: 'three, after the backup' });
    const refused = cli('restore', [file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Request Desk is running on .*; stop it first/);

    await h.desk.stop();
    const restore = cli('restore', [file], env);
    expect(restore).toMatchObject({ code: 0, stdout: `${h.dbPath}\n` });
    expect(restore.stderr).toContain('restored 2 tickets');
    expect(restore.stderr).toContain('the next ticket is #4');

    await h.restart();
    expect(await numbers(h)).toEqual([1, 2]);
    await submitForm(h, 'UDAN', { ...VALID_FORM, title: 'four' });
    expect(await numbers(h)).toEqual([1, 2, 4]);
  });

  it('refuses to overwrite a backup without --force, and rejects a file that is not a backup', async () => {
    h = await startHarness();
    const env = { DATABASE_PATH: h.dbPath };
    const file = join(h.dbPath, '..', 'taken.db');
    writeFileSync(file, 'not a database');
    expect(cli('backup', [file], env)).toMatchObject({ code: 2, stdout: '' });
    expect(cli('backup', [file, '--force'], env).code).toBe(0);

    await h.desk.stop();
    const junk = join(h.dbPath, '..', 'junk.db');
    writeFileSync(junk, 'x'.repeat(4096));
    const restore = cli('restore', [junk], env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/not a database|damaged/);
    expect(existsSync(h.dbPath)).toBe(true);
    await h.restart();
  });

  it('explains its usage', () => {
    expect(cli('backup', [], { DATABASE_PATH: '/nonexistent/x.db' })).toMatchObject({ code: 2, stderr: 'usage: npm run backup -- <file> [--force]\n' });
    expect(cli('backup', ['/tmp/never.db'], { DATABASE_PATH: '/nonexistent/x.db' }).stderr).toMatch(/there is no database at/);
  });
});
