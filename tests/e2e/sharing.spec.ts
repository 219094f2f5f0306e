import { expect, test } from '@playwright/test';
import { numbersIn } from '../../src/lib/numbers';
import { ALL_PAGES } from './site';

const SITE = 'https://review.example.org';

/**
 * The figure each page's share preview shows (README: a section's headline figure; the cover and
 * the full report show the closing section's), named here so a change of rule is a visible edit.
 */
const PREVIEW_FIGURE: Record<string, string> = {
  '': 'proposals-submitted',
  'full-report/': 'proposals-submitted',
  'political-guidance/': 'key-topic-suggestions',
  'democratic-oversight/': 'oversight-members',
  'deliberation/': 'trip-participants',
  'consensus/': 'members-visited-2023',
  'proposals/': 'proposals-submitted',
};
const LIST_SEPARATOR = { 'zh-CN': '，', en: ' — ' } as const;

for (const { path, htmlLang } of ALL_PAGES) {
  test(`${path} carries the full share metadata`, async ({ page, request }) => {
    await page.goto(path);
    const head = page.locator('head');
    const meta = (selector: string) => head.locator(selector).getAttribute('content');
    const title = await page.title();
    expect(title).toMatch(/ · /);
    const description = (await meta('meta[name="description"]'))!;
    expect(description).toMatch(/\S{10}/);
    // What a search result quotes states no number its page does not.
    const lang = htmlLang === 'en' ? 'en' : 'zh';
    const onPage = new Set(numbersIn(await page.locator('main').innerText(), lang));
    const unstated = numbersIn(description, lang).filter((number) => !onPage.has(number));
    expect(unstated, `the description states numbers its page does not: ${description}`).toEqual([]);
    await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}${path}`);
    const robots = await head
      .locator('meta[name="robots"], meta[name="googlebot"]')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content')).join());
    expect(robots, 'meta robots keeps the page out of search').not.toMatch(/noindex|none/i);
    const zhPath = path.replace(/^\/en\//, '/');
    const enPath = path.startsWith('/en/') ? path : `/en${path}`;
    await expect(head.locator('link[hreflang="zh-CN"]')).toHaveAttribute('href', `${SITE}${zhPath}`);
    await expect(head.locator('link[hreflang="en"]')).toHaveAttribute('href', `${SITE}${enPath}`);
    await expect(head.locator('link[hreflang="x-default"]')).toHaveAttribute('href', `${SITE}${zhPath}`);
    expect(await meta('meta[property="og:title"]')).toBe(title);
    expect(await meta('meta[property="og:url"]')).toBe(`${SITE}${path}`);
    expect(await meta('meta[property="og:description"]'), 'og:description').toBe(description);
    expect(await meta('meta[name="twitter:description"]'), 'twitter:description').toBe(description);
    expect(await meta('meta[property="og:image:width"]')).toBe('1200');
    expect(await meta('meta[property="og:image:height"]')).toBe('630');
    expect(await meta('meta[property="og:locale"]')).toBe(htmlLang === 'en' ? 'en_US' : 'zh_CN');
    expect(await meta('meta[property="og:locale:alternate"]')).toBe(htmlLang === 'en' ? 'zh_CN' : 'en_US');
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    const image = (await meta('meta[property="og:image"]'))!;
    expect(image).toMatch(new RegExp(`^${SITE}/.+\\.png$`));
    expect(await meta('meta[name="twitter:image"]')).toBe(image);
    const png = await request.get(image.replace(SITE, ''));
    expect(png.status()).toBe(200);
    const bytes = await png.body();
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);

    // A section is an article, part of the report; the cover and the full report are the report.
    const prefix = htmlLang === 'en' ? '/en' : '';
    const neutral = path.slice(prefix.length + 1);
    const isSection = neutral !== '' && neutral !== 'full-report/';
    const jsonLd = JSON.parse((await head.locator('script[type="application/ld+json"]').textContent())!);
    expect(await meta('meta[property="og:type"]'), 'og:type').toBe(isSection ? 'article' : 'website');
    expect(jsonLd['@context']).toBe('https://schema.org');
    expect(jsonLd.inLanguage).toBe(htmlLang);
    expect(jsonLd.url).toBe(`${SITE}${path}`);
    const report = isSection ? jsonLd.isPartOf : jsonLd;
    expect(jsonLd['@type'], 'JSON-LD type').toBe(isSection ? 'WebPage' : 'Report');
    expect(report?.['@type'], 'the report node').toBe('Report');
    expect(report.temporalCoverage).toBe('2023');
    if (isSection) {
      expect(report.url).toBe(`${SITE}${prefix}/full-report/`);
      expect(jsonLd.description, 'JSON-LD description').toBe(description);
    }
    const publisher: string = jsonLd.publisher?.name;
    expect(publisher).toMatch(
      htmlLang === 'en' ? /^Beijing Chaoyang District Committee/ : /^政协北京市朝阳区委员会$/,
    );

    // The image's alt text says what the preview shows: the page's title, its figure, the publisher.
    const siteName = (await meta('meta[property="og:site_name"]'))!;
    const ownTitle = title.slice(0, -` · ${siteName}`.length);
    expect(title).toBe(`${ownTitle} · ${siteName}`);
    const alt = await meta('meta[property="og:image:alt"]');
    expect(await meta('meta[name="twitter:image:alt"]')).toBe(alt);
    // The figure as its page says it to a screen reader (the full report has every figure).
    const phrase = page.locator(`main #${PREVIEW_FIGURE[neutral]} .sr-only`).first();
    if ((await phrase.count()) === 0) await page.goto(`${prefix}/full-report/`);
    const figure = (await phrase.textContent())!.trim();
    expect(figure).toMatch(/\d/);
    expect(alt, 'og:image:alt').toBe([ownTitle, figure, publisher].join(LIST_SEPARATOR[htmlLang]));
  });
}

