import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-cli';

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
  const roots = [join(projectRoot, 'content'), join(projectRoot, 'tests/fixtures/sample-edition')];
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

describe('the engine (src/)', () => {
  it('scans something: the sources and the tokens of both editions', () => {
    expect(sources.length).toBeGreaterThan(30);
    expect(reportTokens().length).toBeGreaterThan(30);
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

  it('names no slug, stat id, chart id, photo id, report id or year of any edition', () => {
    const tokens = reportTokens();
    const found = sources.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return tokens
        .filter((token) => new RegExp(`(?<![\\w-])${token}(?![\\w-])`).test(text))
        .map((token) => `${relative(projectRoot, file)}: ${token}`);
    });
    expect(found).toEqual([]);
  });
});
