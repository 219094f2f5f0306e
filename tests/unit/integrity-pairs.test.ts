import { describe, expect, it } from 'vitest';
import {
  findReportProblems,
  findSectionProblems,
  type ReportRecord,
  type SectionRecord,
} from '../../src/lib/checks';
import { reportRecord, sectionRecord } from '../support/check-records';

// What a translation keeps of its original besides the numbers: each check below is proved by
// a pair that differs in that one thing and must be refused, naming the English file and field.
type Data = SectionRecord['data'];

const photo = { id: 'p', src: '../../photos/p.jpg', caption: 'C', alt: 'A' };

const section = (lang: string, data: Partial<Data> = {}) =>
  sectionRecord(lang, lang === 'zh' ? '组建4个组。' : 'It formed four groups.', { photos: [photo], ...data });

const cover = (lang: string, data: Partial<ReportRecord['data']> = {}) =>
  reportRecord(lang, lang === 'zh' ? '示例。' : 'Sample.', {
    photos: [{ ...photo, id: 'cover' }],
    editions: [{ label: 'L', url: 'https://example.gov.cn/last/' }],
    ...data,
  });

describe('a section and its translation', () => {
  it('pass when they agree', () => {
    expect(findSectionProblems([section('zh'), section('en')])).toEqual([]);
  });

  it('exist in both languages', () => {
    expect(findSectionProblems([section('zh')])).toContainEqual(
      'content/sections/zh/a.mdx → slug: "a" has no English counterpart (expected a file in en/ with slug "a")',
    );
  });

  it('give the same figures, by the same ids', () => {
    const renamed = { stats: [{ id: 'teams', value: 4, unit: 'groups', label: 'L' }] };
    expect(findSectionProblems([section('zh'), section('en', renamed)])).toContainEqual(
      'content/sections/en/a.mdx → stats: ids [teams] differ from [groups] in content/sections/zh/a.mdx',
    );
  });

  it('stand in the same place in the report', () => {
    expect(findSectionProblems([section('zh'), section('en', { order: 2 })])).toContainEqual(
      'content/sections/en/a.mdx → order: 2 here but 1 in content/sections/zh/a.mdx',
    );
  });

  it('mark the same figures as headline figures', () => {
    const headline = { stats: [{ id: 'groups', value: 4, unit: 'groups', label: 'L', headline: true }] };
    expect(findSectionProblems([section('zh'), section('en', headline)])).toContainEqual(
      'content/sections/en/a.mdx → stats[0].headline: differs from content/sections/zh/a.mdx',
    );
  });

  it('name as many items for each figure', () => {
    const items = (list: string[]) => ({
      stats: [{ id: 'groups', value: 4, unit: 'x', label: 'L', headline: false, items: list }],
    });
    const [zh, en] = [section('zh', items(['甲', '乙', '丙', '丁'])), section('en', items(['a', 'b', 'c']))];
    zh.body = '甲、乙、丙、丁等4个组。';
    en.body = 'Four groups: a, b and c.';
    expect(findSectionProblems([zh, en])).toContainEqual(
      'content/sections/en/a.mdx → stats[0].items: 3 here but 4 in content/sections/zh/a.mdx',
    );
  });

  it('show the same photos, by the same ids and files', () => {
    const other = { photos: [{ id: 'p', src: '../../photos/other.jpg', caption: 'C', alt: 'A' }] };
    expect(findSectionProblems([section('zh'), section('en', other)])).toContainEqual(
      'content/sections/en/a.mdx → photos: ids or files differ from content/sections/zh/a.mdx',
    );
  });
});

describe('the report and its translation', () => {
  it('pass when they agree', () => {
    expect(findReportProblems([cover('zh'), cover('en')])).toEqual([]);
  });

  it('link the same other editions', () => {
    const elsewhere = { editions: [{ label: 'L', url: 'https://example.gov.cn/other/' }] };
    expect(findReportProblems([cover('zh'), cover('en', elsewhere)])).toContainEqual(
      'content/report/en.mdx → editions: the linked editions differ from content/report/zh.mdx',
    );
  });

  it('open with the same photos', () => {
    expect(findReportProblems([cover('zh'), cover('en', { photos: [] })])).toContainEqual(
      'content/report/en.mdx → photos: ids or files differ from content/report/zh.mdx',
    );
  });
});
