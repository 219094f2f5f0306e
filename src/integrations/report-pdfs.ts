import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { EDITION_PRINT_ATTRIBUTE } from '../browser/print-date';
import { DEFAULT_LANG, LANGS, type Lang } from '../lib/i18n';
import { bookmarksOf, formatFileSize, patchPdfLinks, sectionStartPages, spacedTitle } from '../lib/pdf';
import { MEASURE_MM } from '../lib/paper';
import { settle } from './page-ready';

const PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  outline: true,
} as const;

/** The measure in CSS pixels: the browser lays paper out at it. */
const PRINT_MEASURE_PX = Math.round((MEASURE_MM / 25.4) * 96);
/** Pixels of a photo per CSS pixel on paper: 300 per inch, the resolution of print. */
const PRINT_PIXEL_RATIO = 300 / 96;

/**
 * Makes each photo load the rendition that prints sharply where print places it: laid out as
 * on paper, each image's `sizes` becomes its printed width at 300 pixels per inch.
 */
async function choosePrintRenditions(page: Page) {
  await page.evaluate((ratio) => {
    for (const image of document.images) {
      const width = image.getBoundingClientRect().width;
      if (image.srcset && width > 0) image.sizes = `${Math.ceil(width * ratio)}px`;
    }
  }, PRINT_PIXEL_RATIO);
}

/** Loads the page as paper shows it, as a browser does when a reader prints, every photo and font in. */
async function loadForPrint(page: Page, url: string) {
  // In print, at the measure of paper, from the start: no layout for a screen to redo.
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.goto(url, { waitUntil: 'load' });
  // JPEG renditions: Chromium re-encodes AVIF and WebP losslessly into a PDF, bloating it.
  await page.evaluate(() => document.querySelectorAll('picture source').forEach((source) => source.remove()));
  await choosePrintRenditions(page);
  // The page stamps the date (the edition's, for the published PDF) and loads the margins' fonts.
  await page.evaluate((edition) => {
    document.documentElement.setAttribute(edition, '');
    dispatchEvent(new Event('beforeprint'));
  }, EDITION_PRINT_ATTRIBUTE);
  // Photos paper does not show (the full-size views of the lightbox) leave the page: Chromium
  // decodes every image a page holds when it prints, about two seconds a report for no mark.
  await page.evaluate(() => {
    for (const image of [...document.images]) if (image.getClientRects().length === 0) image.remove();
  });
  await settle(page);
}

/** Writes into each slot of the contents the page its part starts on, where its heading's bookmark leads. */
async function numberContents(page: Page, draft: PDFDocument) {
  const sections = await page.$$eval('[data-toc-page]', (slots) =>
    slots.map((slot) => {
      const id = slot.getAttribute('data-toc-page') ?? '';
      const labelledBy = document.getElementById(id)?.getAttribute('aria-labelledby') ?? '';
      return { id, title: document.getElementById(labelledBy)?.innerText ?? '' };
    }),
  );
  await page.evaluate(
    (starts) => {
      for (const [id, number] of Object.entries(starts)) {
        const slot = document.querySelector(`[data-toc-page="${id}"]`);
        if (slot) slot.textContent = String(number);
      }
    },
    sectionStartPages(bookmarksOf(draft), sections),
  );
}

/** Bookmarks named as the headings are written; title, author, subject and language where PDF readers look. */
async function describe(pdf: PDFDocument, page: Page) {
  const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (all) =>
    all.map((heading) => (heading as HTMLElement).innerText),
  );
  for (const { title, entry } of bookmarksOf(pdf))
    entry.set(PDFName.of('Title'), PDFHexString.fromText(spacedTitle(title, headings)));
  const facts = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  pdf.setTitle(String(facts['name']), { showInWindowTitleBar: true });
  pdf.setAuthor(String(facts['publisher']?.['name']));
  pdf.setSubject(String(facts['description']));
  pdf.setLanguage(String(facts['inLanguage']));
  pdf.setCreator('Astro + Chromium');
}

/** Prints the full report twice: once to learn where sections start, once with those page numbers in the contents. */
async function printReport(page: Page, url: string) {
  await loadForPrint(page, url);
  const print = async () => PDFDocument.load(await page.pdf(PDF_OPTIONS), { updateMetadata: false });
  const draft = await print();
  await numberContents(page, draft);
  const pdf = await print();
  if (draft.getPageCount() !== pdf.getPageCount())
    throw new Error(`Page numbers moved the layout (${draft.getPageCount()} → ${pdf.getPageCount()} pages)`);
  await describe(pdf, page);
  const href = await page.locator('[data-pdf-link] a').first().getAttribute('href');
  if (!href) throw new Error(`${url} has no PDF download link to name the file`);
  return {
    bytes: await pdf.save(),
    pages: pdf.getPageCount(),
    path: decodeURIComponent(new URL(href, url).pathname),
  };
}

/** Each page's PDF links get the PDF's size, or go where no PDF was made. */
export function patchPages(distDir: string, sizes: Partial<Record<Lang, number>>) {
  const files = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.html'),
  );
  for (const file of files) {
    const path = join(distDir, file);
    const html = readFileSync(path, 'utf8');
    const patched = LANGS.reduce((text, lang) => patchPdfLinks(text, lang, sizes[lang]), html);
    if (patched !== html) writeFileSync(path, patched);
  }
}

/** Each language's full report as a tagged PDF with bookmarks, into the file its download link names. */
export async function printPdfs(
  browser: Browser,
  siteUrl: string,
  base: string,
  distDir: string,
  logger: AstroIntegrationLogger,
) {
  const sizes: Partial<Record<Lang, number>> = {};
  const home = new URL(siteUrl);
  // The languages side by side, each in a page of its own: two renderers use two cores.
  await Promise.all(
    LANGS.map(async (lang) => {
      const page = await browser.newPage({ viewport: { width: PRINT_MEASURE_PX, height: 900 } });
      const url = new URL(`${lang === DEFAULT_LANG ? '' : `${lang}/`}full-report/`, home).href;
      const { bytes, pages, path } = await printReport(page, url);
      const file = path.slice(base.length);
      const target = join(distDir, file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      sizes[lang] = bytes.byteLength;
      logger.info(`${file}: ${pages} pages, ${formatFileSize(bytes.byteLength)}`);
      await page.close();
    }),
  );
  return sizes;
}
