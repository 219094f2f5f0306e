import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { chromiumLaunchOptions } from '../../scripts/browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../lib/i18n';
import { formatFileSize, patchPdfLinks, sectionStartPages } from '../lib/pdf';
import { EDITION_PRINT_ATTRIBUTE } from '../browser/print-date';
import { SHARE_CARD_ROUTE, shareImageFile } from '../lib/site-files';

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

/** Waits until every image is decoded and every web font the page uses has loaded, or says which failed. */
async function settle(page: Page) {
  const failedFonts = await page.evaluate(async () => {
    for (const image of document.images) image.loading = 'eager';
    await Promise.all(
      [...document.images].map((image) =>
        image.complete
          ? image.decode().catch(() => undefined)
          : new Promise((done) => (image.onload = image.onerror = done)),
      ),
    );
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.status === 'error').map((font) => font.family);
  });
  if (failedFonts.length > 0)
    throw new Error(`Web fonts failed to load on ${page.url()}: ${failedFonts.join(', ')}`);
}

/**
 * Steps a card's heading down until the card holds it (long English titles need a smaller
 * size); a card that cannot hold its text at all stops the build rather than ship clipped.
 */
async function fitHeading(page: Page, card: string) {
  const fits = await page.evaluate(() => {
    const heading = document.querySelector<HTMLElement>('[data-share-card] h1');
    const box = heading?.closest<HTMLElement>('[data-fit]');
    if (!heading || !box) return false;
    const overflows = () => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
    for (let size = parseFloat(getComputedStyle(heading).fontSize); overflows() && size > 30; size -= 2) {
      heading.style.fontSize = `${size - 2}px`;
    }
    const card = document.querySelector<HTMLElement>('[data-share-card]')!;
    return !overflows() && card.scrollHeight <= card.clientHeight && card.scrollWidth <= card.clientWidth;
  });
  if (!fits) throw new Error(`The share preview ${card} cannot hold its text at 1200 × 630`);
}

/** Screenshots each share-card page into its PNG, then removes the pages. */
async function renderShareCards(
  browser: Browser,
  siteUrl: string,
  distDir: string,
  logger: AstroIntegrationLogger,
) {
  const root = join(distDir, SHARE_CARD_ROUTE);
  const cards = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => file.split(/[\\/]/).slice(0, 2) as [string, string]);
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, colorScheme: 'light' });
  for (const [lang, card] of cards) {
    if (!isLang(lang)) continue;
    await page.goto(new URL(`${SHARE_CARD_ROUTE}/${lang}/${card}/`, siteUrl).href, { waitUntil: 'load' });
    await settle(page);
    await fitHeading(page, `${lang}/${card}`);
    const target = join(distDir, shareImageFile(lang, card));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await page.screenshot({ type: 'png' }));
  }
  await page.close();
  rmSync(root, { recursive: true, force: true });
  logger.info(`${cards.length} share previews rendered`);
}

/** The width of an A4 page between its 20 mm margins, in CSS pixels: the browser lays paper out at it. */
const PRINT_MEASURE_PX = Math.round((170 / 25.4) * 96);
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
  const sections = await page.$$eval('section.report-section', (elements) =>
    elements.map((el) => ({ id: el.id, label: el.querySelector('p')?.textContent?.trim() ?? '' })),
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

function patchPages(distDir: string, sizes: Partial<Record<Lang, number>>) {
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

async function printPdfs(
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

/**
 * After the build, the browser renders what only a browser can: each page's share preview
 * (from the og-card pages) and each language's full report as a tagged PDF with bookmarks,
 * whose size then goes next to the download links. REPORT_PDF=off builds without PDFs and
 * without links to them; a failure stops the build, so no page links to a file not made.
 */
export function chromiumOutputs(): AstroIntegration {
  let base = '/';
  return {
    name: 'chromium-outputs',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const server = await startStaticServer({ dir: distDir, base });
        const browser = await chromium.launch(chromiumLaunchOptions());
        try {
          // Share previews and PDFs at once, in one browser and from one server.
          const printing =
            process.env['REPORT_PDF'] === 'off'
              ? Promise.resolve({})
              : printPdfs(browser, server.url, base, distDir, logger);
          const [sizes] = await Promise.all([
            printing,
            renderShareCards(browser, server.url, distDir, logger),
          ]);
          if (process.env['REPORT_PDF'] === 'off')
            logger.warn('REPORT_PDF=off: no PDFs, and the download links are left out');
          patchPages(distDir, sizes);
        } finally {
          await browser.close();
          await server.close();
        }
      },
    },
  };
}
