import { describe, expect, it } from 'vitest';
import { catalogs, t } from '../../src/i18n/catalog.js';
import { localeFromSlack } from '../../src/i18n/locale.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogs', () => {
  it('have the same keys in English and German', () => {
    expect(Object.keys(catalogs.de).sort()).toEqual(Object.keys(catalogs.en).sort());
  });

  it.each(Object.keys(catalogs.en))('%s: same placeholders in both languages, and a real text', (key) => {
    const en = catalogs.en[key as keyof typeof catalogs.en];
    const de = catalogs.de[key as keyof typeof catalogs.de];
    expect(placeholders(de)).toEqual(placeholders(en));
    expect(en.trim().length).toBeGreaterThan(0);
    expect(de.trim().length).toBeGreaterThan(0);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'inbox.urgent.passedOn', { helper: 'Mia' })).toContain('Passed on to Mia right away');
    expect(t('de', 'inbox.urgent.limit', { limit: 2 })).toContain('schon 2 dringende');
    expect(t('en', 'inbox.urgent.passedOn')).toContain('{helper}');
  });

  it.each([
    ['de-DE', 'de'],
    ['de-CH', 'de'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    [undefined, 'en'],
  ] as const)('maps Slack locale %s to %s', (slack, locale) => {
    expect(localeFromSlack(slack, 'en')).toBe(locale);
  });
});
