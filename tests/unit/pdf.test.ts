import { describe, expect, it } from 'vitest';
import { formatFileSize, patchPdfLinks, pdfSizeMarker, sectionStartPages } from '../../src/lib/pdf';
import { pdfFile } from '../../src/lib/site-files';

describe('PDF helpers', () => {
  it('names one file per language after the report’s id', () => {
    expect(pdfFile('example-review-2025', 'zh')).toBe('downloads/example-review-2025-zh.pdf');
    expect(pdfFile('example-review-2025', 'en')).toBe('downloads/example-review-2025-en.pdf');
  });

  it('formats sizes as a download dialog does', () => {
    expect(formatFileSize(1_234_567)).toBe('1.2 MB');
    expect(formatFileSize(860_400)).toBe('860 KB');
    expect(formatFileSize(12)).toBe('1 KB');
  });

  it('fills in the size, or removes the link when there is no PDF', () => {
    const html = `<main><p class="x" data-pdf-link="zh"><a href="a.pdf">PDF，${pdfSizeMarker('zh')}</a></p><p>keep</p></main>`;
    expect(patchPdfLinks(html, 'zh', 1_500_000)).toContain('PDF，1.5 MB');
    expect(patchPdfLinks(html, 'zh', undefined)).toBe('<main><p>keep</p></main>');
  });

  it('finds the page each section starts on, after the contents', () => {
    const pages = ['Cover', 'Contents Part 1 Part 2', 'Part 1 text', 'more', 'Part 2 text'];
    const sections = [
      { id: 'a', label: 'Part 1' },
      { id: 'b', label: 'Part 2' },
    ];
    expect(sectionStartPages(pages, sections, 3)).toEqual({ a: 3, b: 5 });
    expect(() => sectionStartPages(pages, [{ id: 'c', label: 'Part 9' }], 3)).toThrow(/section "c"/);
  });
});
