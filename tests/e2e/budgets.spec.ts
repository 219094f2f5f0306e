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

/** What a page asked for on a phone's screen, and then for paper. */
interface PageLoad {
  path: string;
  /** Every request but the page's own, on screen, scrolled to the end so lazy images come too. */
  onScreen: Array<{ url: string; type: string }>;
  /** The images the screen shows. */
  shown: string[];
  /** Requests the first paint waited for (Chromium's Resource Timing `renderBlockingStatus`). */
  blocking: string[];
  /** Fonts fetched once the page is set for print (none asked of the 404 pages). */
  printFonts: string[];
}

/** Loads each page once for every budget below: on screen, scrolled to the end, then set for print. */
async function loadPages(page: Page, edition: Edition): Promise<PageLoad[]> {
  const loads: PageLoad[] = [];
  for (const path of sitemapPages(edition)) {
    const requests: Array<{ url: string; type: string }> = [];
    const listen = (request: { url(): string; resourceType(): string }) =>
      requests.push({ url: request.url(), type: request.resourceType() });
    page.on('request', listen);
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.mouse.wheel(0, 50_000);
    await page.waitForLoadState('networkidle');
    const onScreen = requests.filter((r) => r.type !== 'document');
    const shown = await page.evaluate(() =>
      [...document.images].filter((image) => image.checkVisibility()).map((image) => image.currentSrc),
    );
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
    const before = requests.length;
    if (!isNotFound(path)) {
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready);
      await page.emulateMedia({ media: null });
    }
    const printFonts = requests
      .slice(before)
      .filter((r) => r.type === 'font')
      .map((r) => new URL(r.url).pathname);
    page.off('request', listen);
    loads.push({ path, onScreen, shown, blocking, printFonts });
  }
  return loads;
}

test('the sitemap lists every page of the edition, in both languages', ({ edition }) => {
  const listed = sitemapPages(edition).filter((path) => !isNotFound(path));
  expect(listed.sort()).toEqual(edition.pages.map(({ path }) => path).sort());
  expect(listed.filter(isSection)).toHaveLength(
    edition.pages.filter(({ kind }) => kind === 'section').length,
  );
});

test.describe('every page, loaded once on a phone', () => {
  // In order, in one worker: the pages are loaded once, before the first budget is judged.
  test.describe.configure({ mode: 'default' });
  let loads: PageLoad[] = [];

  test.beforeAll(async ({ browser, edition }) => {
    // Every page twice over (screen, then print), waiting each time for the network to rest.
    test.setTimeout(300_000);
    const page = await browser.newPage({
      baseURL: test.info().project.use.baseURL!,
      viewport: { width: 390, height: 844 },
    });
    try {
      loads = await loadPages(page, edition);
    } finally {
      await page.close();
    }
  });

  test('no page asks on screen for anything only paper uses; printing fetches the subset fonts', ({
    edition,
  }) => {
    expect(loads.length).toBe(sitemapPages(edition).length);
    const fonts = new Set<string>();
    for (const { path, onScreen, shown, printFonts } of loads) {
      // The CSS is in the page, the fonts of the screen are the reader's own.
      expect(
        onScreen.filter((r) => r.type === 'stylesheet' || r.type === 'font').map((r) => r.url),
        path,
      ).toEqual([]);
      // Every image fetched is one the screen shows (not one only print shows, or hides).
      const images = onScreen
        .filter((r) => r.type === 'image' && !r.url.startsWith('data:'))
        .map((r) => r.url);
      for (const url of images) expect(shown, `${path}: ${url}`).toContain(url);
      // Paper uses the web fonts, fetched only then (the 404 pages print in the reader's fonts).
      if (isNotFound(path)) continue;
      expect(printFonts.length, `${path}: print fetched no font`).toBeGreaterThan(0);
      for (const font of printFonts)
        expect(font, path).toMatch(new RegExp(`^${edition.base}fonts/[\\w-]+\\.woff2$`));
      printFonts.forEach((font) => fonts.add(font));
    }
    expect(fonts.size).toBeGreaterThan(1);
  });

  test('every page but the full report renders from its HTML alone, within one round trip', ({ edition }) => {
    expect(loads.length).toBe(sitemapPages(edition).length);
    for (const { path, blocking } of loads) {
      const file = fileOf(path);
      const html = readFileSync(join(edition.dist, file), 'utf8');
      expect(html, `${path}: a stylesheet link`).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
      expect(blocking, `${path}: render-blocking requests after the HTML`).toEqual([]);
      if (!isFullReport(path))
        expect(brotliBytes(edition, file), `${path}: HTML with its CSS, brotli`).toBeLessThanOrEqual(
          BUDGET.htmlAndBlockingCss,
        );
    }
  });

  // Last of the group: a failure here restarts the worker, and the pages would load again.
  test('no page loads more than 1.5 KB of JavaScript, compressed', ({ edition }) => {
    expect(loads.length).toBe(sitemapPages(edition).length);
    // Every page measured before judging, so that a failure names each page over the budget.
    const over: string[] = [];
    for (const { path, onScreen } of loads) {
      const scripts = onScreen
        .filter((r) => r.type === 'script')
        .map((r) => new URL(r.url).pathname.slice(edition.base.length));
      const bytes = scripts.reduce((sum, file) => sum + brotliBytes(edition, file), 0);
      if (bytes > BUDGET.js) over.push(`/${path}: ${bytes} B (${scripts.join(', ')})`);
    }
    expect(over, `over ${BUDGET.js} B`).toEqual([]);
  });
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
