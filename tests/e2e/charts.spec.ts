import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const CHART_PAGES = [
  { path: '/political-guidance/', kind: 'key-topics' },
  { path: '/democratic-oversight/', kind: 'oversight' },
  { path: '/deliberation/', kind: 'trips' },
  { path: '/consensus/', kind: 'outreach' },
  { path: '/proposals/', kind: 'proposals' },
];

for (const prefix of ['', '/en']) {
  for (const { path, kind } of CHART_PAGES) {
    test(`${prefix}${path}: the ${kind} chart is named, described, and its table holds the section's figures`, async ({
      page,
    }) => {
      await page.goto(`${prefix}${path}`);
      const chart = page.locator(`figure[data-chart="${kind}"]`);
      await expect(chart).toHaveCount(1);
      const image = chart.getByRole('img');
      await expect(image).toHaveAccessibleName(/\S/);
      await expect(image).toHaveAccessibleDescription(/\d/);
      await chart.locator('summary').click();
      const table = chart.getByRole('table');
      await expect(table).toBeVisible();
      const tableText = (await table.innerText()).replace(/,(\d{3})/g, '$1');
      // Every figure shown in the section's stat cards is in the chart's table, value for value.
      const figures = await page
        .locator('main p[data-figure] .tabular-nums')
        .evaluateAll((els) => els.map((el) => el.textContent!.replace(/\D/g, '')));
      expect(figures.length).toBeGreaterThan(0);
      for (const figure of figures) expect(tableText).toMatch(new RegExp(`(^|\\D)${figure}(\\D|$)`));
    });
  }
}

test('the proposals chart labels its one computed share as computed', async ({ page }) => {
  await page.goto('/en/proposals/');
  await expect(page.locator('figure[data-chart="proposals"]')).toContainText(/computed.*361 ÷ 404 ≈ 89\.4%/);
  await page.goto('/proposals/');
  await expect(page.locator('figure[data-chart="proposals"]')).toContainText(/计算值.*361 ÷ 404 ≈ 89\.4%/);
});

test('the home dashboard groups every figure by part and links each to its place', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#key-figures h3')).toHaveCount(5);
  const links = await page
    .locator('#key-figures li a[href*="#"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(
    links.filter(
      (href) => !/#(political-guidance|democratic-oversight|deliberation|consensus|proposals)$/.test(href!),
    ),
  ).toHaveLength(15);
});

test('axe passes on a page with a chart and its table open, in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/en/consensus/');
  await page.locator('figure[data-chart] summary').click();
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});
