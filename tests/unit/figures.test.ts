import { describe, expect, it } from 'vitest';
import { dashboardItems } from '../../src/lib/dashboard';
import { figureBlocks, figureGroups, sharePercent, toFigure, unitGroups } from '../../src/lib/figures';

const section = {
  stats: [
    { id: 'submitted', value: 404, unit: 'proposals', label: 'submitted', headline: true },
    { id: 'registered', value: 361, unit: 'proposals', label: 'placed on file after review' },
    { id: 'rate', value: 98, unit: '%', label: 'member satisfaction rate' },
    { id: 'year', value: 216, unit: 'members', label: 'visited during the year', headline: true },
    { id: 'term', value: 319, unit: 'members', label: 'visited since the term began' },
    { id: 'people', value: 1255, unit: 'instances', label: 'of participation' },
    { id: 'topics', value: 7, unit: 'topics', label: 'addressed' },
    { id: 'groups', value: 2, unit: 'groups', label: 'for oversight', items: ['budget', 'law'] },
    { id: 'loose', value: 13, unit: 'initiatives', label: 'agreed jointly', tableLabel: 'Joint initiatives' },
  ],
  charts: [
    {
      id: 'proposals',
      title: 'Proposals',
      rows: [
        { draw: 'part' as const, of: 'submitted', stats: ['registered'] },
        { draw: 'meter' as const, stats: ['rate'] },
      ],
      states: [
        { of: 'registered', label: 'all handled', text: 'all proposals placed on file have been handled' },
      ],
      computed: [{ part: 'registered', whole: 'submitted', label: 'Share placed on file' }],
    },
    {
      id: 'people',
      title: 'People',
      rows: [
        { draw: 'bars' as const, stats: ['year', 'term'] },
        { draw: 'none' as const, stats: ['people'] },
        { draw: 'units' as const, stats: ['topics'] },
        { draw: 'list' as const, stats: ['groups'] },
      ],
    },
  ],
};

describe('figureBlocks', () => {
  const blocks = figureBlocks(section, 'en');

  it('makes one block per chart, then one of the figures no chart draws', () => {
    expect(blocks.map((b) => [b.id, b.title])).toEqual([
      ['proposals', 'Proposals'],
      ['people', 'People'],
      [undefined, undefined],
    ]);
    expect(figureGroups(section, 'en').flatMap((g) => g.rows.map((row) => row.figure.id))).toEqual(
      section.stats.map((stat) => stat.id),
    );
  });

  it('draws a part on its whole, whose figure stands first and whose number the part names', () => {
    const [part] = blocks[0]!.groups;
    expect(part!.rows.map((row) => [row.figure.id, row.mark.kind])).toEqual([
      ['submitted', 'none'],
      ['registered', 'part'],
    ]);
    expect(part!.rows[1]!.mark).toEqual({
      kind: 'part',
      ratio: 361 / 404,
      words: '361 of the 404 proposals submitted',
      share: { label: 'Share placed on file (computed)', percentText: '89.4%', sum: '361 ÷ 404' },
    });
    const zh = {
      stats: [
        { id: 'w', value: 404, unit: '件', label: '提出提案' },
        { id: 'p', value: 361, unit: '件', label: '经审查立案' },
      ],
      charts: [{ id: 'c', title: '提案', rows: [{ draw: 'part' as const, of: 'w', stats: ['p'] }] }],
    };
    expect(figureBlocks(zh, 'zh')[0]!.groups[0]!.rows[1]!.mark).toMatchObject({
      words: '提出提案404件中的361件',
    });
  });

  it('puts bars on their group’s shared scale, each with its number; meters on 0–100; units one by one', () => {
    const [bars, lone, units] = blocks[1]!.groups;
    expect(bars!.rows.map((row) => row.mark)).toEqual([
      { kind: 'bar', ratio: 216 / 319, number: '216' },
      { kind: 'bar', ratio: 1, number: '319' },
    ]);
    expect(bars!.bars?.map((bar) => [bar.label, bar.number])).toEqual([
      ['visited during the year', '216'],
      ['visited since the term began', '319'],
    ]);
    expect(lone!.rows[0]!.mark).toEqual({ kind: 'none' });
    expect(units!.rows[0]!.mark).toEqual({ kind: 'units', count: 7 });
    expect(blocks[0]!.groups[1]!.rows[0]!.mark).toEqual({ kind: 'meter', ratio: 0.98 });
  });

  it('shows a declared state with its figure', () => {
    expect(blocks[0]!.groups[0]!.rows[1]!.state).toEqual({
      label: 'all handled',
      text: 'all proposals placed on file have been handled',
    });
  });

  it('gives the data table whole names, the computed share after its part', () => {
    expect(blocks[0]!.table.map((row) => [row.name, row.value])).toEqual([
      ['Proposals submitted', '404 proposals'],
      ['Proposals placed on file after review', '361 proposals'],
      ['Share placed on file (computed)', '89.4%'],
      ['Member satisfaction rate', '98%'],
    ]);
    expect(blocks[2]!.table[0]).toEqual({ name: 'Joint initiatives', value: '13 initiatives', details: '' });
    expect(blocks[1]!.table.at(-1)).toEqual({
      name: 'Groups for oversight',
      value: '2 groups',
      details: 'budget, law',
    });
  });
});

describe('dashboardItems', () => {
  it('leaves out the headline figures, but draws a bar with the bars it is compared with', () => {
    const items = dashboardItems(figureGroups(section, 'en'));
    expect(items.map((item) => item.row.figure.id)).toEqual([
      'registered',
      'rate',
      'term',
      'people',
      'topics',
      'groups',
      'loose',
    ]);
    const term = items.find((item) => item.row.figure.id === 'term')!;
    expect(term.bars?.map((bar) => bar.id)).toEqual(['year', 'term']);
    expect(items.filter((item) => item.bars)).toHaveLength(1);
  });
});

describe('unit marks', () => {
  it('come in groups of five', () => {
    expect(unitGroups(13)).toEqual([5, 5, 3]);
    expect(unitGroups(5)).toEqual([5]);
    expect(unitGroups(0)).toEqual([]);
  });
});

describe('figures', () => {
  it('read as one phrase in each language', () => {
    expect(toFigure({ id: 'a', value: 1255, unit: '人次', label: '参加调研' }, 'zh')).toMatchObject({
      number: '1255',
      phrase: '参加调研1255人次',
      name: '参加调研',
    });
    expect(
      toFigure({ id: 'a', value: 1255, unit: 'instances', label: 'of participation' }, 'en'),
    ).toMatchObject({
      number: '1,255',
      phrase: '1,255 instances of participation',
      name: 'Instances of participation',
    });
  });

  it('computes shares to one decimal', () => {
    expect(sharePercent(361, 404)).toBe(89.4);
    expect(() => sharePercent(1, 0)).toThrow();
  });
});
