import { describe, expect, it } from 'vitest';
import { button, context, escapeMrkdwn, escapeMrkdwnWithin, LIMITS, link, mrkdwn, plainText, section, slackDate, truncate } from '../../src/slack/views/blocks.js';

describe('escapeMrkdwn', () => {
  it.each([
    ['', ''],
    ['plain words, *bold* and _italic_ stay', 'plain words, *bold* and _italic_ stay'],
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['<!channel>', '&lt;!channel&gt;'],
    ['<!here|here>', '&lt;!here|here&gt;'],
    ['<@U999>', '&lt;@U999&gt;'],
    ['<https://evil.example|your bank>', '&lt;https://evil.example|your bank&gt;'],
    ['Tom & Jerry <3', 'Tom &amp; Jerry &lt;3'],
    // Someone who literally typed an entity sees it as typed, not decoded into a control character.
    ['&lt;!channel&gt;', '&amp;lt;!channel&amp;gt;'],
    ['a > b && c < d', 'a &gt; b &amp;&amp; c &lt; d'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });
});

describe('escapeMrkdwnWithin', () => {
  it.each([
    ['short text is only escaped', 'a < b', 20, 'a &lt; b'],
    ['cuts before an entity rather than through it', '&&&&&', 12, '&amp;&amp;…'],
    ['counts the escaped length', 'ab<cd', 6, 'ab…'],
    ['never splits an emoji', 'ab🎉🎉🎉', 5, 'ab🎉…'],
  ])('%s', (_label, text, max, expected) => {
    const out = escapeMrkdwnWithin(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });
});

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['', 5, ''],
    ['abcdefghij', 10, 'abcdefghij'],
    ['abcdefghijk', 10, 'abcdefghi…'],
    // The only space is too far back (≤ 60 % of max), so it cuts mid-word.
    ['hello world again', 12, 'hello world…'],
    // A space near the end: cuts at the word boundary.
    ['one two three four', 15, 'one two three…'],
    ['x'.repeat(5000), 3000, `${'x'.repeat(2999)}…`],
  ])('truncate(%j, %i) is %j', (input, max, expected) => {
    const out = truncate(input, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });

  it('never exceeds max for many lengths and shapes', () => {
    const text = 'lorem ipsum dolor sit amet '.repeat(20);
    for (let max = 2; max <= 200; max++) {
      const out = truncate(text, max);
      expect(out.length, `max ${max}`).toBeLessThanOrEqual(max);
      expect(out.endsWith('…'), `max ${max}`).toBe(true);
    }
  });
});

describe('link', () => {
  it.each([
    ['https://acme.slack.com/archives/C1/p1700000000000100', 'Original message', '<https://acme.slack.com/archives/C1/p1700000000000100|Original message>'],
    ['http://example.com/a?b=1&c=2', 'x', '<http://example.com/a?b=1&c=2|x>'],
  ])('links %s', (url, label, expected) => {
    expect(link(url, label)).toBe(expected);
  });

  it('escapes the label', () => {
    expect(link('https://example.com', '<!here> & co')).toBe('<https://example.com|&lt;!here&gt; &amp; co>');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['empty', ''],
    ['javascript: URL', 'javascript:alert(1)'],
    ['ftp URL', 'ftp://example.com/file'],
    ['relative path', '/archives/C1/p1'],
    ['URL with |', 'https://example.com|forged'],
    ['URL with | and a label with spaces', 'https://example.com|forged label'],
    ['URL with >', 'https://example.com>'],
    ['URL with <', 'https://example.com/<!channel>'],
    ['URL with a space', 'https://example.com/a b'],
    ['URL with a newline', 'https://example.com\n<!channel>'],
    ['scheme not at the start', ' https://example.com'],
  ])('gives no link for %s', (_name, url) => {
    expect(link(url, 'label')).toBeUndefined();
  });
});

describe('text object helpers', () => {
  it('plainText cuts to max and enables emoji', () => {
    expect(plainText('x'.repeat(50), 24)).toEqual({ type: 'plain_text', text: `${'x'.repeat(23)}…`, emoji: true });
    expect(plainText('x'.repeat(4000)).text.length).toBeLessThanOrEqual(LIMITS.sectionText);
  });

  it('mrkdwn is verbatim and cut to max', () => {
    expect(mrkdwn('hi')).toEqual({ type: 'mrkdwn', text: 'hi', verbatim: true });
    expect(mrkdwn('y'.repeat(4000)).text.length).toBe(LIMITS.sectionText);
  });

  it('section and context stay within limits', () => {
    expect(section('z'.repeat(10_000))).toMatchObject({ type: 'section', text: { type: 'mrkdwn', verbatim: true } });
    expect(section('z'.repeat(10_000)).text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    const lines = Array.from({ length: 15 }, (_, i) => `line ${i}`);
    const ctx = context(...lines);
    expect(ctx.elements).toHaveLength(LIMITS.contextElements);
    expect(ctx.elements[0]).toEqual({ type: 'mrkdwn', text: 'line 0', verbatim: true });
  });

  it('button keeps text, value and style within limits', () => {
    const b = button('act', 'T'.repeat(100), 'v'.repeat(3000), 'primary');
    expect(b.action_id).toBe('act');
    expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
    expect(b.value).toHaveLength(LIMITS.buttonValue);
    expect(b.style).toBe('primary');
    expect('style' in button('act', 'Plain', '1')).toBe(false);
  });

  it('slackDate renders a Slack date token with a UTC fallback', () => {
    const at = new Date('2026-11-25T10:00:30Z');
    expect(slackDate(at)).toBe(`<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} at {time}|2026-11-25 10:00 UTC>`);
  });
});
