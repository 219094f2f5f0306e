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
