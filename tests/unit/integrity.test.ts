import { describe, expect, it } from 'vitest';
import {
  findReportProblems,
  findSectionProblems,
  type ReportRecord,
  type SectionRecord,
} from '../../src/lib/checks';
import { reportRecord, sectionRecord } from '../support/check-records';

type Data = SectionRecord['data'];

const section = (lang: string, body: string, data: Partial<Data> = {}) => sectionRecord(lang, body, data);

const pair = (zh: string, en: string, zhData: Partial<Data> = {}, enData: Partial<Data> = zhData) => [
  section('zh', zh, zhData),
  section('en', en, enData),
];

describe('findSectionProblems', () => {
  it('passes a consistent pair, numbers written as words included', () => {
    expect(findSectionProblems(pair('组建4个组。', 'It formed four groups.'))).toEqual([]);
    expect(
      findSectionProblems(
        pair('1255人次，4个组', '1,255 instances, 4 groups', {
          stats: [
            { id: 'n', value: 1255, unit: '人次', label: 'x' },
            { id: 'g', value: 4, unit: '个', label: 'y' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('does not count a figure found only inside a larger number', () => {
    const problems = findSectionProblems(pair('提案404件，4个组', '404 proposals, 1,455 people'));
    expect(problems).toContainEqual(
      expect.stringMatching(/en\/a\.mdx → stats\[0\]\.value: 4 \(groups\) does not appear/),
    );
  });

  it('catches a number changed in one language even where the same number stands elsewhere', () => {
    const problems = findSectionProblems(
      pair('4个组，围绕4个专项议题。', 'Four groups, on five special topics.'),
    );
    expect(problems).toEqual([
      'content/sections/en/a.mdx → body, paragraph 1: numbers [4, 5] differ from [4, 4] in content/sections/zh/a.mdx (declare a numeral that is part of a name in numberExceptions)',
    ]);
  });

  it('needs the same paragraphs in both languages', () => {
    expect(findSectionProblems(pair('4个组。\n\n第二段。', 'Four groups.'))[0]).toMatch(
      /en\/a\.mdx → body: has 1 paragraphs and list items, but .*zh\/a\.mdx has 2/,
    );
  });

  it('lets content declare a numeral that is part of a name, which must then stand in the file', () => {
    const en = { numberExceptions: ['Three Joint Efforts'] };
    expect(
      findSectionProblems(pair('4个组，“三共同”', 'Four groups, the Three Joint Efforts', {}, en)),
    ).toEqual([]);
    expect(findSectionProblems(pair('4个组', 'Four groups', {}, en))).toEqual([
      'content/sections/en/a.mdx → numberExceptions[0]: "Three Joint Efforts" does not appear in this file',
    ]);
  });

  it('refuses a number in a summary, caption, alt text or label that the section does not state', () => {
    const problems = findSectionProblems(
      pair(
        '4个组',
        'Four groups',
        { photos: [{ id: 'p', src: 'x', caption: '会议', alt: '会场' }] },
        {
          summary: 'It formed 440 groups.',
          photos: [{ id: 'p', src: 'x', caption: 'Meeting of 3 groups', alt: 'A hall' }],
        },
      ),
    );
    expect(problems).toEqual([
      'content/sections/en/a.mdx → summary: 440 is neither a stat of this section nor in its body ("It formed 440 groups.")',
      'content/sections/en/a.mdx → photos[0].caption: 3 is neither a stat of this section nor in its body ("Meeting of 3 groups")',
      'content/sections/en/a.mdx → summary: numbers [440] differ from [] in the summary of content/sections/zh/a.mdx',
    ]);
  });

  it('needs a summary to state the same numbers in both languages, even a number its section states', () => {
    const body = ['96名委员组成4个组', '96 members formed four groups'] as const;
    expect(
      findSectionProblems(
        pair(...body, { summary: '96名委员组成4个组' }, { summary: 'Four groups of 96 members' }),
      ),
    ).toEqual([]);
    expect(
      findSectionProblems(pair(...body, { summary: '组建4个组' }, { summary: 'It formed 96 groups.' })),
    ).toEqual([
      'content/sections/en/a.mdx → summary: numbers [96] differ from [4] in the summary of content/sections/zh/a.mdx',
    ]);
  });

  it('checks charts against the stats, naming the file and the field, and their shape across languages', () => {
    const bad = {
      charts: [
        {
          id: 'c',
          title: 'C',
          rows: [{ draw: 'units' as const, stats: ['nope'] }],
          states: [],
          computed: [],
        },
      ],
    };
    expect(findSectionProblems(pair('4个组', 'Four groups', bad))[0]).toBe(
      'content/sections/en/a.mdx → charts[0].rows[0].stats[0]: "nope" is not a stat of this section (stats: groups)',
    );
    const zhChart = {
      charts: [
        {
          id: 'c',
          title: 'C',
          rows: [{ draw: 'units' as const, stats: ['groups'] }],
          states: [],
          computed: [],
        },
      ],
    };
    const enChart = { charts: [{ ...zhChart.charts[0]!, id: 'd' }] };
    expect(findSectionProblems(pair('4个组', 'Four groups', zhChart, enChart))).toEqual([
      'content/sections/en/a.mdx → charts[0]: ids, rows, states or computed shares differ from content/sections/zh/a.mdx (only titles and labels are translated)',
    ]);
  });

  it('needs a declared state to stand in the body', () => {
    const chart = (text: string) => ({
      charts: [
        {
          id: 'c',
          title: 'C',
          rows: [{ draw: 'units' as const, stats: ['groups'] }],
          states: [{ of: 'groups', label: 'done', text }],
          computed: [],
        },
      ],
    });
    expect(
      findSectionProblems(
        pair('4个组均已完成', 'Four groups, all done', chart('均已完成'), chart('all done')),
      ),
    ).toEqual([]);
    expect(findSectionProblems(pair('4个组', 'Four groups', chart('均已完成'), chart('all done')))[0]).toBe(
      'content/sections/en/a.mdx → charts[0].states[0].text: "all done" does not stand in the body text',
    );
  });

  /** A second section, `b`, after `a` unless `data` says otherwise; its figure is `a`'s unless replaced. */
  const sectionB = (lang: string, data: Partial<Data> = {}): SectionRecord => ({
    ...section(lang, '4个组 four groups', { slug: 'b', order: 2, ...data }),
    id: `${lang}/b`,
    filePath: `content/sections/${lang}/b.mdx`,
  });

  it('gives each section its own slug and its own place in the report', () => {
    const stats = [{ id: 'teams', value: 4, unit: 'x', label: 'L' }];
    const sameSlug = { slug: 'a', stats };
    expect(
      findSectionProblems([
        ...pair('4个组', 'Four groups'),
        sectionB('zh', sameSlug),
        sectionB('en', sameSlug),
      ]),
    ).toContainEqual('content/sections/zh/b.mdx → slug: "a" is also the slug of content/sections/zh/a.mdx');
    const sameOrder = { order: 1, stats };
    expect(
      findSectionProblems([
        ...pair('4个组', 'Four groups'),
        sectionB('zh', sameOrder),
        sectionB('en', sameOrder),
      ]),
    ).toContainEqual('content/sections/en/b.mdx → order: 1 is also the order of content/sections/en/a.mdx');
  });

  it('keeps anchor ids unique across sections', () => {
    const problems = findSectionProblems([...pair('4个组', 'Four groups'), sectionB('zh'), sectionB('en')]);
    expect(problems).toContainEqual(
      'content/sections/zh/b.mdx → stats[0].id: "groups" is already an anchor id in content/sections/zh/a.mdx',
    );
  });

  it('rejects a language folder that is not a report language', () => {
    expect(findSectionProblems([section('fr', '4')])[0]).toMatch(/fr\/a\.mdx: lives in "fr\/"/);
  });

  it('needs named items to be as many as the figure counts and to stand in the body', () => {
    const items = (list: string[]) => ({
      stats: [{ id: 'groups', value: 4, unit: 'x', label: 'y', items: list }],
    });
    const problems = findSectionProblems(
      pair(
        '民生建设、财政预算等4个组',
        'Four groups: a, b, c, d',
        items(['民生建设', '财政预算', '法治建设']),
        items(['a', 'b', 'c', 'e']),
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/zh\/a\.mdx → stats\[0\]\.items: lists 3 but the value counts 4/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/zh\/a\.mdx → stats\[0\]\.items\[2\]: "法治建设" does not appear/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/en\/a\.mdx → stats\[0\]\.items\[3\]: "e" does not appear/),
    );
  });
});

describe('findReportProblems', () => {
  const cover = (lang: string, data: Partial<ReportRecord['data']> = {}, body = '2023年。') =>
    reportRecord(lang, body, { subtitle: '第十四届', year: 2023, ...data });

  it('needs each language once and the language-neutral fields to agree', () => {
    expect(findReportProblems([cover('zh')])).toEqual([
      'content/report/en.mdx: missing — the report cover has no entry in English',
    ]);
    expect(
      findReportProblems([cover('zh'), cover('en', { id: 'other', subtitle: 'the 14th' }, 'In 2023.')]),
    ).toEqual(['content/report/en.mdx → id: "other" here but "r" in content/report/zh.mdx']);
  });

  it('allows the year and the numbers of the title in the summary, and nothing else', () => {
    const en = cover(
      'en',
      { subtitle: 'the 14th', summary: 'The 14th committee in 2023, 12 meetings' },
      'In 2023.',
    );
    expect(findReportProblems([cover('zh', { summary: '第十四届委员会2023年' }), en])).toEqual([
      'content/report/en.mdx → summary: 12 is neither a stat of this section nor in its body ("The 14th committee in 2023, 12 meetings")',
      'content/report/en.mdx → summary: numbers [14, 2023, 12] differ from [14, 2023] in the summary of content/report/zh.mdx',
    ]);
  });

  it('needs the summary to state the same numbers in both languages', () => {
    const zh = cover('zh', { summary: '第十四届委员会2023年重点工作' });
    const en = (summary: string) => cover('en', { subtitle: 'the 14th', summary }, 'In 2023.');
    expect(findReportProblems([zh, en('The key work of the 14th committee in 2023')])).toEqual([]);
    expect(findReportProblems([zh, en('The key work of the committee in 2023')])).toEqual([
      'content/report/en.mdx → summary: numbers [2023] differ from [14, 2023] in the summary of content/report/zh.mdx',
    ]);
  });
});
