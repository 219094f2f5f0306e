import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { EDITION_PRINT_ATTRIBUTE } from '../browser/print-date';
import { DEFAULT_LANG, LANGS, type Lang } from '../lib/i18n';
import { formatFileSize, patchPdfLinks, sectionStartPages } from '../lib/pdf';
import { MEASURE_MM } from '../lib/paper';
import { settle } from './page-ready';

const PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  outline: true,
} as const;

async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return text;
}

/** The measure in CSS pixels: the browser lays paper out at it. */
const PRINT_MEASURE_PX = Math.round((MEASURE_MM / 25.4) * 96);
/** Pixels of a photo per CSS pixel on paper: 300 per inch, the resolution of print. */
const PRINT_PIXEL_RATIO = 300 / 96;

/**
 * Makes each photo load the rendition that prints sharply where print places it: laid out as
 * on paper, each image's `sizes` becomes its printed width at 300 pixels per inch.
 */
async function choosePrintRenditions(page: Page) {
  await page.setViewportSize({ width: PRINT_MEASURE_PX, height: 900 });
  await page.evaluate((ratio) => {
    for (const image of document.images) {
      const width = image.getBoundingClientRect().width;
      if (image.srcset && width > 0) image.sizes = `${Math.ceil(width * ratio)}px`;
    }
  }, PRINT_PIXEL_RATIO);
}

/** Prints the full report twice: once to learn where sections start, once with those page numbers in the contents. */
async function printReport(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  // JPEG renditions: Chromium re-encodes AVIF and WebP losslessly into a PDF, bloating it.
  await page.evaluate(() => document.querySelectorAll('picture source').forEach((source) => source.remove()));
  await choosePrintRenditions(page);
  // As a browser does when a reader prints: the page stamps the date (the edition's, for the
  // published PDF) and loads the margins' fonts.
  await page.evaluate((edition) => {
    document.documentElement.setAttribute(edition, '');
    dispatchEvent(new Event('beforeprint'));
  }, EDITION_PRINT_ATTRIBUTE);
  await settle(page);
  const draft = await page.pdf(PDF_OPTIONS);
  // The contents name each part's page slot and the label that opens the part on paper.
  const sections = await page.$$eval('[data-toc-page]', (slots) =>
    slots.map((slot) => ({
      id: slot.getAttribute('data-toc-page') ?? '',
      label: slot.getAttribute('data-toc-label') ?? '',
    })),
  );
  const draftTexts = await pageTexts(draft);
  const starts = sectionStartPages(draftTexts, sections, 2);
  await page.evaluate((pages) => {
    for (const [id, number] of Object.entries(pages)) {
      const slot = document.querySelector(`[data-toc-page="${id}"]`);
      if (slot) slot.textContent = String(number);
    }
  }, starts);
  const final = await page.pdf(PDF_OPTIONS);
  const draftPages = draftTexts.length;
  const finalPages = (await PDFDocument.load(final, { updateMetadata: false })).getPageCount();
  if (draftPages !== finalPages)
    throw new Error(`Page numbers moved the layout (${draftPages} → ${finalPages} pages)`);
  const facts = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  const href = await page.locator('[data-pdf-link] a').first().getAttribute('href');
  if (!href) throw new Error(`${url} has no PDF download link to name the file`);
  return { pdf: final, pages: finalPages, facts, path: decodeURIComponent(new URL(href, url).pathname) };
}

/** Title, author, subject and language in the document information, where PDF readers look. */
async function withMetadata(pdf: Uint8Array, facts: Record<string, any>): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(String(facts['name']), { showInWindowTitleBar: true });
  document.setAuthor(String(facts['publisher']?.['name']));
  document.setSubject(String(facts['description']));
  document.setLanguage(String(facts['inLanguage']));
  document.setCreator('Astro + Chromium');
  return document.save();
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
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const url = new URL(`${lang === DEFAULT_LANG ? '' : `${lang}/`}full-report/`, home).href;
      const { pdf, pages, facts, path } = await printReport(page, url);
      const bytes = await withMetadata(pdf, facts);
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
