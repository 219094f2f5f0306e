// Each edition is built by the unchanged engine from its content alone: nothing of another
// edition in the repository may reach it (README, "Publishing next year's review").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEdition, pdfPath, type Edition } from '../support/edition';
import { EDITION_NAMES } from '../support/editions';
import { filesBelow } from '../support/link-check';
import { poppler } from '../support/poppler';
import { expect, test } from './fixtures';

/** What names an edition: its ids, slugs and anchors, titles, publisher, and year. */
function wordsOf(edition: Edition): { words: string[]; year: number } {
  const words = new Set<string>();
  for (const lang of ['zh', 'en'] as const) {
    const { id, title, shortTitle, publisher, photos } = edition.report[lang];
    for (const word of [id, title, shortTitle, publisher, ...photos.map((p) => p.id)]) words.add(word);
    for (const { slug, stats, charts, photos: sectionPhotos } of edition.sections[lang]) {
      for (const word of [
        slug,
        ...stats.map((s) => s.id),
        ...charts.map((c) => `chart-${c.id}`),
        ...sectionPhotos.map((p) => p.id),
      ])
        words.add(word);
    }
  }
  return { words: [...words], year: edition.report.zh.year };
}

test('holds no word of any other edition, in pages, files or PDFs', ({ edition }) => {
  const others = EDITION_NAMES.filter((name) => name !== edition.name).map(loadEdition);
  const mine = wordsOf(edition);
  const foreign = others.map(wordsOf);
  const words = foreign.flatMap((f) => f.words).filter((word) => !mine.words.includes(word));
  const years = foreign.map((f) => f.year).filter((year) => year !== mine.year);
  // Another edition has words of its own (none where content/ holds a copy of the sample edition).
  const distinct = others.filter((other) => other.report.zh.id !== edition.report.zh.id);
  expect(words.length).toBeGreaterThanOrEqual(distinct.length * 10);
  const files = filesBelow(edition.dist);
  const texts = files.filter((file) => /\.(html|css|js|xml|txt|json|svg)$/.test(file));
  expect(texts.length).toBeGreaterThan(20);
  const leaks: string[] = [];
  const search = (file: string, text: string, prose: boolean) => {
    for (const word of words) if (text.includes(word)) leaks.push(`${file}: ${word}`);
    // A year is looked for in what readers read, not in hashed names and minified code.
    if (prose)
      for (const year of years)
        if (new RegExp(`(?<!\\d)${year}(?!\\d)`).test(text)) leaks.push(`${file}: ${year}`);
  };
  for (const file of texts)
    search(file, readFileSync(join(edition.dist, file), 'utf8'), /\.(html|xml|txt|json)$/.test(file));
  for (const lang of ['zh', 'en'] as const) {
    const file = pdfPath(edition, lang);
    const text = poppler('pdftotext', '-enc', 'UTF-8', join(edition.dist, file), '-');
    expect(text.replace(/\s+/g, '')).toContain(edition.report[lang].title.replace(/\s+/g, ''));
    search(file, text, true);
  }
  expect(leaks).toEqual([]);
});
