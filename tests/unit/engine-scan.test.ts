import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-cli';
import { loadEdition } from '../support/edition';
import { EDITION_NAMES, editionBuild } from '../support/editions';
import { tokensIn } from '../support/engine-scan';

// The code is an engine, the content is the report: src/ holds no word, figure, slug, stat id
// or year of any report. Interface text lives in src/i18n/ and nowhere else in src/.
const SRC = join(projectRoot, 'src');
const I18N = join(SRC, 'i18n');

const filesBelow = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(join(dir, entry.name)) : [join(dir, entry.name)],
  );

interface Frontmatter {
  slug?: string;
  id?: string;
  year?: number;
  stats?: Array<{ id: string; value: number }>;
  charts?: Array<{ id: string }>;
  photos?: Array<{ id: string }>;
}

/** Every identifier and year of the editions in the repository that code must not name. */
function reportTokens(): string[] {
  const roots = EDITION_NAMES.map((name) => editionBuild(name).contentDir);
  const tokens = new Set<string>();
  for (const file of roots.flatMap(filesBelow).filter((f) => f.endsWith('.mdx'))) {
    const data = parseFrontmatter(readFileSync(file, 'utf8')).frontmatter as Frontmatter;
    for (const token of [
      data.slug,
      data.id,
      data.year && String(data.year),
      ...(data.stats ?? []).map((s) => s.id),
      ...(data.charts ?? []).map((c) => c.id),
      ...(data.photos ?? []).map((p) => p.id),
    ]) {
      if (token) tokens.add(token);
    }
  }
  return [...tokens];
}

const sources = filesBelow(SRC).filter((file) => /\.(ts|astro|mjs|css)$/.test(file));
// The tooling around the engine too; scripts/bench.mjs is issue 20's to clear (it names slugs).
const tooling = filesBelow(join(projectRoot, 'scripts')).filter((file) => !file.endsWith('bench.mjs'));

describe('the scan', () => {
  const tokens = ['2024', 'key-topics', 'example-review-2025'];
  it('finds a year wherever no digit touches it, in code', () => {
    expect(tokensIn("const cache = '$review2024_cache';", tokens)).toEqual(['2024']);
    expect(tokensIn('const heading = `${2024}年`;', tokens)).toEqual(['2024']);
    expect(tokensIn('const year = 20245;', tokens)).toEqual([]);
  });

  it('leaves an example date in a comment alone', () => {
    expect(tokensIn('// "15 January 2024" in English\nconst a = 1;', tokens)).toEqual([]);
    expect(tokensIn('/** Printed 5 March 2024 */ export {};', tokens)).toEqual([]);
    expect(tokensIn("const url = 'https://x.org/2024/';", tokens)).toEqual(['2024']);
  });

  it('finds a slug or id between anything but letters, digits and hyphens', () => {
    expect(tokensIn("href={'#key-topics'}", tokens)).toEqual(['key-topics']);
    expect(tokensIn('const $key-topics_x = 1; // key-topics', tokens)).toEqual(['key-topics']);
    expect(tokensIn('the key-topics-extra and akey-topics', tokens)).toEqual([]);
    expect(tokensIn('downloads/example-review-2025.pdf', tokens)).toEqual(['example-review-2025']);
  });
});

describe('the engine (src/)', () => {
  it('scans something: the sources and the tokens of both editions', () => {
    expect(sources.length).toBeGreaterThan(30);
    // Every edition's slugs, stat ids and year, as the site's schema reads them.
    const editions = EDITION_NAMES.map(loadEdition);
    const expected = editions.flatMap(({ sections, report }) => [
      String(report.zh.year),
      ...sections.zh.flatMap((section) => [section.slug, ...section.stats.map((stat) => stat.id)]),
    ]);
    expect(reportTokens()).toEqual(expect.arrayContaining(expected));
  });

  it('has no Chinese text outside the interface dictionaries', () => {
    const found = sources
      .filter((file) => !file.startsWith(I18N))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) =>
            /\p{Script=Han}/u.test(line)
              ? [`${relative(projectRoot, file)}:${index + 1}: ${line.trim()}`]
              : [],
          ),
      );
    expect(found).toEqual([]);
  });

  it('names no slug, stat id, chart id, photo id, report id or year of any edition, nor does its tooling', () => {
    const tokens = reportTokens();
    expect(tooling.length).toBeGreaterThan(4);
    const found = [...sources, ...tooling].flatMap((file) =>
      tokensIn(readFileSync(file, 'utf8'), tokens).map((token) => `${relative(projectRoot, file)}: ${token}`),
    );
    expect(found).toEqual([]);
  });
});
