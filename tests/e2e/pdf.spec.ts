import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';
import { canonical, HTML_LANG, LANGUAGES, pdfPath, type Lang } from '../support/edition';
import { formatFileSize } from '../../src/lib/pdf';
import {
  PAGE,
  pageCount,
  inkedBodyRows,
  pageFills,
  poppler,
  popplerPageText,
  qrCodesByPage,
  textColumnLines,
} from '../support/pdf-read';
import { pageFill, runOnBand } from '../support/page-fill';
import { bodyParagraphs } from '../support/source';
import { expect, test, type Page } from './fixtures';

// The PDFs are read back with poppler and with pdf.js (Firefox's viewer and many others), which
// both must read the text that was printed: the fonts are CID TrueType, never Type 3.
/** Interface words of the engine (src/i18n): the contents' heading, a part's label, the page number. */
const UI = {
  zh: {
    contents: '目录',
    part: (n: number) => `第${'一二三四五六七八九十'[n - 1]}部分`,
    pageNumber: (n: number, of: number) => `第${n}页/共${of}页`,
  },
  en: {
    contents: 'Contents',
    part: (n: number) => `Part ${n}`,
    pageNumber: (n: number, of: number) => `Page${n}of${of}`,
  },
} as const;
/** The right edge of the text column: the side margin plus the measure less the rail (global.css). */
const TEXT_COLUMN_RIGHT_MM = PAGE.sideMm + 170 - 57 + 2;

const MM_PER_PT = 25.4 / 72;
const squash = (text: string) => text.replace(/\s+/g, '');
// Set apart from the marker after it on paper, where the page's text runs them together.
const spaced = (text: string) => text.replace(/…\s*/g, '… ').replace(/\s+/g, ' ').trim();
/** Section titles as printed: the heading's own text, without its on-screen anchor link. */
const sectionTitles = (page: Page) =>
  page
    .locator('main section.report-section h2')
    .evaluateAll((headings) => headings.map((h) => h.firstChild?.textContent?.trim() ?? ''));

