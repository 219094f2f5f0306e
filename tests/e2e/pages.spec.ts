import { expect, test } from '@playwright/test';
import { ALL_PAGES } from './site';

for (const { path, htmlLang } of ALL_PAGES) {
  test(`${path} answers 200 in ${htmlLang} with one h1 and ordered headings`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page).toHaveTitle(/\S/);
    const levels = await page
      .locator('main :is(h1,h2,h3,h4)')
      .evaluateAll((els) => els.map((el) => Number(el.tagName[1])));
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    await expect(page.locator('header').first()).toBeVisible();
    await expect(page.locator('footer')).toContainText('2023');
  });
}

test('an unknown address answers 404 with a page in both languages', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('section[lang="zh-CN"] h1')).toHaveText('页面未找到');
  await expect(page.locator('section[lang="en"] h1')).toHaveText('Page not found');
  await page.locator('section[lang="en"]').getByRole('link').click();
  await expect(page).toHaveURL(/\/en\/$/);
});

test('scripts are small external modules, and the photo viewer’s only where there are photos, on first use', async ({
  page,
}) => {
  const scriptsOf = async (path: string) => {
    await page.goto(path);
    return page
      .locator('script:not([type="application/ld+json"])')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('type')} ${el.getAttribute('src')}`));
  };
  for (const path of ['/', '/en/consensus/', '/full-report/', '/democratic-oversight/']) {
    const scripts = await scriptsOf(path);
    expect(scripts.length, path).toBeLessThanOrEqual(3);
    for (const script of scripts) expect(script).toMatch(/^module \/_astro\/[\w.-]+\.js$/);
  }
  expect((await scriptsOf('/consensus/')).join()).not.toMatch(/lightbox/i);
  // The viewer's code comes with the first tap on a photo, not with the page.
  expect((await scriptsOf('/democratic-oversight/')).join()).not.toMatch(/lightbox/i);
  const viewer = page.waitForRequest(/\/_astro\/Lightbox[\w.-]*\.js$/);
  await page.locator('[data-gallery-item] a[data-lightbox-large]').first().click();
  await viewer;
  await expect(page.locator('dialog[data-lightbox]')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('every page is laid out at the phone’s width, with nothing to scroll sideways', async ({ page }) => {
    for (const { path } of [...ALL_PAGES, { path: '/no-such-page/' }]) {
      await page.goto(path);
      const { layoutWidth, contentWidth } = await page.evaluate(() => ({
        layoutWidth: window.innerWidth,
        contentWidth: document.documentElement.scrollWidth,
      }));
      expect(layoutWidth, `${path}: laid out for a desktop (no viewport meta?)`).toBe(390);
      expect(contentWidth, `${path}: scrolls sideways`).toBeLessThanOrEqual(390);
    }
  });
});
