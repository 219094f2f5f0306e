import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';
import { formatFileSize } from '../../src/lib/pdf';
import { bodyParagraphs } from '../support/source';
import {
  PAGE,
  pageCount,
  pageFills,
  poppler,
  popplerPageText,
  qrCodesByPage,
  textColumnLines,
} from '../support/pdf-read';
import { SECTION_SLUGS } from './site';

// The PDFs are read back with poppler and with pdf.js (Firefox's viewer and many others), which
// both must read the text that was printed: the fonts are CID TrueType, never Type 3.
const DIST = join(import.meta.dirname, '../../dist');
const SITE = 'https://review.example.org';
const PDFS = [
  {
    lang: 'zh',
    htmlLang: 'zh-CN',
    file: 'downloads/chaoyang-cppcc-2023-review-zh.pdf',
    prefix: '',
    maxPages: 9,
    contents: '目录',
    partLabel: (n: number) => `第${'一二三四五'[n - 1]}部分`,
  },
  {
    lang: 'en',
    htmlLang: 'en',
    file: 'downloads/chaoyang-cppcc-2023-review-en.pdf',
    prefix: '/en',
    maxPages: 11,
    contents: 'Contents',
    partLabel: (n: number) => `Part ${n}`,
  },
] as const;
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

for (const { lang, htmlLang, file, prefix, maxPages, contents, partLabel } of PDFS) {
  test.describe(`${lang} PDF`, () => {
    const path = join(DIST, file);

    test(`is a tagged A4 document of at most ${maxPages} pages and 2 MB, with title, author and language`, async () => {
      const info = poppler('pdfinfo', path);
      const pages = pageCount(path);
      expect(pages).toBeGreaterThanOrEqual(4);
      expect(pages).toBeLessThanOrEqual(maxPages);
      expect(statSync(path).size).toBeLessThanOrEqual(2_000_000);
      expect(info).toMatch(/^Tagged:\s+yes/m);
      expect(info).toMatch(/^Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/m);
      expect(info).toMatch(
        lang === 'zh' ? /^Title:\s+建言资政担使命/m : /^Title:\s+Offering Advice on Governance/m,
      );
      expect(info).toMatch(
        lang === 'zh'
          ? /^Author:\s+政协北京市朝阳区委员会/m
          : /^Author:\s+Beijing Chaoyang District Committee/m,
      );
      const catalog = (await PDFDocument.load(readFileSync(path))).catalog;
      expect((catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe(htmlLang);
    });

    test('every page but the cover and the last is at least half full, with no large hole', async () => {
      const fills = pageFills(path);
      // The text column alone: no band of it left empty beside figures in the rail.
      const columns = pageFills(path, TEXT_COLUMN_RIGHT_MM);
      test.info().annotations.push({
        type: 'fill',
        description: fills.map((f, i) => `p${i + 1} ${Math.round(f.extent * 100)}%`).join(', '),
      });
      columns.slice(1).forEach(({ largestGap }, i) => {
        expect(largestGap, `page ${i + 2} has an empty band in its text column`).toBeLessThan(0.3);
      });
      fills.slice(1, -1).forEach(({ extent, largestGap }, i) => {
        expect(
          extent,
          `page ${i + 2} reaches ${Math.round(extent * 100)} % of its body`,
        ).toBeGreaterThanOrEqual(0.5);
        expect(largestGap, `page ${i + 2} has an empty band`).toBeLessThan(0.3);
      });
      // The last page holds more than a line or two.
      expect(fills.at(-1)!.extent).toBeGreaterThan(0.15);
    });

    test('embeds its fonts as CID TrueType, never Type 3, and has a bookmark for each section', async ({
      page,
    }) => {
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
      const bookmarks = flatten(outline).map(squash);
      await page.goto(`${prefix}/full-report/`);
      for (const title of await sectionTitles(page)) {
        expect(bookmarks, title).toContain(squash(title));
      }
    });

    test('pdf.js reads every paragraph back as printed, with no Unicode folding', async ({ page }) => {
      const lines = await textColumnLines(path, TEXT_COLUMN_RIGHT_MM);
      if (lang === 'zh') {
        const text = squash(lines.join(''));
        for (const paragraph of bodyParagraphs()) expect(text).toContain(squash(paragraph));
        expect(text).not.toMatch(/[\u2e80-\u2fdf]/u); // no CJK or Kangxi radicals
      } else {
        // A line ending in a hyphen was broken at the hyphen ("day-" / "to-day").
        const text = spaced(lines.map((line) => (line.endsWith('-') ? line : `${line} `)).join(''));
        await page.goto('/en/full-report/');
        const paragraphs = await page.locator('main .report-prose :is(p, li)').allInnerTexts();
        expect(paragraphs.length).toBeGreaterThan(10);
        for (const paragraph of paragraphs) expect(text).toContain(spaced(paragraph));
      }
    });

    test('holds every section title and every figure', async ({ page }) => {
      const text = squash(poppler('pdftotext', '-enc', 'UTF-8', path, '-'));
      await page.goto(`${prefix}/full-report/`);
      const titles = await sectionTitles(page);
      expect(titles).toHaveLength(5);
      for (const title of titles) expect(text).toContain(squash(title));
      const figures = await page.locator('main [data-figure] [data-value]').allInnerTexts();
      expect(figures.length).toBeGreaterThanOrEqual(15);
      for (const figure of figures) expect(text).toContain(squash(figure));
    });

    test('the contents give the page each section starts on', async () => {
      const contentsPage = [1, 2, 3].find((n) => popplerPageText(path, n).includes(contents))!;
      expect(contentsPage, 'a page of contents').toBeDefined();
      // The text column between the margins: a photo's caption may stand in the rail beside it.
      const [top, width] = [PAGE.topMm, TEXT_COLUMN_RIGHT_MM].map((mm) => String(Math.round(mm / MM_PER_PT)));
      const height = String(Math.round((PAGE.heightMm - PAGE.topMm - PAGE.bottomMm) / MM_PER_PT));
      const column = ['-x', '0', '-y', top!, '-W', width!, '-H', height];
      const entries = popplerPageText(path, contentsPage, '-layout', ...column).split('\n');
      const pageNumbers = entries.flatMap((line) => /\S\s+(\d{1,2})\s*$/.exec(line)?.[1] ?? []).map(Number);
      expect(pageNumbers).toHaveLength(5);
      pageNumbers.forEach((number, index) => {
        expect(squash(popplerPageText(path, number))).toContain(squash(partLabel(index + 1)));
      });
    });

    test('beside each section’s heading, a QR code of the section’s page in this language', async ({
      page,
    }) => {
      const codes = await qrCodesByPage(path, TEXT_COLUMN_RIGHT_MM - 5);
      const expected = SECTION_SLUGS.map((slug) => `${SITE}${prefix}/${slug}/`);
      expect(codes.flat()).toEqual(expected);
      await page.goto(`${prefix}/full-report/`);
      const titles = await sectionTitles(page);
      codes.forEach((urls, index) => {
        for (const url of urls) {
          const title = titles[expected.indexOf(url)]!;
          expect(squash(popplerPageText(path, index + 1)), `${url} on page ${index + 1}`).toContain(
            squash(title),
          );
        }
      });
    });

    test('is linked, with its size, from the home page and the full report', async ({ page }) => {
      const shown = formatFileSize(statSync(path).size);
      for (const pagePath of [`${prefix}/`, `${prefix}/full-report/`]) {
        await page.goto(pagePath);
        // The page's own download (the footer offers it too, on every page).
        const link = page.locator(`main a[href$="${file}"]`);
        await expect(link).toHaveCount(1);
        await expect(link).toContainText(shown);
        expect((await page.request.get((await link.getAttribute('href'))!)).status()).toBe(200);
      }
    });
  });
}
