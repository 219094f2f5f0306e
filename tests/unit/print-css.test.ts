import { describe, expect, it } from 'vitest';
import { cssString, pageCounterContent, printPageCss } from '../../src/lib/print-css';

describe('pageCounterContent', () => {
  it('turns placeholders into page counters', () => {
    expect(pageCounterContent('第 {page} 页 / 共 {pages} 页')).toBe(
      '"第 " counter(page) " 页 / 共 " counter(pages) " 页"',
    );
    expect(pageCounterContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
  });

  it('escapes quotes', () => {
    expect(pageCounterContent('"{page}"')).toBe('"\\"" counter(page) "\\""');
  });
});

describe('printPageCss', () => {
  const css = printPageCss({
    runningHead: 'Report',
    pageNumberTemplate: 'Page {page} of {pages}',
    fontFamily: 'serif',
    pages: [
      { key: 'home', url: 'https://example.org/en/' },
      { key: 'a"b', url: 'https://example.org/en/a"b/' },
    ],
  });

  it('sets A4, a running head, page numbers, and a cover page without them', () => {
    expect(css).toContain('size: A4;');
    expect(css).toMatch(/@top-left \{ content: "Report";/);
    expect(css).toMatch(/@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\);/);
    expect(css).toMatch(
      /@page cover \{\s+@top-left \{ content: none; \}\s+@bottom-right \{ content: none; \}/,
    );
  });

  it('puts the page’s URL and the print date in the foot margin, from the root', () => {
    expect(css).toMatch(/@bottom-left \{ content: var\(--print-page-url, ""\) var\(--print-date, ""\);/);
    expect(css).toContain(
      ':root:has([data-print-page="home"]) { --print-page-url: "https://example.org/en/"; }',
    );
    expect(css).toContain(
      ':root:has([data-print-page="a\\"b"]) { --print-page-url: "https://example.org/en/a\\"b/"; }',
    );
  });
});

describe('cssString', () => {
  it('quotes any text for CSS', () => {
    expect(cssString('a\\b"c\nd')).toBe('"a\\\\b\\"c\\A d"');
  });
});
