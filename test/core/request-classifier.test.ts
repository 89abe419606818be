import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/core/help-request.js';
import { classifyRequest, parsePhraseConfig } from '../../src/core/request-classifier.js';
import { LABELLED_MESSAGES, type LabelledMessage } from './request-classifier.labelled.js';

interface Figures {
  rows: number;
  precision: number;
  recall: number;
  falsePositives: string[];
  misses: string[];
}

function score(rows: readonly LabelledMessage[]): Figures {
  const predicted = rows.map((m) => ({ m, verdict: classifyRequest(m.text).verdict }));
  const tp = predicted.filter(({ m, verdict }) => verdict === 'request' && m.label === 'request').length;
  const falsePositives = predicted.filter(({ m, verdict }) => verdict === 'request' && m.label === 'other').map(({ m }) => m.text);
  const misses = predicted.filter(({ m, verdict }) => verdict === 'other' && m.label === 'request').map(({ m }) => m.text);
  return {
    rows: rows.length,
    precision: tp + falsePositives.length === 0 ? 1 : tp / (tp + falsePositives.length),
    recall: tp + misses.length === 0 ? 1 : tp / (tp + misses.length),
    falsePositives,
    misses,
  };
}

describe('classifyRequest on the labelled table', () => {
  const groups = {
    en: LABELLED_MESSAGES.filter((m) => m.lang === 'en'),
    de: LABELLED_MESSAGES.filter((m) => m.lang === 'de'),
    overall: LABELLED_MESSAGES,
  };

  it('has enough rows in both languages, with requests and others roughly balanced', () => {
    for (const lang of ['en', 'de'] as const) {
      const rows = groups[lang];
      expect(rows.length).toBeGreaterThanOrEqual(60);
      const requests = rows.filter((m) => m.label === 'request').length;
      expect(requests / rows.length).toBeGreaterThan(0.4);
      expect(requests / rows.length).toBeLessThan(0.6);
    }
    expect(new Set(LABELLED_MESSAGES.map((m) => m.text)).size).toBe(LABELLED_MESSAGES.length);
  });

  it.each(Object.keys(groups) as (keyof typeof groups)[])('is precise (≥ 0.95) and finds most requests (≥ 0.75): %s', (group) => {
    const f = score(groups[group]);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    process.stdout.write(
      `request classifier, ${group}: ${f.rows} messages, precision ${pct(f.precision)}, recall ${pct(f.recall)}` +
        `${f.falsePositives.length ? `\n  false positives: ${JSON.stringify(f.falsePositives)}` : ''}` +
        `${f.misses.length ? `\n  missed requests: ${JSON.stringify(f.misses)}` : ''}\n`,
    );
    expect(f.precision, `false positives: ${f.falsePositives.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
    expect(f.recall, `missed: ${f.misses.join(' | ')}`).toBeGreaterThanOrEqual(0.75);
  });

  it('never names the wrong language', () => {
    const wrong = LABELLED_MESSAGES.filter((m) => {
      const { language } = classifyRequest(m.text);
      return language !== undefined && language !== m.lang;
    });
    expect(wrong.map((m) => m.text)).toEqual([]);
  });
});

describe('classifyRequest reasons', () => {
  it.each([
    ['Could you make a banner for the webinar?', 'request: polite ask "could you" + work object "banner"', 'en'],
    ['Kannst du für das Sommerfest eine Einladung gestalten?', 'request: polite ask "kannst du" + work verb "gestalten"', 'de'],
    ['I need a one-pager for Friday', 'request: need "need a" + work object "one pager"', 'en'],
    ['schick mir bitte die Messebanner', 'request: please "bitte" + work object "messebanner"', 'de'],
    ['send me the logo files', 'request: imperative "send me" + work object "logo"', 'en'],
    ['lunch today?', 'other: social plan "lunch"', 'en'],
    ['Feierabendbier? Und kannst du mir das Logo schicken?', 'other: social plan "feierabendbier"', 'de'],
    ['can you believe this weather', 'other: not a request "can you believe"', 'en'],
    ['could you see my screen earlier?', 'other: meeting chatter "my screen"', 'en'],
    ['what do you think of the new banner?', 'other: asks for an opinion "what do you think"', 'en'],
    ['never mind, I found the logo', 'other: cancelled or declined "never mind"', 'en'],
    ['how are you doing?', 'other: question about the person "how are you"', 'en'],
    ['FYI <https://example.com/news|a banner we liked>', 'other: FYI "fyi"', 'en'],
    ['Kannst du mir den Zoom-Link schicken?', 'other: polite ask "kannst du" but no work object', 'de'],
    ['danke dir!', 'other: thanks or acknowledgement "danke"', 'de'],
    ['running late to the call, sorry', 'other: status chatter "running late"', 'en'],
    ['<https://example.com/article> is great', 'other: link shared without an ask', 'en'],
    ['the new website looks great', 'other: work word "website" but no ask', 'en'],
    ['are you in the office today?', 'other: no ask', 'en'],
  ])('%j → %s', (text, reason, language) => {
    expect(classifyRequest(text)).toEqual({ verdict: reason.split(':')[0], reason, language });
  });

  it.each([
    ['', 'other: no words (empty, emoji or punctuation only)'],
    ['   ', 'other: no words (empty, emoji or punctuation only)'],
    [':tada: 👍 !!!', 'other: no words (empty, emoji or punctuation only)'],
    ['<https://example.com/banner>', 'other: link shared without an ask'],
  ])('says `other` without a language when there are no words: %j', (text, reason) => {
    expect(classifyRequest(text)).toEqual({ verdict: 'other', reason });
  });

  it('lets a request in one sentence stand beside thanks or a greeting in another', () => {
    expect(classifyRequest('Thanks for the flyer! Could you also make the poster?').verdict).toBe('request');
    expect(classifyRequest('Hi, wie geht’s? Kannst du mir das Logo schicken?').verdict).toBe('request');
    // …but a pleasantry or FYI in the same sentence as the ask makes it `other` (precision first).
    expect(classifyRequest('how are you, can you send the deck').reason).toBe('other: question about the person "how are you"');
  });

  it('reads a mealtime as a time, not a plan', () => {
    expect(classifyRequest('could you send me the deck before lunch?').verdict).toBe('request');
    expect(classifyRequest('Kannst du das Banner nach der Mittagspause anpassen?').verdict).toBe('request');
  });

  it('tells könntest from konntest, and ä/ö/ü from ae/oe/ue', () => {
    expect(classifyRequest('koenntest du die Folien anpassen').verdict).toBe('request');
    expect(classifyRequest('konntest du die Folien anpassen').verdict).toBe('other');
  });

  it('does not count a strong work verb alone when the sentence is about a meeting', () => {
    expect(classifyRequest('can you create a meeting for Tuesday?').reason).toBe('other: polite ask "can you" but no work object');
    expect(classifyRequest('can you fix it?').reason).toBe('request: polite ask "can you" + work verb "fix"');
  });
});

describe('Slack markup does not confuse classifyRequest', () => {
  it.each([
    ['<@U123|lunch> could you update the banner?', 'request'],
    ['<#C123|coffee-chat> could you fix the footer?', 'request'],
    [':coffee: could you fix the footer?', 'request'],
    ['could you update <https://acme.com/pricing|the pricing page>', 'request'],
    ['&lt;@here&gt; can you make a flyer', 'request'],
    ['look <https://acme.com/banner-logo-flyer> please', 'other'],
    ['<@U123> <@U456>', 'other'],
    [':pray: :pray:', 'other'],
  ])('%j → %s', (text, verdict) => {
    expect(classifyRequest(text).verdict).toBe(verdict);
  });
});

describe('phrases from configuration', () => {
  it('parses a setting: ; or line breaks, trimmed, lower-cased, blanks and duplicates dropped', () => {
    expect(parsePhraseConfig(' Needs a new ;brauche dringend;\n\n*Messe*; needs a new ')).toEqual(['needs a new', 'brauche dringend', '*messe*']);
    expect(parsePhraseConfig('')).toEqual([]);
    expect(parsePhraseConfig(' ; \n')).toEqual([]);
  });

  it.each([
    ['*', 'has no letters or digits'],
    ['foo; ...', 'has no letters or digits'],
    ['ba*nner', '* may only start or end a word'],
    ['... banner', 'may not start or end with ...'],
    ['hast du ...', 'may not start or end with ...'],
  ])('rejects %j', (raw, problem) => {
    expect(() => parsePhraseConfig(raw)).toThrow(problem);
  });

  it('adds ways of asking, work words and "never a request" phrases without code changes', () => {
    expect(classifyRequest('Could someone update the pricing page?').verdict).toBe('other');
    const phrases = {
      requestPhrases: parsePhraseConfig('could someone; kann jemand'),
      workWords: parsePhraseConfig('webinar*; *messe*'),
      notRequestPhrases: parsePhraseConfig('offsite; hackathon'),
    };
    expect(classifyRequest('Could someone update the pricing page?', phrases).reason).toBe('request: request phrase "could someone" + work object "page"');
    expect(classifyRequest('Kann jemand die Preisseite aktualisieren?', phrases).verdict).toBe('request');
    expect(classifyRequest('can you set up the webinars for May?').verdict).toBe('other');
    expect(classifyRequest('can you set up the webinars for May?', phrases).reason).toBe('request: polite ask "can you" + work object "webinars"');
    expect(classifyRequest('Kannst du die Herbstmesse vorbereiten?', phrases).verdict).toBe('request');
    expect(classifyRequest('could you make a banner for the offsite?', phrases).reason).toBe('other: configured "never a request" phrase "offsite"');
  });

  it('matches phrases with gaps, umlaut spellings and "u" for "you"', () => {
    const phrases = { requestPhrases: parsePhraseConfig('hätte ... gerne; would you kindly') };
    expect(classifyRequest('Ich haette bis Freitag gerne ein Banner', phrases).reason).toBe('request: request phrase "haette bis freitag gerne" + work object "banner"');
    expect(classifyRequest('would u kindly send the deck', phrases).reason).toBe('request: request phrase "would u kindly" + work object "deck"');
  });
});

describe('classifyRequest beside classifyMessage', () => {
  it('is a separate, stricter rule: the bot DM rule still treats "lunch?" as an ask', () => {
    expect(classifyMessage('lunch?').kind).toBe('ask');
    expect(classifyRequest('lunch?').verdict).toBe('other');
    expect(classifyMessage('thanks!').kind).toBe('social');
  });
});
