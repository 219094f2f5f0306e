import { expect, test } from '@playwright/test';
import { ALL_PAGES } from './site';

const SITE = 'https://review.example.org';

for (const { path, htmlLang } of ALL_PAGES) {
  test(`${path} carries the full share metadata`, async ({ page, request }) => {
    await page.goto(path);
    const head = page.locator('head');
    const meta = (selector: string) => head.locator(selector).getAttribute('content');
    const title = await page.title();
    expect(title).toMatch(/ · /);
    expect(await meta('meta[name="description"]')).toMatch(/\S{10}/);
    await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}${path}`);
    const zhPath = path.replace(/^\/en\//, '/');
    const enPath = path.startsWith('/en/') ? path : `/en${path}`;
    await expect(head.locator('link[hreflang="zh-CN"]')).toHaveAttribute('href', `${SITE}${zhPath}`);
    await expect(head.locator('link[hreflang="en"]')).toHaveAttribute('href', `${SITE}${enPath}`);
    await expect(head.locator('link[hreflang="x-default"]')).toHaveAttribute('href', `${SITE}${zhPath}`);
    expect(await meta('meta[property="og:title"]')).toBe(title);
    expect(await meta('meta[property="og:url"]')).toBe(`${SITE}${path}`);
    expect(await meta('meta[property="og:type"]')).toMatch(/^(website|article)$/);
    expect(await meta('meta[property="og:description"]')).toMatch(/\S/);
    expect(await meta('meta[property="og:image:width"]')).toBe('1200');
    expect(await meta('meta[property="og:image:height"]')).toBe('630');
    expect(await meta('meta[property="og:image:alt"]')).toMatch(/\S/);
    expect(await meta('meta[property="og:locale"]')).toBe(htmlLang === 'en' ? 'en_US' : 'zh_CN');
    expect(await meta('meta[property="og:locale:alternate"]')).toBe(htmlLang === 'en' ? 'zh_CN' : 'en_US');
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    const image = (await meta('meta[property="og:image"]'))!;
    expect(image).toMatch(new RegExp(`^${SITE}/.+\\.png$`));
    const png = await request.get(image.replace(SITE, ''));
    expect(png.status()).toBe(200);
    const bytes = await png.body();
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
    const jsonLd = JSON.parse((await head.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.inLanguage).toBe(htmlLang);
    expect(JSON.stringify(jsonLd)).toContain('"temporalCoverage":"2023"');
  });
}

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
  expect(await (await request.get('/robots.txt')).text()).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
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

test('anchor links and figure links land below the sticky header', async ({ page }) => {
  await page.goto('/full-report/#trip-participants');
  const overlap = await page.evaluate(() => {
    const header = document.querySelector('body > header')!.getBoundingClientRect();
    const target = document.getElementById('trip-participants')!.getBoundingClientRect();
    return target.top - header.bottom;
  });
  expect(overlap).toBeGreaterThanOrEqual(0);
});