for (const { lang, prefix } of LANGUAGES) {
  test.describe(`${lang} PDF`, () => {
    test('is a tagged A4 document within its pages and 2 MB, with title, subtitle, author and language, numbered on every page', async ({
      edition,
    }) => {
      const path = join(edition.dist, pdfPath(edition, lang));
      const cover = edition.report[lang];
      const info = poppler('pdfinfo', path);
      const pages = pageCount(path);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages, "the edition's tests.json allows").toBeLessThanOrEqual(
        edition.expects.pdfPages[lang as Lang],
      );
      expect(statSync(path).size).toBeLessThanOrEqual(2_000_000);
      expect(info).toMatch(/^Tagged:\s+yes/m);
      expect(info).toMatch(/^Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/m);
      expect(squash(/^Title:\s+(.*)$/m.exec(info)?.[1] ?? '')).toBe(squash(cover.title));
      expect(/^Author:\s+(.*)$/m.exec(info)?.[1]).toBe(cover.publisher);
      const catalog = (await PDFDocument.load(readFileSync(path))).catalog;
      expect((catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe(HTML_LANG[lang]);
      // The cover names the committee and the year; every page after it says which page it is.
      expect(squash(popplerPageText(path, 1))).toContain(squash(cover.subtitle));
      for (let number = 2; number <= pages; number++) {
        expect(squash(popplerPageText(path, number)), `page ${number}`).toContain(
          UI[lang].pageNumber(number, pages),
        );
      }
    });

    test('every page but the cover, the contents and the last is at least half full, with no large hole', async ({
      edition,
    }) => {
      const path = join(edition.dist, pdfPath(edition, lang));
      const fills = pageFills(path);
      // The contents may end short: a part's opening moves to the next page with its figures.
      const contentsPage = [1, 2, 3].find((n) => popplerPageText(path, n).includes(UI[lang].contents))!;
      // The text column alone: no band of it left empty beside figures in the rail, but where a
      // part clears the figures the part before it ran on with, at the top of a page (a part's
      // figures may run on to the next page; the next part starts below them).
      const mmRows = (mm: number) => Math.round((mm / 25.4) * 40);
      const rails = inkedBodyRows(path, TEXT_COLUMN_RIGHT_MM, 210 - PAGE.sideMm);
      const columns = inkedBodyRows(path, 0, TEXT_COLUMN_RIGHT_MM).map((rows, i) => {
        const band = runOnBand(rows, rails[i]!, { maxGap: mmRows(5), opening: mmRows(15) });
        return pageFill(rows.map((ink, y) => ink || y < band));
      });
      test.info().annotations.push({
        type: 'fill',
        description: fills.map((f, i) => `p${i + 1} ${Math.round(f.extent * 100)}%`).join(', '),
      });
      columns.slice(1).forEach(({ largestGap }, i) => {
        expect(largestGap, `page ${i + 2} has an empty band in its text column`).toBeLessThan(0.3);
      });
      fills.slice(1, -1).forEach(({ extent, largestGap }, i) => {
        if (i + 2 !== contentsPage) {
          expect(
            extent,
            `page ${i + 2} reaches ${Math.round(extent * 100)} % of its body`,
          ).toBeGreaterThanOrEqual(0.5);
        }
        expect(largestGap, `page ${i + 2} has an empty band`).toBeLessThan(0.3);
      });
      // The last page holds more than a line or two.
      expect(fills.at(-1)!.extent).toBeGreaterThan(0.15);
    });

    test('embeds its fonts as CID TrueType, holds every section title, figure and paragraph, with a bookmark for each section', async ({
      page,
      edition,
    }) => {
      const path = join(edition.dist, pdfPath(edition, lang));
      const fonts = poppler('pdffonts', path).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font, font).not.toMatch(/Type 3/);
        expect(font, font).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
      }
      const document = await getDocumentProxy(new Uint8Array(readFileSync(path)));
      const outline = (await document.getOutline()) ?? [];
      const flatten = (items: typeof outline): string[] =>
        items.flatMap((item) => [item.title, ...flatten(item.items)]);
      // Bookmarks carry the titles' words as written: none glued where a printed line wrapped.
      const bookmarks = flatten(outline).map(spaced);
      await page.goto(`${prefix}full-report/`);
      const titles = await sectionTitles(page);
      expect(titles).toEqual(edition.sections[lang].map((s) => s.title));
      const text = squash(poppler('pdftotext', '-enc', 'UTF-8', path, '-'));
      expect(bookmarks).toContain(spaced(edition.report[lang].title));
      for (const title of titles) {
        expect(bookmarks, title).toContain(spaced(title));
        expect(text).toContain(squash(title));
      }
      const figures = await page.locator('main [data-figure] [data-value]').allInnerTexts();
      expect(figures.length).toBe(edition.expects.figures);
      for (const figure of figures) expect(text).toContain(squash(figure));
      // pdf.js reads every paragraph back as printed, with no Unicode folding.
      const lines = await textColumnLines(path, TEXT_COLUMN_RIGHT_MM);
      if (lang === 'zh') {
        const column = squash(lines.join(''));
        for (const paragraph of bodyParagraphs(edition)) expect(column).toContain(squash(paragraph));
        expect(column).not.toMatch(/[\u2e80-\u2fdf]/u); // no CJK or Kangxi radicals
      } else {
        // A line ending in a hyphen was broken at the hyphen ("day-" / "to-day").
        const column = spaced(lines.map((line) => (line.endsWith('-') ? line : `${line} `)).join(''));
        const paragraphs = await page.locator('main .report-prose :is(p, li)').allInnerTexts();
        expect(paragraphs.length).toBeGreaterThanOrEqual(edition.sections.en.length);
        for (const paragraph of paragraphs) expect(column).toContain(spaced(paragraph));
      }
    });

    test('the contents give the page each section starts on; beside each heading, a QR code of its page', async ({
      edition,
    }) => {
      const path = join(edition.dist, pdfPath(edition, lang));
      const sections = edition.sections[lang];
      const contentsPage = [1, 2, 3].find((n) => popplerPageText(path, n).includes(UI[lang].contents))!;
      expect(contentsPage, 'a page of contents').toBeDefined();
      // The text column between the margins: a photo's caption may stand in the rail beside it.
      const [top, width] = [PAGE.topMm, TEXT_COLUMN_RIGHT_MM].map((mm) => String(Math.round(mm / MM_PER_PT)));
      const height = String(Math.round((PAGE.heightMm - PAGE.topMm - PAGE.bottomMm) / MM_PER_PT));
      const column = ['-x', '0', '-y', top!, '-W', width!, '-H', height];
      const lines = popplerPageText(path, contentsPage, '-layout', ...column).split('\n');
      // The list alone: from the contents' heading to the first part's opening, where a short
      // edition's Part 1 starts on the same page.
      const start = lines.findIndex((line) => squash(line) === squash(UI[lang].contents));
      const end = lines.findIndex(
        (line, i) => i > start && squash(line).startsWith(squash(UI[lang].part(1))),
      );
      expect(start, 'the contents heading').toBeGreaterThanOrEqual(0);
      const entries = lines.slice(start + 1, end < 0 ? undefined : end);
      const pageNumbers = entries.flatMap((line) => /\S\s+(\d{1,2})\s*$/.exec(line)?.[1] ?? []).map(Number);
      expect(pageNumbers).toHaveLength(sections.length);
      pageNumbers.forEach((number, index) => {
        expect(squash(popplerPageText(path, number))).toContain(squash(UI[lang].part(index + 1)));
      });
      const codes = await qrCodesByPage(path, TEXT_COLUMN_RIGHT_MM - 5);
      const expected = sections.map(({ slug }) => canonical(edition, lang, `${slug}/`));
      expect(codes.flat()).toEqual(expected);
      codes.forEach((urls, index) => {
        for (const url of urls) {
          const title = sections[expected.indexOf(url)]!.title;
          expect(squash(popplerPageText(path, index + 1)), `${url} on page ${index + 1}`).toContain(
            squash(title),
          );
        }
      });
    });

    test('is linked, with its size, from the home page and the full report', async ({ page, edition }) => {
      const file = pdfPath(edition, lang);
      const shown = formatFileSize(statSync(join(edition.dist, file)).size);
      for (const pagePath of [prefix, `${prefix}full-report/`]) {
        await page.goto(pagePath);
        // The page's own download (the footer offers it too, on every page).
        const link = page.locator(`main a[href="${edition.base}${file}"]`);
        await expect(link).toHaveCount(1);
        await expect(link).toContainText(shown);
        expect((await page.request.get((await link.getAttribute('href'))!)).status()).toBe(200);
      }
    });
  });
}
