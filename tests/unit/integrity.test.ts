import { describe, expect, it } from 'vitest';
import { findSectionProblems, type SectionRecord } from '../../src/lib/integrity';

function section(lang: string, slug: string, body: string, value = 4): SectionRecord {
  return {
    id: `${lang}/${slug}`,
    filePath: `content/sections/${lang}/${slug}.mdx`,
    data: { slug, order: 1, stats: [{ id: 'groups', value }], photos: [] },
    body,
  };
}

describe('findSectionProblems', () => {
  it('passes a consistent pair', () => {
    expect(findSectionProblems([section('zh', 'a', '4个组'), section('en', 'a', '4 groups')])).toEqual([]);
  });

  it('does not count a figure found only inside a larger number', () => {
    const problems = findSectionProblems([
      section('zh', 'a', '提案404件'),
      section('en', 'a', '404 proposals, 1,455 people'),
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/en\/a\.mdx → stats\[0\]\.value: 4 \(groups\) does not appear/);
  });

  it('accepts the English grouped spelling of a figure', () => {
    const pair = [section('zh', 'a', '1255人次', 1255), section('en', 'a', '1,255 participations', 1255)];
    expect(findSectionProblems(pair)).toEqual([]);
  });

  it('rejects a language folder that is not a report language', () => {
    expect(findSectionProblems([section('fr', 'a', '4')])[0]).toMatch(/fr\/a\.mdx: lives in "fr\/"/);
  });
});

describe('named items of a figure', () => {
  const withItems = (lang: string, body: string, items: string[]): SectionRecord => {
    const record = section(lang, 'a', body);
    return { ...record, data: { ...record.data, stats: [{ id: 'groups', value: 4, items }] } };
  };

  it('must be as many as the figure counts and stand in the body', () => {
    const problems = findSectionProblems([
      withItems('zh', '民生建设、财政预算等4个组', ['民生建设', '财政预算', '法治建设']),
      withItems('en', '4 groups', ['a', 'b', 'c', 'd']),
    ]);
    expect(problems).toContainEqual(
      expect.stringMatching(/zh\/a\.mdx → stats\[0\]\.items: lists 3 but the value counts 4/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/zh\/a\.mdx → stats\[0\]\.items\[2\]: "法治建设" does not appear/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/en\/a\.mdx → stats\[0\]\.items\[0\]: "a" does not appear/),
    );
  });
});
