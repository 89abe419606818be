import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../src/logger.js';

function capture(secrets: string[] = []) {
  const lines: Record<string, any>[] = [];
  const logger = createLogger({ level: 'debug', secrets, destination: { write: (l: string) => void lines.push(JSON.parse(l)) } });
  return { logger, lines };
}

describe('the logger', () => {
  it('keeps an error\'s type, message and stack, with tokens scrubbed from them', () => {
    const { logger, lines } = capture();
    const err = Object.assign(new Error('call failed for xoxb-123-456-abcdef'), { code: 'slack_webapi_platform_error' });
    logger.error({ err }, 'boom');
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'boom', err: { type: 'Error', message: 'call failed for [redacted]', code: 'slack_webapi_platform_error' } });
    expect(lines[0]!.err.stack).toMatch(/^Error: call failed for \[redacted\]\n\s+at /);
  });

  it('redacts tokens and the given secrets in messages, fields and nested values', () => {
    const { logger, lines } = capture(['mysigningsecret123']);
    logger.info({ token: 'xoxb-1', headers: { authorization: 'Bearer xoxb-2' }, nested: { list: ['xapp-1-A-2', 'fine'] }, s: 'key=mysigningsecret123' }, 'user token xoxp-9-9 here');
    const line = JSON.stringify(lines[0]);
    for (const leaked of ['xoxb-1', 'xoxb-2', 'xapp-1-A-2', 'xoxp-9-9', 'mysigningsecret123']) expect(line).not.toContain(leaked);
    expect(lines[0]).toMatchObject({ msg: 'user token [redacted] here', nested: { list: ['[redacted]', 'fine'] }, s: 'key=[redacted]' });
  });

  it.each([
    ['xoxb-1234-5678-abcdEFGH', '[redacted]'],
    ['Bearer xoxe.xoxp-1-abc', 'Bearer [redacted]'],
    ['no token here', 'no token here'],
  ])('scrubSecrets(%j) → %j', (text, expected) => {
    expect(scrubSecrets(text)).toBe(expected);
  });
});
