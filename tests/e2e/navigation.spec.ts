import { expect, test, type Page } from '@playwright/test';

/** True when the element's top is inside the viewport and not hidden under the sticky header. */
async function landedOn(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const header = document.querySelector('body > header');
    const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
    const { top } = el.getBoundingClientRect();
    return top >= headerBottom - 1 && top < window.innerHeight;
  });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('the phone menu leads to every section', async ({ page }) => {
      await page.goto('/');
      const menu = page.locator('header details');
      await menu.locator('summary').click();
      const nav = page.getByRole('navigation', { name: '报告目录' });
      // Home, five parts, the full report, and the PDF download.
      await expect(nav.getByRole('link')).toHaveCount(8);
      await nav.getByRole('link', { name: '提案办理成效显著' }).click();
      await expect(page).toHaveURL(/\/proposals\/$/);
      await expect(page.locator('h1')).toHaveText('提案办理成效显著');
      await page.locator('header details summary').click();
      await expect(
        page.getByRole('navigation', { name: '报告目录' }).getByRole('link', { name: '提案办理成效显著' }),
      ).toHaveAttribute('aria-current', 'page');
    });

    test('previous and next walk the sections in order', async ({ page }) => {
      await page.goto('/en/political-guidance/');
      const titles: string[] = [];
      for (;;) {
        titles.push((await page.locator('h1').textContent())!.trim());
        const next = page.locator('a[rel="next"]');
        if ((await next.count()) === 0) break;
        await next.click();
      }
      expect(titles).toHaveLength(5);
      await page.locator('a[rel="prev"]').click();
      await expect(page).toHaveURL(/\/en\/consensus\/$/);
    });

    test('the language switch leads to the same page', async ({ page }) => {
      await page.goto('/deliberation/');
      await page.getByRole('link', { name: 'English' }).click();
      await expect(page).toHaveURL(/\/en\/deliberation\/$/);
      await page.getByRole('link', { name: '中文' }).click();
      await expect(page).toHaveURL(/\/deliberation\/$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    });

    test('the full report’s contents land on each section below the header', async ({ page }) => {
      await page.goto('/en/full-report/');
      const links = page.locator('#contents ol a');
      await expect(links).toHaveCount(5);
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
        await page.locator(`#contents ol a[href="${href}"]`).click();
        await expect(page).toHaveURL(new RegExp(`${href}$`));
        expect(await landedOn(page, href)).toBe(true);
        await page.goto('/en/full-report/');
      }
    });
  });
}

test('the language switch keeps the anchor the reader is at', async ({ page }) => {
  await page.goto('/full-report/#consensus');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/full-report\/#consensus$/);
  expect(await landedOn(page, '#consensus')).toBe(true);
  await page.goto('/en/proposals/#member-satisfaction');
  await page.getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(/\/proposals\/#member-satisfaction$/);
  expect(await landedOn(page, '#member-satisfaction')).toBe(true);
});

test('each headline figure on the home page lands on that figure in its section', async ({ page }) => {
  await page.goto('/en/');
  // Every link of the figures section that leads to a place (not the data files it offers).
  const figures = page.locator('#key-figures a:not([download])');
  const hrefs = await figures.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThanOrEqual(5);
  for (const href of hrefs) {
    await page.goto(href);
    const id = href.split('#')[1]!;
    expect(await landedOn(page, `#${id}`)).toBe(true);
  }
});
