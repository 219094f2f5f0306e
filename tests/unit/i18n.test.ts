import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { langStaticPaths, neutralPath, pageLang, pathLang } from '../../src/lib/i18n';

describe('paths', () => {
  it('finds the language-neutral path of a page, which anchors make a place', () => {
    expect(neutralPath('/en/consensus/')).toBe('consensus/');
    expect(neutralPath('/consensus/')).toBe('consensus/');
    expect(neutralPath('/en/')).toBe('');
    expect(neutralPath('/')).toBe('');
    expect(neutralPath('/enrol/')).toBe('enrol/');
  });

  it('reads the language of a path from its first segment', () => {
    expect(pathLang('/en/no-such-page/')).toBe('en');
    expect(pathLang('/en')).toBe('en');
    expect(pathLang('/enrol/')).toBe('zh');
    expect(pathLang('/')).toBe('zh');
  });

  it('makes one static path per language, the default at the root', () => {
    expect(langStaticPaths().map((p) => p.params.lang)).toEqual([undefined, 'en']);
  });

  it('refuses to render a page outside the languages', () => {
    expect(pageLang('en')).toBe('en');
    expect(() => pageLang('fr')).toThrow(/fr/);
    expect(() => pageLang(undefined)).toThrow();
  });
});

describe('interface text', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    // A template may use a placeholder twice (a unit after each number), so they compare as sets.
    const placeholders = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'keyFigures', { year: 2025 })).toBe('2025 in figures');
    expect(t('zh', 'sectionNumber', { n: '三' })).toBe('第三部分');
    expect(t('en', 'linkTo')).toBe('Link to: {target}');
  });
});
