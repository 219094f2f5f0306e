import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonical, LANGUAGES, pdfPath, printedNumber, statsOf } from '../support/edition';
import { pageCount, popplerPageText } from '../support/pdf-read';
import { expect, test, type Page } from './fixtures';

// Printing from the browser: what the print stylesheets make of each page on paper.
const squash = (text: string) => text.replace(/\s+/g, '');
/** 5 March 2024, 10:00 in Beijing: the day every test prints on. */
const PRINT_DAY = new Date('2024-03-05T10:00:00+08:00');
const PRINTED = { zh: '打印于2024年3月5日', en: 'Printed5March2024' } as const;
/** The foot's page number (src/i18n), as pdftotext reads it, spaces removed. */
const PAGE_NUMBER = {
  zh: (n: number, of: number) => `第${n}页/共${of}页`,
  en: (n: number, of: number) => `Page${n}of${of}`,
};

/** Prints the page as a reader would (the page readies its margins before printing), into a temporary PDF. */
async function printToPdf(page: Page, path: string): Promise<{ file: string; done: () => void }> {
  await page.goto(path);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(async () => {
    dispatchEvent(new Event('beforeprint'));
    await document.fonts.ready;
  });
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  const file = join(dir, 'page.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return { file, done: () => rmSync(dir, { recursive: true, force: true }) };
}

for (const { lang, prefix } of LANGUAGES) {
  test(`${lang}: every printed page carries its canonical URL, the print date and its number; a section’s photos never stand alone on a page`, async ({
    page,
    edition,
  }) => {
    await page.clock.setFixedTime(PRINT_DAY);
    const withPhotos = edition.sections[lang].filter((s) => s.photos.length > 0);
    expect(withPhotos.length, 'sections with photos').toBeGreaterThan(0);
    for (const { path, neutral, kind } of edition.pages.filter((p) => p.lang === lang)) {
      const { file, done } = await printToPdf(page, path);
      try {
        const pages = Array.from({ length: pageCount(file) }, (_, i) => squash(popplerPageText(file, i + 1)));
        for (const [index, text] of pages.entries()) {
          const number = index + 1;
          // The URL whole: the print date follows it, after a middle dot.
          expect(text, `${path}, page ${number}`).toContain(squash(`${canonical(edition, lang, neutral)} ·`));
          expect(text, `${path}, page ${number}`).toContain(PRINTED[lang]);
          // The full report opens with a cover page, which carries no number.
          if (kind !== 'full-report' || number > 1)
            expect(text, `${path}, page ${number}`).toContain(PAGE_NUMBER[lang](number, pages.length));
        }
        const section = withPhotos.find(({ slug }) => neutral === `${slug}/`);
        if (section) {
          // The page that holds the photos also holds the end of the text they follow.
          const caption = squash(
            await page.locator('main figure figcaption [data-caption]').first().innerText(),
          );
          const prose = squash(await page.locator(`#${section.slug} .report-prose`).innerText());
          const at = pages.findIndex((text) => text.includes(caption.slice(0, 12)));
          expect(at, `${path}: the first caption is printed`).toBeGreaterThanOrEqual(0);
          expect(pages[at], `${path}, page ${at + 1}: photos without their text`).toContain(prose.slice(-12));
        }
      } finally {
        done();
      }
    }
  });

  test(`${lang}: the home page prints its figures as one table, on two pages, with no stranded heading; its lead across the whole measure`, async ({
    page,
  }) => {
    const { file, done } = await printToPdf(page, prefix);
    try {
      // The lead runs the measure the table takes, its lines too.
      const [lead, table] = await Promise.all([
        page.locator('main .report-prose').first().boundingBox(),
        page.locator('[data-figures-table]').boundingBox(),
      ]);
      const text = await page
        .locator('main .report-prose > p')
        .first()
        .evaluate((p) => {
          const range = document.createRange();
          range.selectNodeContents(p);
          return (
            Math.max(...[...range.getClientRects()].map((rect) => rect.right)) -
            p.getBoundingClientRect().left
          );
        });
      expect(lead!.width / table!.width).toBeGreaterThan(0.97);
      expect(text / table!.width, 'the lead’s lines run the measure').toBeGreaterThan(0.9);
      await expect(page.locator('#key-figures ul')).toBeHidden();
      await expect(page.locator('[data-figures-table]')).toBeVisible();
      const rows = page.locator('[data-figures-table] tbody tr:has(td)');
      // Every figure: the headline strip's and the dashboard's (print shows the table instead).
      await expect(rows).toHaveCount(
        await page.locator('[data-headline-figures] a, #key-figures [data-dashboard-figure]').count(),
      );
      expect(pageCount(file)).toBeLessThanOrEqual(2);
      const pages = Array.from({ length: pageCount(file) }, (_, i) => popplerPageText(file, i + 1));
      const all = pages.join('\n');
      expect(all).not.toContain('→');
      expect(all).not.toContain(lang === 'zh' ? '阅读全文' : 'Read the full report');
      for (const value of await page.locator('[data-figures-table] td.tabular-nums').allInnerTexts()) {
        expect(squash(all)).toContain(squash(value));
      }
      // No heading ends a page: the last line above the foot margin is never a heading.
      const headings = (await page.locator('main h2').allInnerTexts()).map(squash);
      pages.forEach((text, i) => {
        const lines = text.split('\n').filter((line) => line.trim() && !line.includes('://'));
        const last = squash(lines.filter((line) => !/第\s*\d+\s*页|Page \d+ of/.test(line)).at(-1) ?? '');
        expect(headings, `page ${i + 1} ends with a heading`).not.toContain(last);
      });
    } finally {
      done();
    }
  });

  test(`${lang}: section pages show their QR code on paper only, beside the heading; each stat once as a figure, once outside the text, on screen and paper, there and in the full report`, async ({
    page,
    edition,
  }) => {
    const targets = [
      ...edition.sections[lang].map(({ slug, stats }) => ({ slug, stats, neutral: `${slug}/` })),
      { slug: 'full report', stats: statsOf(edition, lang), neutral: 'full-report/' },
    ];
    for (const section of targets) {
      await page.goto(`${prefix}${section.neutral}`);
      const isSection = section.neutral !== 'full-report/';
      const qr = page.locator('main [data-print-qr]');
      if (isSection) {
        await expect(qr).toHaveCount(1);
        await expect(qr).toBeHidden();
        const url = canonical(edition, lang, section.neutral);
        await expect(qr).toHaveAttribute('data-print-qr', url);
        await expect(qr.locator('[data-qr]')).toHaveAttribute('data-qr', url);
      }
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        if (media === 'print' && isSection) {
          await expect(qr).toBeVisible();
          const [code, heading] = await Promise.all([
            qr.boundingBox(),
            page.locator('main h1').boundingBox(),
          ]);
          expect(code!.x, 'right of the heading').toBeGreaterThan(heading!.x + heading!.width);
          expect(code!.y, 'in the heading’s band').toBeLessThan(heading!.y + heading!.height + 40);
        }
        // Every figure a reader sees: its row's id and its number.
        const shown = await page
          .locator('main [data-value]')
          .evaluateAll((values) =>
            values
              .filter((value) => value.checkVisibility())
              .map((value) => [value.closest('[data-figure-row]')?.id ?? '', value.textContent!.trim()]),
          );
        expect(shown, `${section.slug} on ${media}`).toEqual(
          section.stats.map(({ id, value }) => [id, printedNumber(value, lang)]),
        );
        // Outside the running text and the standfirst, what a reader sees of each number (not
        // what screen readers alone hear, a bar's or a scale's label, nor a whole named beside
        // its part).
        const seen = await page.locator('main').evaluate((main) => {
          const texts: string[] = [];
          const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement!;
            if (parent.closest('.report-prose, [data-standfirst], .sr-only, [data-scale], [data-comparator]'))
              continue;
            if (parent.checkVisibility()) texts.push(node.textContent!);
          }
          return texts.join(' ');
        });
        for (const { id, value } of section.stats.filter(({ value }) => value >= 10)) {
          const number = printedNumber(value, lang).replace(/[.,]/g, '\\$&');
          const count = seen.match(new RegExp(`(?<![\\d.,])${number}(?![\\d.,])`, 'g'))?.length ?? 0;
          expect(count, `${section.slug} on ${media}: ${id} (${value}) shown ${count} times`).toBe(1);
        }
      }
      await page.emulateMedia({ media: 'screen' });
    }
  });
}

const DATE_LOCALE = { zh: 'zh-CN', en: 'en-GB' } as const;

for (const { lang } of LANGUAGES) {
  test(`${lang}: the downloadable PDF carries the edition’s date on every page, not a print date`, ({
    edition,
  }) => {
    const file = join(edition.dist, pdfPath(edition, lang));
    const { published } = edition.report[lang];
    // The publication date, or else the day the edition was built (that of the file).
    const days = published
      ? [published]
      : [0, 1].map((back) => new Date(statSync(file).mtime.getTime() - back * 86_400_000));
    const dates = days.map((day) =>
      squash(new Intl.DateTimeFormat(DATE_LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(day)),
    );
    const printedLabel = squash(PRINTED[lang].replace(/\d.*$/, ''));
    for (let number = 1; number <= pageCount(file); number++) {
      const text = squash(popplerPageText(file, number));
      expect(
        dates.some((date) => text.includes(date)),
        `page ${number}: ${dates.join(' or ')}`,
      ).toBe(true);
      expect(text, `page ${number}`).not.toContain(printedLabel);
    }
  });
}
