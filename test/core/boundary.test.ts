import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The functional core imports nothing from Slack, the database, the logger or Node (CONVENTIONS.md).
const CORE_DIR = fileURLToPath(new URL('../../src/core/', import.meta.url));

const FORBIDDEN: readonly RegExp[] = [/^@slack\//, /^kysely(?:\/|$)/, /^better-sqlite3(?:\/|$)/, /^pino(?:\/|$)/, /^node:/];

/** Every .ts file under `dir`, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?ts$/.test(entry.name) ? [path] : [];
  });
}

/** Module specifiers a file pulls in: static imports, re-exports, side-effect imports, dynamic import() and require(). */
function importedModules(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] ?? ''));
}

const forbiddenIn = (source: string) => importedModules(source).filter((m) => FORBIDDEN.some((re) => re.test(m)));

describe('the import scanner', () => {
  it.each([
    ["import { App } from '@slack/bolt';", ['@slack/bolt']],
    ["import type { KnownBlock } from '@slack/types';", ['@slack/types']],
    ['import { Kysely, sql } from "kysely";', ['kysely']],
    ["import Database from 'better-sqlite3';", ['better-sqlite3']],
    ["import pino from 'pino';", ['pino']],
    ["import { readFileSync } from 'node:fs';", ['node:fs']],
    ["import {\n  createHash,\n} from 'node:crypto';", ['node:crypto']],
    ["export { foo } from 'node:path';", ['node:path']],
    ["export * from 'kysely/helpers/sqlite';", ['kysely/helpers/sqlite']],
    ["import 'pino';", ['pino']],
    ["const fs = await import('node:fs/promises');", ['node:fs/promises']],
    ["const db = require('better-sqlite3');", ['better-sqlite3']],
    ["import { classifyMessage } from './help-request.js';", []],
    ["import { z } from 'zod';", []],
    ["import { pinot } from './pinot.js';", []],
  ])('flags forbidden imports in %j', (source, expected) => {
    expect(forbiddenIn(source)).toEqual(expected);
  });
});

describe('src/core boundary', () => {
  const files = sourceFiles(CORE_DIR);

  it('finds the core files', () => {
    const names = files.map((f) => relative(CORE_DIR, f));
    expect(names).toEqual(expect.arrayContaining(['dates.ts', 'help-request.ts', 'offer-policy.ts', 'retry-policy.ts', 'slack-text.ts', 'ticket.ts']));
  });

  it.each(files.map((f) => [relative(CORE_DIR, f), f] as const))('%s imports no Slack, Kysely, better-sqlite3, pino or node: module', (_name, file) => {
    expect(forbiddenIn(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
