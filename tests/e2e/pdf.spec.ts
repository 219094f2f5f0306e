import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';
import { formatFileSize } from '../../src/lib/pdf';

// Reading PDFs back uses poppler (pdftotext, pdfinfo, pdffonts): pdf.js reports some CJK
// ideographs as look-alike radicals, which would make the text checks lie.
const DIST = join(import.meta.dirname, '../../dist');
const PDFS = [
  { lang: 'zh', htmlLang: 'zh-CN', file: 'downloads/chaoyang-cppcc-2023-review-zh.pdf', prefix: '' },
  { lang: 'en', htmlLang: 'en', file: 'downloads/chaoyang-cppcc-2023-review-en.pdf', prefix: '/en' },
] as const;

const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const squash = (text: string) => text.replace(/\s+/g, '');
/** Section titles as printed: the heading's own text, without its on-screen anchor link. */
const sectionTitles = (page: Page) =>
  page
    .locator('main section.report-section h2')
    .evaluateAll((headings) => headings.map((h) => h.firstChild?.textContent?.trim() ?? ''));

for (const { lang, htmlLang, file, prefix } of PDFS) {
  test.describe(`${lang} PDF`, () => {
    const path = join(DIST, file);

    test('is a tagged A4 document of sensible length, under 5 MB, with title, author and language', async () => {
      expect(statSync(path).size).toBeLessThan(5_000_000);
      const info = poppler('pdfinfo', path);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(6);
      expect(pages).toBeLessThanOrEqual(lang === 'zh' ? 9 : 11);
      expect(info).toMatch(/^Tagged:\s+yes/m);
      expect(info).toMatch(/^Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/m);
      expect(info).toMatch(lang === 'zh' ? /^Title:\s+建言资政担使命/m : /^Title:\s+Offering Counsel/m);
      expect(info).toMatch(
        lang === 'zh'
          ? /^Author:\s+政协北京市朝阳区委员会/m
          : /^Author:\s+Beijing Chaoyang District Committee/m,
      );
      const catalog = (await PDFDocument.load(readFileSync(path))).catalog;
      expect((catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe(htmlLang);
    });

    test('holds every section title and every figure, on pages that are never blank', async ({ page }) => {
      const text = squash(poppler('pdftotext', '-enc', 'UTF-8', path, '-'));
      await page.goto(`${prefix}/full-report/`);
      const titles = await sectionTitles(page);
      expect(titles).toHaveLength(5);
      for (const title of titles) expect(text).toContain(squash(title));
      const figures = await page.locator('main [data-figure] .tabular-nums').allInnerTexts();
      expect(figures.length).toBeGreaterThanOrEqual(15);
      for (const figure of figures) expect(text).toContain(squash(figure));
      const pages = Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', path))![1]);
      // A page is blank when nothing is left once the running head and the page number go.
      const runningHead = squash(
        (await page.locator('meta[property="og:site_name"]').getAttribute('content')) ?? '',
      );
      for (let number = 1; number <= pages; number++) {
        const pageText = squash(poppler('pdftotext', '-f', String(number), '-l', String(number), path, '-'))
          .replace(runningHead, '')
          .replace(/第\d+页\/共\d+页|Page\d+of\d+/, '');
        expect(pageText.length, `page ${number} is blank`).toBeGreaterThan(20);
      }
    });

    test('embeds its fonts and has a bookmark for each section', async ({ page }) => {
      const fonts = poppler('pdffonts', path).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font, font).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
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

    test('is linked, with its size, from the home page and the full report', async ({ page }) => {
      const shown = formatFileSize(statSync(path).size);
      for (const pagePath of [`${prefix}/`, `${prefix}/full-report/`]) {
        await page.goto(pagePath);
        const link = page.locator(`a[href$="${file}"]`);
        await expect(link).toHaveCount(1);
        await expect(link).toContainText(shown);
        expect((await page.request.get((await link.getAttribute('href'))!)).status()).toBe(200);
      }
    });
  });
}

test('the contents of the PDF give the page each section starts on', async () => {
  const path = join(DIST, PDFS[1].file);
  const pageText = (n: number) =>
    poppler('pdftotext', '-layout', '-f', String(n), '-l', String(n), path, '-');
  const contentsPage = [1, 2, 3, 4].find((n) => /^\s*Contents\s*$/m.test(pageText(n)))!;
  expect(contentsPage).toBeDefined();
  const entries = pageText(contentsPage)
    .split('\n')
    .filter((line) => !/Page \d+ of \d+/.test(line));
  const pageNumbers = entries.flatMap((line) => /\s(\d{1,2})\s*$/.exec(line)?.[1] ?? []).map(Number);
  expect(pageNumbers).toHaveLength(5);
  pageNumbers.forEach((number, index) => expect(pageText(number)).toContain(`Part ${index + 1}`));
});
