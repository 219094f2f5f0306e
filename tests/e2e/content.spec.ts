import { expect, test } from '@playwright/test';
import { numbersIn } from '../../src/lib/numbers';
import { bodyParagraphs, mendedSource, PHOTO_CAPTIONS } from '../support/source';

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

// Years are dates, not statistics; every other number the source states is a figure.
const sourceFigures = [...new Set(mendedSource().match(/\d+/g)!.map(Number))].filter((n) => n !== 2023);

test('every paragraph of the source stands verbatim in the Chinese full report', async ({ page }) => {
  await page.goto('/full-report/');
  const text = normalize(await page.locator('main').innerText());
  for (const paragraph of bodyParagraphs()) {
    // The cut paragraph is shown with an ellipsis after the source's last comma.
    expect(text).toContain(normalize(paragraph));
  }
  expect(text).not.toContain('建言资政助力发展');
});

test('each Chinese section page holds its own paragraphs', async ({ page }) => {
  await page.goto('/consensus/');
  const text = normalize(await page.locator('main').innerText());
  expect(text).toContain('主席会议成员全年走访委员 216人');
  expect(text).toContain('有计划协同开展履职活动，……');
  expect(text).toContain('原文至此中断');
});

// content/README.md, mend 5: the cut paragraph is shown as cut, in both languages.
for (const [prefix, note] of [
  ['', /有计划协同开展履职活动，……\s*（原文至此中断）$/],
  [
    '/en',
    /carried out planned, coordinated activities to perform its duties, …\s*\[the source text breaks off here\]$/,
  ],
] as const) {
  test(`${prefix}/consensus/ ends the paragraph the source cuts off with an ellipsis and a visible note`, async ({
    page,
  }) => {
    await page.goto(`${prefix}/consensus/`);
    const paragraph = page.locator('main .report-prose p').filter({ hasText: note });
    await expect(paragraph).toHaveCount(1);
    expect(normalize(await paragraph.innerText())).toMatch(note);
  });
}

test('the source’s photo captions stand under their photos, never in the body text', async ({ page }) => {
  await page.goto('/democratic-oversight/');
  const captions = await page.locator('main figure figcaption [data-caption]').allInnerTexts();
  expect(captions.map(normalize)).toEqual([
    PHOTO_CAPTIONS[1],
    PHOTO_CAPTIONS[2],
    PHOTO_CAPTIONS[3],
    PHOTO_CAPTIONS[3],
  ]);
  const prose = normalize((await page.locator('main .report-prose').allInnerTexts()).join(' '));
  expect(prose).toContain('民主监督');
  for (const caption of PHOTO_CAPTIONS) expect(prose).not.toContain(caption);
});

for (const [lang, path] of [
  ['zh', '/full-report/'],
  ['en', '/en/full-report/'],
] as const) {
  test(`every figure of the source is a stat and appears in the text on ${path}`, async ({ page }) => {
    await page.goto(path);
    const statValues = await page
      .locator('main section [id] > p[data-figure] .tabular-nums')
      .evaluateAll((els) => els.map((el) => Number(el.textContent!.replace(/\D/g, ''))));
    // The English house style spells out small numbers ("seven key topics"): read them as numbers.
    const bodyText = (await page.locator('main .report-prose').allInnerTexts()).join('\n');
    const stated = new Set(numbersIn(bodyText, lang));
    for (const figure of sourceFigures) {
      expect(statValues, `stat ${figure}`).toContain(figure);
      expect([...stated], `text ${figure}`).toContain(figure);
    }
  });
}

test('figures agree between the languages, id by id', async ({ page }) => {
  const read = async (path: string) => {
    await page.goto(path);
    return page
      .locator('main section p[data-figure]')
      .evaluateAll((els) =>
        els.map((el) => [
          el.parentElement!.id,
          el.querySelector('.tabular-nums')!.textContent!.replace(/\D/g, ''),
        ]),
      );
  };
  const zh = await read('/full-report/');
  const en = await read('/en/full-report/');
  expect(zh.length).toBe(15);
  expect(en).toEqual(zh);
});

test('a screen reader hears each figure as one phrase', async ({ page }) => {
  await page.goto('/proposals/');
  await expect(page.locator('#member-satisfaction [data-figure]')).toMatchAriaSnapshot(
    '- paragraph: 委员满意率98%',
  );
  // Each English figure is heard as one paragraph that says, word for word, what the eye reads
  // (number, unit, label), whatever the content's wording.
  await page.goto('/en/full-report/');
  const figures = await page.locator('[data-figure]').all();
  expect(figures.length).toBeGreaterThan(0);
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  for (const figure of figures) {
    const seen = (await figure.locator(':scope > [aria-hidden="true"]').allTextContents()).join('');
    const heard = /^- paragraph: (.+)$/.exec(await figure.ariaSnapshot())?.[1] ?? '';
    expect(squeeze(heard.startsWith('"') ? (JSON.parse(heard) as string) : heard)).toBe(squeeze(seen));
  }
});

test('the English report is complete: every section has a title, figures and body', async ({ page }) => {
  await page.goto('/en/full-report/');
  await expect(page.locator('main section.report-section h2')).toHaveCount(5);
  for (const section of await page.locator('main section.report-section').all()) {
    const text = await section.locator('.report-prose').innerText();
    expect(text.length).toBeGreaterThan(200);
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  }
});
