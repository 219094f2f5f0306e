import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { chromium, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { chromiumLaunchOptions, ensureCjkFont } from '../../scripts/browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { LANGS, localizedPath, type Lang } from '../lib/i18n';
import { formatFileSize, patchPdfLinks, pdfPath, sectionStartPages } from '../lib/pdf';

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

/** Print rendering: JPEG photos (Chromium re-encodes AVIF/WebP losslessly, bloating the file), all loaded. */
async function prepareForPrint(page: Page) {
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.evaluate(async () => {
    for (const source of document.querySelectorAll('picture source')) source.remove();
    for (const image of document.images) image.loading = 'eager';
    await Promise.all(
      [...document.images].map((image) =>
        image.complete
          ? image.decode().catch(() => undefined)
          : new Promise((done) => (image.onload = image.onerror = done)),
      ),
    );
    await document.fonts.ready;
  });
}

/** Prints the full report twice: once to learn where sections start, once with those page numbers in the contents. */
async function printReport(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  await prepareForPrint(page);
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
  const [draftPages, finalPages] = [draftTexts.length, (await pageTexts(final)).length];
  if (draftPages !== finalPages)
    throw new Error(`Page numbers moved the layout (${draftPages} → ${finalPages} pages)`);
  const facts = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  return { pdf: final, pages: finalPages, facts };
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

async function buildPdfs(distDir: string, base: string, logger: AstroIntegrationLogger) {
  ensureCjkFont();
  const server = await startStaticServer({ dir: distDir, base });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const sizes: Partial<Record<Lang, number>> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const lang of LANGS) {
      const url = new URL(localizedPath(lang, '/full-report/').slice(1), server.url).href;
      const { pdf, pages, facts } = await printReport(page, url);
      const bytes = await withMetadata(pdf, facts);
      const target = join(distDir, pdfPath(lang));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      sizes[lang] = bytes.byteLength;
      logger.info(`${pdfPath(lang)}: ${pages} pages, ${formatFileSize(bytes.byteLength)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  patchPages(distDir, sizes);
}

/**
 * After the build, prints the full report of each language to a tagged PDF with bookmarks and
 * puts its size next to the download links. REPORT_PDF=off builds without PDFs and without
 * links to them; a failure stops the build, so no page ever links to a PDF that was not made.
 */
export function reportPdf(): AstroIntegration {
  let base = '/';
  return {
    name: 'report-pdf',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        if (process.env['REPORT_PDF'] === 'off') {
          logger.warn('REPORT_PDF=off: no PDFs, and the download links are left out');
          patchPages(distDir, {});
          return;
        }
        await buildPdfs(distDir, base, logger);
      },
    },
  };
}
