import { describe, expect, it } from 'vitest';
import { decodeFormMetadata, encodeFormMetadata, type FormMetadata } from '../../src/slack/form-metadata.js';

const PLAIN: FormMetadata = { v: 1, source: 'command' };

describe('form metadata codec', () => {
  it.each<Omit<FormMetadata, 'v'>>([
    { source: 'command' },
    { source: 'dm', offerId: 7, offerMessage: { kind: 'message', channel: 'D123', ts: '1764064800.000100' } },
    {
      source: 'mention',
      offerId: 12,
      offerMessage: { kind: 'ephemeral', channel: 'C123', responseUrl: 'https://hooks.slack.com/actions/T1/123/abc' },
    },
    { source: 'shortcut', message: { channel: 'C0SALES', ts: '1764064800.000100' }, authorId: 'UALICE' },
    { source: 'shortcut', message: { channel: 'G0SECRET', ts: '1764064800.000100' } },
  ])('round-trips %j', (metadata) => {
    const text = encodeFormMetadata(metadata);
    expect(JSON.parse(text)).toEqual({ v: 1, ...metadata });
    expect(decodeFormMetadata(text)).toEqual({ v: 1, ...metadata });
  });

  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['not JSON', 'not json {'],
    ['JSON null', 'null'],
    ['a JSON array', '[1,2]'],
    ['a JSON string', '"command"'],
    ['an empty object', '{}'],
    ['wrong version', '{"v":2,"source":"dm","offerId":1}'],
    ['version as a string', '{"v":"1","source":"dm"}'],
    ['unknown source', '{"v":1,"source":"admin"}'],
    ['negative offer id', '{"v":1,"source":"dm","offerId":-1}'],
    ['fractional offer id', '{"v":1,"source":"dm","offerId":1.5}'],
    ['offer id as a string', '{"v":1,"source":"dm","offerId":"7"}'],
    ['unknown message kind', '{"v":1,"source":"dm","offerMessage":{"kind":"dm","channel":"D1","ts":"1.2"}}'],
    ['message without ts', '{"v":1,"source":"dm","offerMessage":{"kind":"message","channel":"D1"}}'],
    ['a shortcut message with a forged channel', '{"v":1,"source":"shortcut","message":{"channel":"C1><!channel>","ts":"1764064800.000100"}}'],
    ['a shortcut message with a forged ts', '{"v":1,"source":"shortcut","message":{"channel":"C1","ts":"1; drop"}}'],
    ['a shortcut with a forged author', '{"v":1,"source":"shortcut","authorId":"U1><!channel>"}'],
    ['ephemeral with a non-URL', '{"v":1,"source":"dm","offerMessage":{"kind":"ephemeral","channel":"D1","responseUrl":"not a url"}}'],
  ])('decodes %s as a plain /request form', (_name, text) => {
    expect(decodeFormMetadata(text)).toEqual(PLAIN);
  });

  it('drops unknown keys from otherwise valid metadata', () => {
    expect(decodeFormMetadata('{"v":1,"source":"dm","offerId":3,"isAdmin":true}')).toEqual({ v: 1, source: 'dm', offerId: 3 });
  });

  it('encodes up to 3,000 characters and throws past that', () => {
    const base = encodeFormMetadata({ source: 'dm', offerMessage: { kind: 'message', channel: '', ts: '1' } }).length;
    const fits = { source: 'dm' as const, offerMessage: { kind: 'message' as const, channel: 'C'.repeat(3000 - base), ts: '1' } };
    expect(encodeFormMetadata(fits)).toHaveLength(3000);
    const tooLong = { ...fits, offerMessage: { ...fits.offerMessage, channel: 'C'.repeat(3001 - base) } };
    expect(() => encodeFormMetadata(tooLong)).toThrow(/private_metadata too long/);
  });
});
