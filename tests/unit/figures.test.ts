import { describe, expect, it } from 'vitest';
import { figureBlocks, figureRows, sharePercent, toFigure, unitBlocks } from '../../src/lib/figures';

const section = {
  stats: [
    { id: 'submitted', value: 404, unit: 'proposals', label: 'submitted' },
    { id: 'registered', value: 361, unit: 'proposals', label: 'placed on file after review' },
    { id: 'rate', value: 98, unit: '%', label: 'member satisfaction rate' },
    { id: 'people', value: 1255, unit: 'instances', label: 'of participation' },
    { id: 'groups', value: 2, unit: 'groups', label: 'for oversight', items: ['budget', 'law'] },
    { id: 'loose', value: 13, unit: 'initiatives', label: 'agreed jointly', tableLabel: 'Joint initiatives' },
  ],
  charts: [
    {
      id: 'proposals',
      title: 'Proposals',
      rows: [
        { draw: 'bars' as const, stats: ['submitted', 'registered'] },
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
        { draw: 'units' as const, stats: ['people'] },
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
    expect(figureRows(section, 'en').map((row) => row.figure.id)).toEqual([
      'submitted',
      'registered',
      'rate',
      'people',
      'groups',
      'loose',
    ]);
  });

  it('puts bars on their group’s shared scale, and meters on 0–100', () => {
    const [bars, meter] = blocks[0]!.groups;
    expect(bars!.rows.map((row) => row.mark)).toEqual([
      { kind: 'bar', ratio: 1 },
      { kind: 'bar', ratio: 361 / 404 },
    ]);
    expect(bars!.scaleEnd).toBe('404');
    expect(meter!.rows[0]!.mark).toEqual({ kind: 'meter', ratio: 0.98 });
  });

  it('shows a declared state with its figure and labels a computed share as computed', () => {
    expect(blocks[0]!.groups[0]!.rows[1]!.state).toEqual({
      label: 'all handled',
      text: 'all proposals placed on file have been handled',
    });
    expect(blocks[0]!.computed).toEqual([
      { label: 'Share placed on file (computed)', percentText: '89.4%', sum: '361 ÷ 404' },
    ]);
    expect(blocks[0]!.description).toContain(
      '361 proposals placed on file after review; all proposals placed on file have been handled',
    );
  });

  it('gives the data table whole names, not fragments', () => {
    expect(blocks[0]!.table.map((row) => row.name)).toEqual([
      'Proposals submitted',
      'Proposals placed on file after review',
      'Member satisfaction rate',
      'Share placed on file (computed)',
    ]);
    expect(blocks[2]!.table[0]).toEqual({ name: 'Joint initiatives', value: '13 initiatives', details: '' });
    expect(blocks[1]!.table[1]).toEqual({
      name: 'Groups for oversight',
      value: '2 groups',
      details: 'budget, law',
    });
  });

  it('notes what a unit mark stands for only where there are unit marks', () => {
    expect(blocks[0]!.unitNote).toBeUndefined();
    expect(blocks[1]!.unitNote).toMatch(/Each dot/);
  });
});

describe('unit marks', () => {
  it('come in blocks of 100', () => {
    expect(unitBlocks(1255)).toEqual([...Array(12).fill(100), 55]);
    expect(unitBlocks(96)).toEqual([96]);
    expect(unitBlocks(0)).toEqual([]);
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
      toFigure({ id: 'g', value: 2, unit: 'groups', label: 'for oversight', items: ['a', 'b'] }, 'en')
        .phraseWithItems,
    ).toBe('2 groups for oversight: a, b');
  });

  it('computes shares to one decimal', () => {
    expect(sharePercent(361, 404)).toBe(89.4);
    expect(() => sharePercent(1, 0)).toThrow();
  });
});
