import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../support/edition';
import { EDITION_NAMES, projectRoot } from '../support/editions';
import { findAvoidedRenderings, glossaryTerms, type GlossaryTerm } from '../support/glossary';

describe.each(EDITION_NAMES)('the glossary of the %s edition', (name) => {
  const edition = loadEdition(name);
  const terms = edition.glossary;
  const read = (file: string) => readFileSync(join(projectRoot, file), 'utf8');
  const pairs = [
    { zhPath: edition.report.zh.file, enPath: edition.report.en.file },
    ...edition.sections.zh.map((section) => ({
      zhPath: section.file,
      enPath: edition.sections.en.find((en) => en.slug === section.slug)!.file,
    })),
  ];

  it('has one rendering per Chinese term, each explained', () => {
    expect(terms.length, 'the edition has a glossary.json').toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const term of terms) {
      expect(seen.has(term.zh), `${term.zh} is listed twice`).toBe(false);
      seen.add(term.zh);
      expect(term.en.trim(), term.zh).not.toBe('');
      expect(term.note.trim(), term.zh).not.toBe('');
    }
  });

  it('never lists a preferred rendering as one to avoid', () => {
    const clashes = terms.flatMap((term) =>
      [term.en, ...(term.alternatives ?? [])]
        .filter((rendering) => findAvoidedRenderings(rendering, terms).length > 0)
        .map(
          (rendering) =>
            `${term.zh}: “${rendering}” contains ${findAvoidedRenderings(rendering, terms).join(', ')}`,
        ),
    );
    expect(clashes).toEqual([]);
  });

  it('is followed by every English file wherever the Chinese uses a term', () => {
    const misses: string[] = [];
    for (const { zhPath, enPath } of pairs) {
      const english = read(enPath).toLowerCase();
      for (const term of terms) {
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
    const found = pairs.flatMap(({ enPath }) =>
      findAvoidedRenderings(read(enPath), terms).map((phrase) => `${enPath}: avoid “${phrase}”`),
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
    const term = glossaryTerms.find((t) => (t.avoid ?? []).length > 0);
    if (!term) return;
    expect(findAvoidedRenderings(`the ${term.avoid![0]} and`)).toContain(term.avoid![0]);
    expect(findAvoidedRenderings(`the ${term.en} and`)).toEqual([]);
  });
});
