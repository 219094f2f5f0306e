import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-cli';

interface Term {
  zh: string;
  en: string;
  note: string;
  /** Longer words that contain `zh` but mean something else (委员 in 委员会). */
  except?: string[];
}

const content = join(projectRoot, 'content');
const glossary = JSON.parse(readFileSync(join(content, 'glossary.json'), 'utf8')) as { terms: Term[] };
const read = (path: string) => readFileSync(join(content, path), 'utf8');

const pairs = [
  'report/zh.mdx',
  ...readdirSync(join(content, 'sections/zh')).map((file) => `sections/zh/${file}`),
].map((zhPath) => ({ zhPath, enPath: zhPath.replace(/zh(\/|\.mdx)/, 'en$1') }));

describe('glossary', () => {
  it('has one rendering per Chinese term, each explained', () => {
    const seen = new Set<string>();
    for (const term of glossary.terms) {
      expect(seen.has(term.zh), `${term.zh} is listed twice`).toBe(false);
      seen.add(term.zh);
      expect(term.en.trim(), term.zh).not.toBe('');
      expect(term.note.trim(), term.zh).not.toBe('');
    }
  });

  it('is followed by every English file wherever the Chinese uses a term', () => {
    const misses: string[] = [];
    for (const { zhPath, enPath } of pairs) {
      const english = read(enPath).toLowerCase();
      for (const term of glossary.terms) {
        const chinese = (term.except ?? []).reduce((text, word) => text.replaceAll(word, '□'), read(zhPath));
        if (chinese.includes(term.zh) && !english.includes(term.en.toLowerCase())) {
          misses.push(`${enPath}: ${term.zh} should be rendered “${term.en}”`);
        }
      }
    }
    expect(misses).toEqual([]);
  });
});
