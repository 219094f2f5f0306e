import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  bookmarksOf,
  formatFileSize,
  patchPdfLinks,
  pdfSizeMarker,
  sectionStartPages,
  spacedTitle,
} from '../../src/lib/pdf';
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

  it('reads a PDF’s bookmarks, nested, depth first, with the page each leads to', async () => {
    const made = await PDFDocument.create();
    const [cover, contents, part] = [made.addPage(), made.addPage(), made.addPage()];
    const { context } = made;
    const entry = (title: string, page: typeof cover, more: Record<string, unknown> = {}) =>
      context.register(
        context.obj({ Title: PDFHexString.fromText(title), Dest: [page.ref, 'XYZ', 0, 0, 0], ...more }),
      );
    const second = entry('Part 1 — 第一部分', part);
    const first = entry('Contents', contents, { Next: second });
    const top = entry('The Report', cover, { First: first, Last: second });
    made.catalog.set(PDFName.of('Outlines'), context.register(context.obj({ First: top, Last: top })));
    const pdf = await PDFDocument.load(await made.save());
    expect(bookmarksOf(pdf).map(({ title, page }) => ({ title, page }))).toEqual([
      { title: 'The Report', page: 1 },
      { title: 'Contents', page: 2 },
      { title: 'Part 1 — 第一部分', page: 3 },
    ]);
    expect(bookmarksOf(await PDFDocument.create())).toEqual([]);
  });

  it('finds the page each section starts on, where its heading’s bookmark leads', () => {
    const bookmarks = [
      { title: 'The Report', page: 1 },
      { title: 'Contents', page: 2 },
      { title: 'Pooling Strength throughIdeological Guidance', page: 3 },
      { title: 'Oversight', page: 5 },
    ];
    const sections = [
      { id: 'a', title: 'Pooling Strength through Ideological Guidance' },
      { id: 'b', title: 'Oversight' },
    ];
    expect(sectionStartPages(bookmarks, sections)).toEqual({ a: 3, b: 5 });
    expect(() => sectionStartPages(bookmarks, [{ id: 'c', title: 'Proposals' }])).toThrow(/section "c"/);
    // A bookmark that leads nowhere is no start.
    expect(() => sectionStartPages([{ title: 'Oversight', page: 0 }], sections.slice(1))).toThrow(/"b"/);
  });

  it('gives a bookmark back the spaces its heading has where the printed lines wrapped', () => {
    const headings = ['Offering Advice on Governance to Fulfill\nOur Mission', '目录'];
    expect(spacedTitle('Offering Adviceon Governance toFulfill Our Mission', headings)).toBe(
      'Offering Advice on Governance to Fulfill Our Mission',
    );
    expect(spacedTitle('目录', headings)).toBe('目录');
    expect(spacedTitle('Offering Advice', headings)).toBe('Offering Advice');
  });
});
