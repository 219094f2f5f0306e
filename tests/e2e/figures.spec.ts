import { join } from 'node:path';
import { LANGUAGES, pdfPath } from '../support/edition';
import { grammarProblems, seeFigures } from '../support/figure-checks';
import { poppler } from '../support/pdf-read';
import { reflowProblems } from '../support/reflow';
import { expect, test } from './fixtures';

// The figures as the chart grammar draws them (content/README.md, "Charts") on every page of the
// edition, judged against its content; the section opening; reflow at 320 px.
/** Text as compared: without spaces and hyphens (a PDF line may break at either), quotes straight. */
const squash = (text: string) => plainQuotes(text).replace(/[\s-]+/g, '');
const plainQuotes = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');

// One load of each page on a 390 × 844 phone serves the grammar and the section opening.
test('every mark is drawn to its value beside what it is compared with, lone figures draw none; each section opens with heading, standfirst, figures, then text, the standfirst and first figure on a phone’s first screen, and on paper', async ({
  page,
  edition,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const problems: string[] = [];
  let figures = 0;
  let openings = 0;
  for (const { lang, path, kind, neutral } of edition.pages) {
    await page.goto(path);
    const seen = await seeFigures(page);
    figures += seen.figures.length;
    problems.push(...grammarProblems(seen, edition, lang, `/${path}`));
    if (kind === 'section') {
      openings++;
      const section = edition.sections[lang].find((s) => neutral === `${s.slug}/`)!;
      const standfirst = page.locator('main [data-standfirst]');
      expect(plainQuotes(await standfirst.innerText())).toBe(plainQuotes(section.summary));
      const tops = await page.evaluate(() =>
        ['h1', '[data-standfirst]', '[data-figure-row]', '.report-prose'].map(
          (selector) => document.querySelector(`main ${selector}`)?.getBoundingClientRect() ?? null,
        ),
      );
      const [heading, stand, figure, prose] = tops;
      expect(heading!.bottom, path).toBeLessThanOrEqual(stand!.top);
      if (section.stats.length > 0) {
        expect(stand!.bottom, path).toBeLessThanOrEqual(figure!.top);
        expect(figure!.bottom, path).toBeLessThanOrEqual(prose!.top);
        // The first figure's number and label, whole, above the fold.
        const first = await page.locator('main [data-figure-row] [data-figure]').first().boundingBox();
        expect(first!.y + first!.height, `${path}: first figure`).toBeLessThanOrEqual(844);
      }
      expect(stand!.bottom, `${path}: standfirst`).toBeLessThanOrEqual(844);
    }
    if (kind === 'full-report') {
      // The full report opens each of its sections with the standfirst, on screen and on paper.
      const expected = edition.sections[lang].map((s) => plainQuotes(s.summary));
      const shown = await page.locator('main section.report-section [data-standfirst]').allInnerTexts();
      expect(shown.map(plainQuotes), path).toEqual(expected);
      await page.emulateMedia({ media: 'print' });
      for (const standfirst of await page.locator('main [data-standfirst]').all())
        await expect(standfirst).toBeVisible();
      await page.emulateMedia({ media: 'screen' });
    }
  }
  expect(openings).toBe(edition.sections.zh.length + edition.sections.en.length);
  // Every stat stands on its section page and in the full report, in both languages.
  const stats = Object.values(edition.sections).flatMap((sections) => sections.flatMap((s) => s.stats));
  expect(figures).toBeGreaterThanOrEqual(stats.length * 2);
  expect(problems).toEqual([]);
});

test('the PDFs carry each section’s standfirst and each chart’s title', ({ edition }) => {
  for (const { lang } of LANGUAGES) {
    const file = join(edition.dist, pdfPath(edition, lang));
    const text = squash(poppler('pdftotext', '-enc', 'UTF-8', file, '-'));
    for (const section of edition.sections[lang]) {
      expect(text, section.slug).toContain(squash(section.summary));
      for (const chart of section.charts) expect(text, chart.id).toContain(squash(chart.title));
    }
  }
});

for (const { name, width, height } of [
  { name: '320 × 640', width: 320, height: 640 },
  { name: '1280 px at 400 % zoom', width: 320, height: 256 },
]) {
  test(`reflow at ${name}: with every disclosure open, nothing overflows its column or is cut off`, async ({
    page,
    edition,
  }) => {
    await page.setViewportSize({ width, height });
    const problems: string[] = [];
    for (const { path } of edition.pages) {
      await page.goto(path);
      problems.push(...(await reflowProblems(page)));
    }
    expect(problems).toEqual([]);
  });
}
