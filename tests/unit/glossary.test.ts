import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-cli';
import { findAvoidedRenderings, glossaryTerms, type GlossaryTerm } from '../support/glossary';

const content = join(projectRoot, 'content');
const read = (path: string) => readFileSync(join(content, path), 'utf8');

const pairs = [
  'report/zh.mdx',
  ...readdirSync(join(content, 'sections/zh')).map((file) => `sections/zh/${file}`),
].map((zhPath) => ({ zhPath, enPath: zhPath.replace(/zh(\/|\.mdx)/, 'en$1') }));

/** Every English content file: the cover and each section, frontmatter included. */
const englishFiles = pairs.map(({ enPath }) => enPath);

describe('glossary', () => {
  it('has one rendering per Chinese term, each explained', () => {
    const seen = new Set<string>();
    for (const term of glossaryTerms) {
      expect(seen.has(term.zh), `${term.zh} is listed twice`).toBe(false);
      seen.add(term.zh);
      expect(term.en.trim(), term.zh).not.toBe('');
      expect(term.note.trim(), term.zh).not.toBe('');
    }
  });

  it('never lists a preferred rendering as one to avoid', () => {
    const clashes = glossaryTerms.flatMap((term) =>
      [term.en, ...(term.alternatives ?? [])]
        .filter((rendering) => findAvoidedRenderings(rendering).length > 0)
        .map(
          (rendering) => `${term.zh}: “${rendering}” contains ${findAvoidedRenderings(rendering).join(', ')}`,
        ),
    );
    expect(clashes).toEqual([]);
  });

  it('is followed by every English file wherever the Chinese uses a term', () => {
    const misses: string[] = [];
    for (const { zhPath, enPath } of pairs) {
      const english = read(enPath).toLowerCase();
      for (const term of glossaryTerms) {
        const chinese = (term.except ?? []).reduce((text, word) => text.replaceAll(word, '□'), read(zhPath));
        const renderings = [term.en, ...(term.alternatives ?? [])];
        if (chinese.includes(term.zh) && !renderings.some((r) => english.includes(r.toLowerCase()))) {
          misses.push(`${enPath}: ${term.zh} should be rendered “${term.en}”`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it('has no avoided rendering anywhere in the English files', () => {
    const found = englishFiles.flatMap((enPath) =>
      findAvoidedRenderings(read(enPath)).map((phrase) => `${enPath}: avoid “${phrase}”`),
    );
    expect(found).toEqual([]);
  });
});

describe('findAvoidedRenderings', () => {
  const terms: GlossaryTerm[] = [
    { zh: '主席会议', en: "Chairperson's Council", avoid: ['Council of Chairpersons'], note: 'n' },
    { zh: '人次', en: 'instances of participation', avoid: ['participations', 'member visits'], note: 'n' },
    { zh: '同心圆', en: 'concentric circle', avoid: ['concentric circles'], note: 'n' },
    { zh: '党派成员', en: 'members of the non-CPC parties', avoid: ['political party members'], note: 'n' },
  ];

  it('finds an avoided phrase in any case, and names each phrase once', () => {
    expect(
      findAvoidedRenderings('The council of chairpersons met. The COUNCIL OF CHAIRPERSONS met.', terms),
    ).toEqual(['Council of Chairpersons']);
  });

  it('matches whole words only', () => {
    expect(
      findAvoidedRenderings('the largest possible concentric circle; 581 instances of participation', terms),
    ).toEqual([]);
    expect(findAvoidedRenderings('drawing concentric circles; 581 participations', terms)).toEqual([
      'participations',
      'concentric circles',
    ]);
  });

  it('matches across line breaks, runs of spaces, soft hyphens and curly apostrophes', () => {
    expect(findAvoidedRenderings('covering 121 member\nvisits', terms)).toEqual(['member visits']);
    expect(findAvoidedRenderings('Council of Chair\u00ADpersons', terms)).toEqual([
      'Council of Chairpersons',
    ]);
    expect(findAvoidedRenderings('political party   members', terms)).toEqual(['political party members']);
    const curly: GlossaryTerm[] = [{ zh: '主席会议', en: 'x', avoid: ["Chairpersons' Council"], note: 'n' }];
    expect(findAvoidedRenderings('the Chairpersons’ Council', curly)).toEqual(["Chairpersons' Council"]);
  });

  it('uses the glossary in content/glossary.json by default', () => {
    expect(findAvoidedRenderings('deliberative meetings of the Council of Chairpersons')).toContain(
      'Council of Chairpersons',
    );
    expect(findAvoidedRenderings('deliberative meetings of the Chairperson’s Council')).toEqual([]);
  });
});