test('each page has its own title, and each section its own description', async ({ page }) => {
  const titles = new Map<string, string>();
  const descriptions = new Map<string, string>();
  for (const { path } of ALL_PAGES) {
    await page.goto(path);
    const title = await page.title();
    expect(titles.get(title), `${path} has the title of`).toBeUndefined();
    titles.set(title, path);
    const description = (await page.locator('meta[name="description"]').getAttribute('content'))!;
    // The cover and the full report are both described by the report's summary.
    if (!/^(\/en)?\/(full-report\/)?$/.test(path)) {
      expect(descriptions.get(description), `${path} has the description of`).toBeUndefined();
    }
    descriptions.set(description, path);
  }
  expect(titles.size).toBe(ALL_PAGES.length);
});

test('each page and language has its own preview image', async ({ page, request }) => {
  const seen = new Map<string, string>();
  for (const { path } of ALL_PAGES) {
    await page.goto(path);
    const image = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
    const body = (await (await request.get(new URL(image).pathname)).body()).toString('base64');
    expect(seen.has(body), `${path} shares its image with ${seen.get(body)}`).toBe(false);
    seen.set(body, path);
  }
});

test('the sitemap lists every page with its language versions, and robots.txt points to it', async ({
  request,
}) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(parts).toEqual([`${SITE}/sitemap-0.xml`]);
  const sitemap = await (await request.get(new URL(parts[0]!).pathname)).text();
  const urls = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]!);
  expect(urls).toHaveLength(ALL_PAGES.length);
  for (const { path } of ALL_PAGES) {
    const entry = urls.find((url) => url.includes(`<loc>${SITE}${path}</loc>`));
    expect(entry, path).toBeDefined();
    const zhPath = path.replace(/^\/en\//, '/');
    const alternates = [...entry!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)]
      .map((m) => `${m[1]} ${m[2]}`)
      .sort();
    expect(alternates, path).toEqual(
      [
        `en ${SITE}${path.startsWith('/en/') ? path : `/en${path}`}`,
        `x-default ${SITE}${zhPath}`,
        `zh-CN ${SITE}${zhPath}`,
      ].sort(),
    );
  }
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  expect(robots).toMatch(/^User-agent: \*$/m);
  expect(robots, 'robots.txt shuts search engines out').not.toMatch(/^Disallow:\s*\S/m);
});

