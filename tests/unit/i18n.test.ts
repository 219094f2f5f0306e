import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import {
  absoluteUrl,
  counterpartPath,
  langFromParam,
  langStaticPaths,
  localizedPath,
  splitLangPath,
  withBase,
  withoutBase,
} from '../../src/lib/i18n';

describe('paths', () => {
  it('puts Chinese at the root and English under /en/', () => {
    expect(localizedPath('zh', '/proposals/')).toBe('/proposals/');
    expect(localizedPath('en', '/proposals/')).toBe('/en/proposals/');
    expect(localizedPath('en', '/')).toBe('/en/');
  });

  it('finds the same page in the other language', () => {
    expect(counterpartPath('/consensus/', 'en')).toBe('/en/consensus/');
    expect(counterpartPath('/en/consensus/', 'zh')).toBe('/consensus/');
    expect(counterpartPath('/en/', 'zh')).toBe('/');
    expect(counterpartPath('/', 'en')).toBe('/en/');
    expect(counterpartPath('/en/full-report/', 'zh')).toBe('/full-report/');
  });

  it('does not mistake a two-letter section for a language', () => {
    expect(splitLangPath('/zh/')).toEqual({ lang: 'zh', rest: '/zh/' });
    expect(splitLangPath('/enrol/')).toEqual({ lang: 'zh', rest: '/enrol/' });
  });

  it('makes absolute URLs on the published origin, under the base path', () => {
    expect(absoluteUrl('https://example.org', '/review-2023/', '/en/')).toBe(
      'https://example.org/review-2023/en/',
    );
    expect(absoluteUrl(new URL('https://example.org/'), '/', '/sitemap.xml')).toBe(
      'https://example.org/sitemap.xml',
    );
  });

  it('adds and removes a base path', () => {
    expect(withBase('/', '/en/')).toBe('/en/');
    expect(withBase('/review-2023/', '/en/')).toBe('/review-2023/en/');
    expect(withBase('/review-2023', 'proposals/')).toBe('/review-2023/proposals/');
    expect(withoutBase('/review-2023/', '/review-2023/en/')).toBe('/en/');
    expect(withoutBase('/review-2023/', '/review-2023')).toBe('/');
    expect(withoutBase('/', '/en/')).toBe('/en/');
  });

  it('maps route parameters to languages and back', () => {
    expect(langFromParam(undefined)).toBe('zh');
    expect(langFromParam('en')).toBe('en');
    expect(() => langFromParam('fr')).toThrow(/fr/);
    expect(langStaticPaths().map((p) => p.params.lang)).toEqual([undefined, 'en']);
  });
});

describe('interface text', () => {
  it('has every key, non-empty, in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('fills placeholders', () => {
    expect(t('zh', 'sectionNumber', { n: '三' })).toBe('第三部分');
    expect(t('en', 'sectionNumber', { n: 3 })).toBe('Part 3');
  });
});
