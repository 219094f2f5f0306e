// What a reader's first screen costs, on every page the built sitemap lists (both languages) and
// the 404 page: the HTML carries its CSS (no second request before the first paint), fits with
// it in one round trip, loads little JavaScript, and never fetches what only paper uses — while
// printing still uses the subset web fonts, embedded in the PDF as CID TrueType. Sizes are the
// brotli copies nginx sends (src/integrations/precompress.ts); budgets are scripts/budgets.mjs.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BUDGET } from '../../scripts/budgets.mjs';
import { poppler } from '../support/pdf-read';

const DIST = join(import.meta.dirname, '../../dist');
const built = (file: string) => readFileSync(join(DIST, file), 'utf8');

/** Every page of the built sitemap, as a path, and the 404 page (served for an unknown one). */
function sitemapPages(): string[] {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
  const pages = locs(built('sitemap-index.xml')).flatMap((sitemap) =>
    locs(built(sitemap.pathname.slice(1))).map((url) => url.pathname),
  );
  return [...pages, NOT_FOUND];
}
const NOT_FOUND = '/no-such-page/';
const PAGES = sitemapPages();
const isFullReport = (path: string) => /\/full-report\/$/.test(path);
/** A section's page: neither a home page, nor a full report, nor the 404 page. */
const isSection = (path: string) =>
  path !== NOT_FOUND && !isFullReport(path) && path.replace(/^\/en\//, '/') !== '/';
const fileOf = (path: string) => (path === NOT_FOUND ? '404.html' : `${path.slice(1)}index.html`);

/** Bytes nginx sends for a built file: its brotli copy, or the file where none was worth making. */
function brotliBytes(file: string): number {
  const path = join(DIST, file);
  return statSync(existsSync(`${path}.br`) ? `${path}.br` : path).size;
}

/** Loads a page on a phone's screen and returns every request it made, scrolled to the end so lazy images come too. */
async function screenLoad(page: Page, path: string) {
  const requests: Array<{ url: string; type: string }> = [];
  page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.mouse.wheel(0, 50_000);
  await page.waitForLoadState('networkidle');
  return requests;
}

test('the sitemap lists pages in both languages', () => {
  expect(PAGES.length).toBeGreaterThan(4);
  expect(PAGES.some((path) => path.startsWith('/en/'))).toBe(true);
  expect(PAGES.some((path) => !path.startsWith('/en/') && path !== NOT_FOUND)).toBe(true);
  expect(PAGES.filter(isSection).length).toBeGreaterThan(1);
});

test('no page asks on screen for anything only paper uses; printing fetches the subset fonts', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const fonts = new Set<string>();
  for (const path of PAGES) {
    const requests = await screenLoad(page, path);
    const onScreen = requests.filter((r) => r.type !== 'document');
    // The CSS is in the page, the fonts of the screen are the reader's own.
    expect(
      onScreen.filter((r) => r.type === 'stylesheet' || r.type === 'font').map((r) => r.url),
      path,
    ).toEqual([]);
    // Every image fetched is one the screen shows (not one only print shows, or hides).
    const shown = await page.evaluate(() =>
      [...document.images].filter((image) => image.checkVisibility()).map((image) => image.currentSrc),
    );
    const images = onScreen.filter((r) => r.type === 'image' && !r.url.startsWith('data:')).map((r) => r.url);
    for (const url of images) expect(shown, `${path}: ${url}`).toContain(url);
    // Paper uses the web fonts, fetched only now (the 404 page prints in the reader's fonts).
    if (path === NOT_FOUND) continue;
    const before = requests.length;
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);
    const printed = requests
      .slice(before)
      .filter((r) => r.type === 'font')
      .map((r) => new URL(r.url).pathname);
    expect(printed.length, `${path}: print fetched no font`).toBeGreaterThan(0);
    for (const font of printed) expect(font, path).toMatch(/^\/fonts\/[\w-]+\.woff2$/);
    printed.forEach((font) => fonts.add(font));
    await page.emulateMedia({ media: null });
  }
  expect(fonts.size).toBeGreaterThan(1);
});

test('every page but the full report renders from its HTML alone, within one round trip', async ({
  page,
}) => {
  test.setTimeout(120_000);
  for (const path of PAGES) {
    const file = fileOf(path);
    const html = built(file);
    expect(html, `${path}: a stylesheet link`).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
    await page.goto(path, { waitUntil: 'load' });
    const blocking = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        // Chromium's Resource Timing field (not yet in TypeScript's DOM types).
        .filter(
          (r) =>
            (r as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus ===
            'blocking',
        )
        .map((r) => r.name),
    );
    expect(blocking, `${path}: render-blocking requests after the HTML`).toEqual([]);
    if (!isFullReport(path))
      expect(brotliBytes(file), `${path}: HTML with its CSS, brotli`).toBeLessThanOrEqual(
        BUDGET.htmlAndBlockingCss,
      );
  }
});

test('no page loads more than 1.5 KB of JavaScript, compressed', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of PAGES) {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.slice(1));
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    page.removeAllListeners('request');
    const bytes = scripts.reduce((sum, file) => sum + brotliBytes(file), 0);
    expect(bytes, `${path}: ${scripts.join(', ')}`).toBeLessThanOrEqual(BUDGET.js);
  }
});

test('printed pages embed the subset fonts as CID TrueType, never Type 3; English emphasis in italic', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'budgets-pdf-'));
  try {
    const sections = PAGES.filter(isSection);
    const samples = [sections.find((p) => !p.startsWith('/en/')), sections.find((p) => p.startsWith('/en/'))];
    for (const path of samples.filter(Boolean) as string[]) {
      await page.goto(path, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready);
      const file = join(dir, 'page.pdf');
      writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      const fonts = poppler('pdffonts', file).split('\n').slice(2).filter(Boolean);
      expect(fonts.length, path).toBeGreaterThan(0);
      for (const font of fonts)
        expect(font, `${path}: ${font}`).toMatch(/^[A-Z]{6}\+Noto\S+\s+CID TrueType\s/);
    }
    // The English PDF carries an italic face exactly where its English text has emphasis.
    const english = PAGES.find((path) => path.startsWith('/en/') && isFullReport(path))!;
    await page.goto(english);
    await page.emulateMedia({ media: 'print' });
    const emphasis = await page.evaluate(
      () =>
        [...document.querySelectorAll('main em, main i')].filter(
          (el) =>
            el.checkVisibility() && getComputedStyle(el).fontStyle === 'italic' && el.textContent?.trim(),
        ).length,
    );
    const downloads = join(DIST, 'downloads');
    const pdf = existsSync(downloads)
      ? readdirSync(downloads).find((name) => name.endsWith('-en.pdf'))
      : undefined;
    test.skip(!pdf, 'built without PDFs (REPORT_PDF=off)');
    const faces = poppler('pdffonts', join(DIST, 'downloads', pdf!));
    if (emphasis > 0) expect(faces).toMatch(/\+Noto(Sans|Serif)-(Bold)?Italic\s+CID TrueType/);
    else expect(faces).not.toMatch(/Italic/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
