// The received text, faithfully: its paragraphs verbatim, each figure of it a stat shown and
// stated in both languages, its photo captions under their photos, a cut paragraph shown as cut.
import { numbersIn } from '../../src/lib/numbers';
import { printedNumber, statsOf, type Edition, type Lang } from '../support/edition';
import { swappedLabels } from '../support/labels';
import {
  bodyParagraphs,
  emptyHeadings,
  mendedSource,
  sourceCaptions,
  sourceFigures,
} from '../support/source';
import { expect, test, type Page } from './fixtures';

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
const squeeze = (text: string) => text.replace(/\s+/g, '');
/** Markdown's typography: straight quotes come out curly. */
const plain = (text: string) => normalize(text).replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
/** The note a cut paragraph ends with (src/i18n), the same in every edition. */
const CUT = { zh: /……\s*（原文至此中断）$/, en: /…\s*\[the source text breaks off here\]$/ } as const;

/** Every figure on a page: its anchor id and its number as shown. */
const figuresOn = (page: Page) =>
  page
    .locator('main section p[data-figure]')
    .evaluateAll((els) =>
      els.map((el) => [el.parentElement!.id, el.querySelector('[data-value]')!.textContent!.trim()] as const),
    );

/** The paragraphs a content body cuts off with <SourceCut />: their text before the mark, plain. */
const cutParagraphs = (edition: Edition, lang: Lang) =>
  edition.sections[lang].flatMap(({ slug, body }) =>
    body
      .split(/\n\s*\n/)
      .filter((block) => block.includes('<SourceCut'))
      .map((block) => ({ slug, before: normalize(block.split('<SourceCut')[0]!.replace(/[*_]/g, '')) })),
  );

test('the full report carries the received text verbatim, and each of its figures as a stat, in both languages', async ({
  page,
  edition,
}) => {
  const figures = sourceFigures(edition);
  expect(figures.length, 'figures of the received text').toBeGreaterThan(0);
  const shown: Record<Lang, Array<readonly [string, string]>> = { zh: [], en: [] };
  for (const lang of ['zh', 'en'] as const) {
    await page.goto(lang === 'zh' ? 'full-report/' : 'en/full-report/');
    const main = normalize(await page.locator('main').innerText());
    const prose = (await page.locator('main .report-prose').allInnerTexts()).join('\n');
    if (lang === 'zh') {
      for (const paragraph of bodyParagraphs(edition)) expect(main).toContain(normalize(paragraph));
      for (const heading of emptyHeadings(edition))
        expect(main, 'a heading with no text').not.toContain(heading);
      // Photo captions stand under their photos, never in the running text.
      for (const caption of sourceCaptions(edition)) expect(normalize(prose)).not.toContain(caption);
    }
    // Every figure of the received text is a stat, and is stated in the text (English spells
    // small numbers out: they are read as numbers).
    shown[lang] = await figuresOn(page);
    const values = shown[lang].map(([, number]) => Number(number.replace(/,/g, '')));
    const stated = new Set(numbersIn(prose, lang));
    for (const figure of figures) {
      expect(values, `stat ${figure}`).toContain(figure);
      expect([...stated], `text ${figure}`).toContain(figure);
    }
    // A cut paragraph ends with an ellipsis and a visible note.
    for (const { slug, before } of cutParagraphs(edition, lang)) {
      const paragraph = page.locator(`#${slug} .report-prose p`).filter({ hasText: CUT[lang] });
      await expect(paragraph).toHaveCount(1);
      const text = normalize(await paragraph.innerText());
      expect(plain(text).startsWith(plain(before)), text).toBe(true);
      expect(text).toMatch(CUT[lang]);
    }
  }
  // The edition's count of source figures (tests.json): none dropped, none added; the same in both languages.
  expect(shown.zh).toHaveLength(edition.expects.figures);
  const asValues = (figures: Array<readonly [string, string]>) =>
    figures.map(([id, number]) => [id, Number(number.replace(/,/g, ''))]);
  expect(asValues(shown.en)).toEqual(asValues(shown.zh));
  expect(shown.en).toEqual(statsOf(edition, 'en').map(({ id, value }) => [id, printedNumber(value, 'en')]));
});

for (const lang of ['zh', 'en'] as const) {
  test(`each ${lang} section page holds its own text, its figures with the labels the text gives them, and its captions under its photos`, async ({
    page,
    edition,
  }) => {
    const paragraphs = bodyParagraphs(edition);
    const source = mendedSource(edition);
    for (const section of edition.sections[lang]) {
      await page.goto(`${lang === 'zh' ? '' : 'en/'}${section.slug}/`);
      const prose = normalize((await page.locator('main .report-prose').allInnerTexts()).join(' '));
      if (lang === 'zh') {
        // The received paragraphs this section's file carries, on its own page.
        const own = paragraphs.filter((p) => section.body.includes(p));
        expect(own.length, `${section.slug} carries no paragraph of the received text`).toBeGreaterThan(0);
        for (const paragraph of own) expect(prose).toContain(normalize(paragraph));
      } else {
        expect(prose.length, section.slug).toBeGreaterThan(40);
        expect(prose, `${section.slug}: Chinese in the English text`).not.toMatch(/\p{Script=Han}/u);
      }
      // Each figure is heard as one phrase: its number, unit and label; in English, word for
      // word what the eye reads (Chinese says the label first).
      for (const stat of section.stats) {
        const figure = page.locator(`#${stat.id} [data-figure]`);
        const phrase = await figure.ariaSnapshot();
        expect(phrase, stat.id).toMatch(/^- paragraph: [^\n]+$/);
        for (const part of [printedNumber(stat.value, lang), stat.unit, stat.label])
          expect(phrase, stat.id).toContain(part);
        if (lang === 'en') {
          const seen = (await figure.locator(':scope > [aria-hidden="true"]').allTextContents()).join('');
          const heard = /^- paragraph: (.+)$/.exec(phrase)?.[1] ?? '';
          expect(squeeze(heard.startsWith('"') ? (JSON.parse(heard) as string) : heard), stat.id).toBe(
            squeeze(seen),
          );
        }
      }
      // Labels say what the text stating their number says (the received text for Chinese).
      expect(swappedLabels(lang === 'zh' ? source : section.body, section.stats, lang)).toEqual([]);
      // Photo captions under the photos, in order, and not in the running text.
      const captions = await page.locator('main figure figcaption [data-caption]').allInnerTexts();
      expect(captions.map(normalize), section.slug).toEqual(section.photos.map((p) => normalize(p.caption)));
      for (const { caption } of section.photos) expect(prose).not.toContain(normalize(caption));
    }
  });
}
