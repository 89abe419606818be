import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// User text may reach SQL only as a bound parameter. Kysely binds every value (and every `${}` inside a sql``
// template); these are the ways around that, and none may appear in the code.
const UNSAFE = [/sql\.raw\s*\(/, /sql\.lit\s*\(/, /sql\.id\s*\(/, /sql\.ref\s*\(/, /sql\.join\s*\(/, /\.key\s*\(/, /\.prepare\s*\(\s*`[^`]*\$\{/, /\.exec\s*\(\s*`[^`]*\$\{/];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('SQL is built only with bound parameters', () => {
  it.each([...files('src'), ...files('migrations')])('%s', (path) => {
    const text = readFileSync(path, 'utf8');
    for (const pattern of UNSAFE) expect(text, `${pattern}`).not.toMatch(pattern);
  });

  it('the check catches what it looks for', () => {
    expect(UNSAFE.some((p) => p.test('db.prepare(`select * from t where x = ${input}`)'))).toBe(true);
    expect(UNSAFE.some((p) => p.test("sql.raw('drop table ' + name)"))).toBe(true);
  });
});