test.describe('copying a link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the section’s canonical address and says so to screen readers', async ({ page }) => {
    await page.goto('/democratic-oversight/');
    await page
      .locator('#democratic-oversight [data-share]')
      .first()
      .getByRole('button', { name: /复制链接/ })
      .click();
    // The published address, without a fragment: the section is the page.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE}/democratic-oversight/`);
    await expect(page.getByRole('status')).toHaveText('链接已复制');
  });

  test('copies a figure’s address', async ({ page }) => {
    await page.goto('/en/proposals/');
    await page
      .locator('#member-satisfaction')
      .getByRole('link', { name: /Copy link/ })
      .click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${SITE}/en/proposals/#member-satisfaction`,
    );
  });
});

test('shows a selectable address where the clipboard refuses', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
  });
  await page.goto('/en/consensus/');
  const copy = page.locator('#consensus [data-share-copy]').first();
  await copy.click();
  const input = page.locator('[data-share-fallback] input');
  await expect(input).toBeVisible();
  await expect(input).toHaveValue(`${SITE}/en/consensus/`);
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(copy).toBeFocused();
  await expect(input).toBeHidden();
});

test('offers the device’s share sheet where there is one, once per section', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { shared: unknown[] }).shared = [];
    navigator.share = async (data) => {
      (window as unknown as { shared: unknown[] }).shared.push(data);
    };
  });
  await page.goto('/deliberation/');
  await expect(page.locator('[data-share-native]:visible')).toHaveCount(1);
  await page.locator('#deliberation [data-share-native]').click();
  const shared = await page.evaluate(() => (window as unknown as { shared: Array<{ url: string }> }).shared);
  expect(shared[0]?.url).toBe(`${SITE}/deliberation/`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a figure’s link leads to it, a section offers its address in a field, no share button shows', async ({
    page,
  }) => {
    await page.goto('/proposals/');
    await expect(page.locator('[data-share-native]').first()).toBeHidden();
    await expect(page.locator('button[data-share-copy]:visible')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: '复制此链接：' })).toHaveValue(`${SITE}/proposals/`);
    await page.getByRole('link', { name: /^链接到：.*404/ }).click();
    await expect(page).toHaveURL(/\/proposals\/#proposals-submitted$/);
  });
});

test('every anchor on a page exists in the other language too', async ({ page }) => {
  const idsOf = async (path: string) => {
    await page.goto(path);
    return page.locator('main [id]').evaluateAll((els) => els.map((el) => el.id).sort());
  };
  for (const { path } of ALL_PAGES.filter((p) => p.htmlLang === 'zh-CN')) {
    const zh = await idsOf(path);
    expect(zh.length, path).toBeGreaterThan(0);
    expect(await idsOf(`/en${path}`), path).toEqual(zh);
  }
});

test('an anchor link scrolls its target to just below the sticky header', async ({ page }) => {
  await page.goto('/full-report/#trip-participants');
  const { scrolled, top, headerBottom, padding } = await page.evaluate(() => ({
    scrolled: window.scrollY,
    top: document.getElementById('trip-participants')!.getBoundingClientRect().top,
    headerBottom: document.querySelector('body > header')!.getBoundingClientRect().bottom,
    padding: parseFloat(getComputedStyle(document.getElementById('trip-participants')!).scrollMarginTop),
  }));
  // The figure is far down the full report: a page that never scrolled fails here.
  expect(scrolled).toBeGreaterThan(1000);
  expect(top, 'hidden under the header').toBeGreaterThanOrEqual(headerBottom);
  expect(Math.abs(top - padding), 'not where its scroll-margin-top puts it').toBeLessThanOrEqual(2);
});
