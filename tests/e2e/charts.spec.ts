import { LANGUAGES, printedNumber, sitePath, statsOf } from '../support/edition';
import { axe } from '../support/checkers';
import { expect, test, type Page } from './fixtures';

/** Each figure on a page: its anchor id and its number as shown. */
const figuresOn = (page: Page) =>
  page
    .locator('main [data-figure-row]')
    .evaluateAll((rows) =>
      rows.map((row) => [row.id, row.querySelector('[data-value]')!.textContent!.trim()] as const),
    );

/** A share as the charts print it: one decimal, "%". */
const percent = (part: number, whole: number) =>
  `${(Math.round((part / whole) * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;

for (const { lang, prefix } of LANGUAGES) {
  test(`${lang} section pages: each figure once, charts drawn as declared, named by their titles, their tables holding their figures`, async ({
    page,
    edition,
  }) => {
    for (const section of edition.sections[lang]) {
      await page.goto(`${prefix}${section.slug}/`);
      const figures = await figuresOn(page);
      expect(
        figures.map(([id]) => id),
        `${section.slug}: each figure once, in order`,
      ).toEqual(section.stats.map((stat) => stat.id));
      const charts = page.locator('main figure[data-chart]');
      await expect(charts).toHaveCount(section.charts.length);
      for (const [index, chart] of (await charts.all()).entries()) {
        const declared = section.charts[index]!;
        await expect(chart.locator('figcaption')).toContainText(declared.title);
        await expect(chart).toHaveAccessibleName((await chart.locator('figcaption').innerText()).trim());
        const stat = (id: string) => section.stats.find((s) => s.id === id)!;
        for (const [rowIndex, row] of declared.rows.entries()) {
          const values = row.stats.map((id) => stat(id).value);
          // The row's own group: the chart's groups stand in the rows' order.
          const drawn = chart.locator(':scope > div > [data-draw]').nth(rowIndex);
          await expect(drawn, `${declared.id}: ${row.draw}`).toHaveAttribute('data-draw', row.draw);
          await expect(drawn).toBeVisible();
          if (row.draw === 'bars') {
            // Like quantities on one scale: each bar its share of the largest, which reaches the
            // scale's end, and each bar's own number beside it.
            const max = Math.max(...values);
            const widths = await drawn
              .locator('[data-mark="bar"] [data-fill]')
              .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-fill'))));
            expect(widths).toEqual(values.map((v) => Math.round((v / max) * 1000) / 10));
            for (const value of values) await expect(drawn).toContainText(printedNumber(value, lang));
          }
          if (row.draw === 'part') {
            // The whole stands first, as a figure of its own; each part's words name it.
            const whole = stat(row.of!);
            await expect(drawn.locator('[data-figure-row]').first()).toHaveId(whole.id);
            for (const id of row.stats)
              await expect(chart.locator(`#${id} [data-comparator]`)).toContainText(
                printedNumber(whole.value, lang),
              );
          }
          if (row.draw === 'meter') await expect(drawn).toContainText('100%');
          if (row.draw === 'units') {
            // One mark per thing counted.
            for (const id of row.stats)
              await expect(chart.locator(`#${id} [data-mark="units"] [data-unit]`)).toHaveCount(
                stat(id).value,
              );
          }
          if (row.draw === 'none') await expect(drawn.locator('[data-mark]')).toHaveCount(0);
          if (row.draw === 'list') {
            for (const id of row.stats)
              await expect(chart.locator(`#${id} li`)).toHaveText(stat(id).items ?? []);
          }
        }
        for (const { of, label } of declared.states ?? [])
          await expect(chart.locator(`#${of}`)).toContainText(label);
        const computed = chart.locator('[data-computed]');
        await expect(computed).toHaveCount(declared.computed?.length ?? 0);
        for (const [i, { part, whole, label }] of (declared.computed ?? []).entries()) {
          await expect(computed.nth(i)).toContainText(label);
          await expect(computed.nth(i)).toContainText(lang === 'zh' ? '（计算值）' : '(computed)');
          await expect(computed.nth(i)).toContainText(`≈ ${percent(stat(part).value, stat(whole).value)}`);
        }
        // The table lists the chart's figures first, in the chart's order, each with its own value.
        await chart.locator('summary').click();
        const table = chart.getByRole('table');
        await expect(table).toBeVisible();
        const shown = (await chart.locator('[data-value]').allInnerTexts()).map((n) => n.trim());
        expect(shown.length).toBeGreaterThan(0);
        const tabled = await table
          .locator('tbody tr:not([data-computed-row]) > td:first-of-type')
          .evaluateAll((cells) => cells.map((cell) => /[\d.,]+/.exec(cell.textContent ?? '')?.[0] ?? ''));
        expect(tabled.slice(0, shown.length), `the table of ${declared.title}`).toEqual(shown);
      }
    }
  });

  test(`${prefix || '/'}: the headline strip and the dashboard show every figure once between them, each linking to its place`, async ({
    page,
    edition,
  }) => {
    await page.goto(prefix);
    const stats = statsOf(edition, lang);
    const withFigures = edition.sections[lang].filter((s) => s.stats.length > 0);
    await expect(page.locator('#key-figures h3')).toHaveCount(withFigures.length);
    const hrefsOf = (selector: string) =>
      page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const headlines = await hrefsOf('[data-headline-figures] a');
    const cards = await hrefsOf('#key-figures a[data-dashboard-figure]');
    expect(headlines.length).toBeGreaterThan(0);
    const all = [...headlines, ...cards];
    expect(all.sort()).toEqual(
      stats.map(({ slug, id }) => `${sitePath(edition, lang, `${slug}/`)}#${id}`).sort(),
    );
    // Each number is seen once on the page, outside the text: no figure repeats a headline.
    const numbers = await page.locator('main [data-value]').allInnerTexts();
    expect(numbers).toHaveLength(stats.length);
  });
}

// On a desktop; narrower screens are figures.spec's reflow at 320 px, every disclosure open.
test('no figure’s text or mark runs past its block at 1280 px', async ({ page, edition }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const overruns: string[] = [];
  for (const { path } of edition.pages) {
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

test('axe passes on a page with a chart and its table open, in dark mode', async ({ page, edition }) => {
  const section = edition.sections.en.find((s) => s.charts.length > 0);
  test.skip(!section, 'this edition draws no chart');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`en/${section!.slug}/`);
  await page.locator('figure[data-chart] summary').first().click();
  const { violations } = await axe(page);
  expect(violations.map((v) => v.id)).toEqual([]);
});
