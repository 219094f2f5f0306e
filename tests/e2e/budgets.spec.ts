// What a reader's first screen costs, on every page the built sitemap lists (both languages) and
// the 404 pages: the HTML carries its CSS (no second request before the first paint), fits with
// it in one round trip, loads little JavaScript, and never fetches what only paper uses — while
// printing still uses the subset web fonts, embedded in the PDF as CID TrueType. Sizes are the
// brotli copies nginx sends (src/integrations/precompress.ts); budgets are scripts/budgets.mjs.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGET } from '../../scripts/budgets.mjs';
import { pdfPath, type Edition } from '../support/edition';
import { poppler } from '../support/pdf-read';
import { expect, test, type Page } from './fixtures';

/** An address the site does not have, in each language: the host answers with its 404 page. */
const NOT_FOUND: Record<string, string> = { 'no-such-page/': '404.html', 'en/no-such-page/': 'en/404.html' };

/**
 * Every page of the built sitemap, as a path below the base, and the 404 pages. The sitemap,
 * not the content, says which pages there are: a page the content does not know is measured too.
 */
function sitemapPages(edition: Edition): string[] {
  const built = (file: string) => readFileSync(join(edition.dist, file), 'utf8');
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
  const pages = locs(built('sitemap-index.xml')).flatMap((sitemap) =>
    locs(built(sitemap.pathname.slice(edition.base.length))).map((url) =>
      url.pathname.slice(edition.base.length),
    ),
  );
  return [...pages, ...Object.keys(NOT_FOUND)];
}
const isNotFound = (path: string) => path in NOT_FOUND;
const isFullReport = (path: string) => /(^|\/)full-report\/$/.test(path);
/** A section's page: neither a home page, nor a full report, nor a 404 page. */
const isSection = (path: string) => !isNotFound(path) && !isFullReport(path) && path !== '' && path !== 'en/';
const fileOf = (path: string) => NOT_FOUND[path] ?? `${path}index.html`;

/** Bytes nginx sends for a built file: its brotli copy, or the file where none was worth making. */
function brotliBytes(edition: Edition, file: string): number {
  const path = join(edition.dist, file);
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

test('the sitemap lists every page of the edition, in both languages', ({ edition }) => {
  const listed = sitemapPages(edition).filter((path) => !isNotFound(path));
  expect(listed.sort()).toEqual(edition.pages.map(({ path }) => path).sort());
  expect(listed.filter(isSection)).toHaveLength(
    edition.pages.filter(({ kind }) => kind === 'section').length,
  );
});

test('no page asks on screen for anything only paper uses; printing fetches the subset fonts', async ({
  page,
  edition,
}) => {
  test.setTimeout(240_000);
  const fonts = new Set<string>();
  for (const path of sitemapPages(edition)) {
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
    if (isNotFound(path)) continue;
    const before = requests.length;
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);
    const printed = requests
      .slice(before)
      .filter((r) => r.type === 'font')
      .map((r) => new URL(r.url).pathname);
    expect(printed.length, `${path}: print fetched no font`).toBeGreaterThan(0);
    for (const font of printed)
      expect(font, path).toMatch(new RegExp(`^${edition.base}fonts/[\\w-]+\\.woff2$`));
    printed.forEach((font) => fonts.add(font));
    await page.emulateMedia({ media: null });
  }
  expect(fonts.size).toBeGreaterThan(1);
});

test('every page but the full report renders from its HTML alone, within one round trip', async ({
  page,
  edition,
}) => {
  for (const path of sitemapPages(edition)) {
    const file = fileOf(path);
    const html = readFileSync(join(edition.dist, file), 'utf8');
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
      expect(brotliBytes(edition, file), `${path}: HTML with its CSS, brotli`).toBeLessThanOrEqual(
        BUDGET.htmlAndBlockingCss,
      );
  }
});

test('no page loads more than 1.5 KB of JavaScript, compressed', async ({ page, edition }) => {
  // Every page measured before judging, so that a failure names each page over the budget.
  const over: string[] = [];
  for (const path of sitemapPages(edition)) {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script')
        scripts.push(new URL(request.url()).pathname.slice(edition.base.length));
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    page.removeAllListeners('request');
    const bytes = scripts.reduce((sum, file) => sum + brotliBytes(edition, file), 0);
    if (bytes > BUDGET.js) over.push(`/${path}: ${bytes} B (${scripts.join(', ')})`);
  }
  expect(over, `over ${BUDGET.js} B`).toEqual([]);
});

test('printed pages embed the subset fonts as CID TrueType, never Type 3; English emphasis in italic', async ({
  page,
  edition,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'budgets-pdf-'));
  try {
    const sections = sitemapPages(edition).filter(isSection);
    const samples = [sections.find((p) => !p.startsWith('en/')), sections.find((p) => p.startsWith('en/'))];
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
    await page.goto('en/full-report/');
    await page.emulateMedia({ media: 'print' });
    const emphasis = await page.evaluate(
      () =>
        [...document.querySelectorAll('main em, main i')].filter(
          (el) =>
            el.checkVisibility() && getComputedStyle(el).fontStyle === 'italic' && el.textContent?.trim(),
        ).length,
    );
    const faces = poppler('pdffonts', join(edition.dist, pdfPath(edition, 'en')));
    if (emphasis > 0) expect(faces).toMatch(/\+Noto(Sans|Serif)-(Bold)?Italic\s+CID TrueType/);
    else expect(faces).not.toMatch(/Italic/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
