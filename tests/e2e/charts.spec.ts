import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { WCAG_TAGS } from '../support/wcag';
import { ALL_PAGES, SECTION_SLUGS } from './site';

/** Each figure on a page: its anchor id and its number as shown. */
const figuresOn = (page: Page) =>
  page
    .locator('main [data-figure-row]')
    .evaluateAll((rows) =>
      rows.map((row) => [row.id, row.querySelector('[data-value]')!.textContent!.trim()] as const),
    );

for (const prefix of ['', '/en']) {
  for (const slug of SECTION_SLUGS) {
    test(`${prefix}/${slug}/: each figure once, every chart named by its title, its table holding its figures`, async ({
      page,
    }) => {
      await page.goto(`${prefix}/${slug}/`);
      const figures = await figuresOn(page);
      expect(figures.length).toBeGreaterThan(0);
      const ids = figures.map(([id]) => id);
      expect(new Set(ids).size, 'a figure shown twice').toBe(ids.length);
      const charts = page.locator('main figure[data-chart]');
      expect(await charts.count()).toBeGreaterThan(0);
      for (const chart of await charts.all()) {
        const title = (await chart.locator('figcaption').innerText()).trim();
        await expect(chart).toHaveAccessibleName(title);
        await chart.locator('summary').click();
        const table = chart.getByRole('table');
        await expect(table).toBeVisible();
        // The table lists the chart's figures first, in the chart's order, each with its own value.
        const shown = (await chart.locator('[data-value]').allInnerTexts()).map((n) => n.trim());
        expect(shown.length).toBeGreaterThan(0);
        const tabled = await table
          .locator('tbody tr:not([data-computed-row]) > td:first-of-type')
          .evaluateAll((cells) => cells.map((cell) => /[\d.,]+/.exec(cell.textContent ?? '')?.[0] ?? ''));
        expect(tabled.slice(0, shown.length), `the table of ${title}`).toEqual(shown);
      }
    });
  }
}

test('the proposals chart shows its state, and its one computed share labelled as computed', async ({
  page,
}) => {
  await page.goto('/en/proposals/');
  const chart = page.locator('figure[data-chart="proposals"]');
  await expect(chart.locator('[data-computed]')).toHaveText(/\(computed\)\s*≈ 89\.4%/);
  await expect(chart.locator('#proposals-registered')).toContainText('all fully handled');
  await page.goto('/proposals/');
  await expect(page.locator('figure[data-chart="proposals"] [data-computed]')).toHaveText(
    /（计算值）\s*≈ 89\.4%/,
  );
});

test('bars share their group’s scale, the longest reaching its end, each with its number; a meter has its 0–100 % track', async ({
  page,
}) => {
  await page.goto('/consensus/');
  const widths = await page
    .locator('[data-draw="bars"] [data-fill]')
    .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-fill'))));
  expect(widths).toEqual([Math.round((216 / 319) * 1000) / 10, 100]);
  await expect(page.locator('[data-draw="bars"]')).toContainText('216');
  await expect(page.locator('[data-draw="bars"]')).toContainText('319');
  await page.goto('/proposals/');
  await expect(page.locator('[data-draw="meter"]')).toContainText('100%');
});

for (const width of [360, 1280]) {
  test(`no figure’s text or mark runs past its block at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const overruns: string[] = [];
    for (const { path } of ALL_PAGES) {
      await page.goto(path);
      overruns.push(
        ...(await page.locator('main .figure-block, #key-figures li').evaluateAll((blocks) =>
          blocks.flatMap((block) => {
            const edge = block.getBoundingClientRect().right;
            return [...block.querySelectorAll('span, p, svg, li, figcaption')]
              .filter(
                (el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge + 0.5,
              )
              .map((el) => `${location.pathname} ${el.closest('[id]')?.id}: ${el.textContent?.slice(0, 40)}`);
          }),
        )),
      );
    }
    expect(overruns).toEqual([]);
  });
}

for (const prefix of ['', '/en']) {
  test(`${prefix}/: the headline strip and the dashboard show every figure once between them, each linking to its place`, async ({
    page,
  }) => {
    await page.goto(`${prefix}/`);
    await expect(page.locator('#key-figures h3')).toHaveCount(SECTION_SLUGS.length);
    const hrefsOf = (selector: string) =>
      page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const headlines = await hrefsOf('[data-headline-figures] a');
    const cards = await hrefsOf('#key-figures a[data-dashboard-figure]');
    expect(headlines.length).toBeGreaterThan(0);
    const all = [...headlines, ...cards];
    expect(all).toHaveLength(15);
    expect(new Set(all.map((href) => href.split('#')[1])).size, 'a figure shown twice').toBe(15);
    for (const href of all)
      expect(href).toMatch(new RegExp(`^${prefix}/(${SECTION_SLUGS.join('|')})/#[a-z0-9-]+$`));
    // Each number is seen once on the page, outside the text: no figure repeats a headline.
    const numbers = await page.locator('main [data-value]').allInnerTexts();
    expect(numbers).toHaveLength(15);
  });
}

test('axe passes on a page with a chart and its table open, in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/en/consensus/');
  await page.locator('figure[data-chart] summary').click();
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});
