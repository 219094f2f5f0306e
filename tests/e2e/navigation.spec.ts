import { expect, test, type Page } from '@playwright/test';
import { SECTION_SLUGS } from './site';

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
      await page.locator('header [popovertarget]').click();
      const nav = page.getByRole('navigation', { name: '报告目录' });
      // Home, five parts, the full report, and the PDF download.
      await expect(nav.getByRole('link')).toHaveCount(8);
      await nav.getByRole('link', { name: '提案办理成效显著' }).click();
      await expect(page).toHaveURL(/\/proposals\/$/);
      await expect(page.locator('h1')).toHaveText('提案办理成效显著');
      await page.locator('header [popovertarget]').click();
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
      await page.getByRole('link', { name: 'English', exact: true }).click();
      await expect(page).toHaveURL(/\/en\/deliberation\/$/);
      await page.getByRole('link', { name: '中文', exact: true }).click();
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
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/full-report\/#consensus$/);
  expect(await landedOn(page, '#consensus')).toBe(true);
  await page.goto('/en/proposals/#member-satisfaction');
  await page.getByRole('link', { name: '中文', exact: true }).click();
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

/** Every paragraph and list item of the page's body text, with its id (or '' without one). */
const paragraphIds = (page: Page) =>
  page
    .locator('.report-prose > p, .report-prose > ul > li, .report-prose > ol > li')
    .evaluateAll((blocks) => blocks.map((block) => block.id));

test('every paragraph has an anchor, the same in both languages', async ({ page }) => {
  for (const path of ['/', '/full-report/', ...SECTION_SLUGS.map((slug) => `/${slug}/`)]) {
    await page.goto(path);
    const zh = await paragraphIds(page);
    await page.goto(`/en${path}`);
    const en = await paragraphIds(page);
    expect(zh.length, path).toBeGreaterThan(0);
    expect(zh.every(Boolean), `${path}: a paragraph without an anchor`).toBe(true);
    expect(new Set(zh).size, `${path}: anchors unique`).toBe(zh.length);
    expect(en, path).toEqual(zh);
  }
});

test('the language switch keeps the reader’s place to the paragraph', async ({ page }) => {
  for (const { from, to, name } of [
    { from: '', to: '/en', name: 'English' },
    { from: '/en', to: '', name: '中文' },
  ]) {
    await page.goto(`${from}/full-report/`);
    // The last paragraph of each part, read with its first lines just under the header.
    const lasts = await page
      .locator('.report-section .report-prose')
      .evaluateAll((bodies) =>
        bodies.map((body) => [...body.querySelectorAll(':scope > p[id]')].at(-1)?.id ?? ''),
      );
    let carried = 0;
    for (const id of lasts.filter(Boolean)) {
      await page.goto(`${from}/full-report/`);
      const reached = await page.locator(`#${id}`).evaluate((paragraph) => {
        const header = document.querySelector('body > header')!.getBoundingClientRect().bottom;
        window.scrollTo(0, scrollY + paragraph.getBoundingClientRect().top - header - 8);
        // Near the end of the page the paragraph may not rise that far.
        return paragraph.getBoundingClientRect().top - header < 24;
      });
      if (!reached) continue;
      carried++;
      await page.locator('body > header a[data-keep-hash]').click();
      await expect(page).toHaveURL(new RegExp(`^[^#]*${to}/full-report/#${id}$`));
      expect(await landedOn(page, `#${id}`), `${name}: ${id}`).toBe(true);
    }
    expect(carried, 'parts whose last paragraph could be read at the top').toBeGreaterThan(0);
  }
});

test('a paragraph can be linked to: its link shows on pointing, and its anchor lands below the header', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/en/${SECTION_SLUGS[0]}/`);
  const paragraph = page.locator('.report-prose > p[id]').last();
  const id = (await paragraph.getAttribute('id'))!;
  const link = paragraph.locator(`a[href="#${id}"]`);
  await expect(link).toHaveAccessibleName(/\S/);
  expect(await link.evaluate((a) => getComputedStyle(a).opacity)).toBe('0');
  await paragraph.hover();
  await expect.poll(() => link.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  expect(await landedOn(page, `#${id}`)).toBe(true);
  // The paragraph's text is the text alone: the link adds no characters to it.
  expect(await link.textContent()).toBe('');
});

test('the skip link lands the content below the sticky header', async ({ page }) => {
  for (const path of [`/en/${SECTION_SLUGS.at(-1)}/`, '/']) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    const firstText = page.locator('main :is(h1, h2, p)').first();
    expect(await landedOn(page, 'main :is(h1, h2, p) >> nth=0'), path).toBe(true);
    await expect(firstText).toBeInViewport();
  }
});

test('the header stays at the top only where the screen is tall enough to spare it', async ({ page }) => {
  const headerTop = () => page.locator('body > header').evaluate((el) => el.getBoundingClientRect().top);
  // 1280 × 900 at 400 % zoom is 320 × 225; a phone held sideways is about 844 × 390.
  for (const { width, height, sticky } of [
    { width: 390, height: 844, sticky: true },
    { width: 320, height: 225, sticky: false },
    { width: 844, height: 390, sticky: false },
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto('/en/full-report/');
    await page.evaluate(() => window.scrollTo(0, 1500));
    expect(await headerTop(), `${width} × ${height}`).toBe(sticky ? 0 : -1500);
  }
});

test('arrow keys, Home and End move within the open menu, not the page behind it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto('/en/full-report/');
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.locator('header [popovertarget]').focus();
  await page.keyboard.press('Enter');
  const links = page.locator('#site-menu a[href]');
  const count = await links.count();
  expect(count).toBeGreaterThan(2);
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(count - 1)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('End');
  await expect(links.nth(count - 1)).toBeFocused();
  expect(await page.evaluate(() => scrollY)).toBe(600);
  expect(await page.locator('#site-menu').evaluate((menu) => menu.matches(':popover-open'))).toBe(true);
});
