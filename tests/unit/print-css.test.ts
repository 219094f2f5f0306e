import { describe, expect, it } from 'vitest';
import { pageCounterContent, printPageCss } from '../../src/lib/print-css';

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
  it('sets A4, a running head, page numbers, and a bare cover page', () => {
    const css = printPageCss({
      runningHead: 'Report',
      pageNumberTemplate: 'Page {page} of {pages}',
      fontFamily: 'serif',
    });
    expect(css).toContain('size: A4;');
    expect(css).toMatch(/@top-left \{ content: "Report";/);
    expect(css).toMatch(/@bottom-center \{ content: "Page " counter\(page\) " of " counter\(pages\);/);
    expect(css).toMatch(/@page cover \{\s+@top-left \{ content: none; \}/);
  });
});
