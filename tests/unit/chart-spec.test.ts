import { describe, expect, it } from 'vitest';
import {
  chartShape,
  findChartProblems,
  MAX_UNIT_MARKS,
  type ChartSpec,
  type SpecStat,
} from '../../src/lib/chart-spec';

const stats: SpecStat[] = [
  { id: 'submitted', value: 404, unit: '件' },
  { id: 'registered', value: 361, unit: '件' },
  { id: 'satisfaction', value: 98, unit: '%' },
  { id: 'groups', value: 2, unit: '个', items: ['甲', '乙'] },
  { id: 'people', value: 1255, unit: '人次' },
];
const chart = (rows: ChartSpec['rows'], extra: Partial<ChartSpec> = {}): ChartSpec => ({
  id: 'c',
  title: 'T',
  rows,
  ...extra,
});

describe('findChartProblems', () => {
  it('accepts every drawing used as intended', () => {
    expect(
      findChartProblems(
        [
          chart(
            [
              { draw: 'bars', stats: ['submitted', 'registered'] },
              { draw: 'meter', stats: ['satisfaction'] },
              { draw: 'list', stats: ['groups'] },
              { draw: 'units', stats: ['people'] },
            ],
            {
              states: [{ of: 'registered', label: 'x', text: 'y' }],
              computed: [{ part: 'registered', whole: 'submitted', label: 'z' }],
            },
          ),
        ],
        stats,
      ),
    ).toEqual([]);
  });

  it('names the field of an unknown stat', () => {
    expect(findChartProblems([chart([{ draw: 'units', stats: ['nope'] }])], stats)).toEqual([
      'charts[0].rows[0].stats[0]: "nope" is not a stat of this section (stats: submitted, registered, satisfaction, groups, people)',
    ]);
    expect(
      findChartProblems(
        [chart([{ draw: 'units', stats: ['people'] }], { states: [{ of: 'x', label: 'a', text: 'b' }] })],
        stats,
      )[0],
    ).toMatch(/^charts\[0\]\.states\[0\]\.of: "x" is not a stat/);
  });

  it('refuses a scale shared by unlike quantities, and a bar without company', () => {
    expect(
      findChartProblems([chart([{ draw: 'bars', stats: ['submitted', 'satisfaction'] }])], stats)[0],
    ).toMatch(
      /^charts\[0\]\.rows\[0\]\.stats: bars share one scale, so their stats need one unit, not "件" and "%"/,
    );
    expect(findChartProblems([chart([{ draw: 'bars', stats: ['submitted'] }])], stats)[0]).toMatch(
      /a lone figure/,
    );
  });

  it('refuses a meter over 100 or not in per cent', () => {
    const over = [{ ...stats[2]!, value: 120 }];
    expect(findChartProblems([chart([{ draw: 'meter', stats: ['satisfaction'] }])], over)[0]).toMatch(
      /a meter shows a share of 100, but "satisfaction" is 120 "%"/,
    );
    expect(findChartProblems([chart([{ draw: 'meter', stats: ['submitted'] }])], stats)[0]).toMatch(/"件"/);
  });

  it('refuses unit marks that can no longer be counted, and a list without names', () => {
    const many = [{ id: 'many', value: MAX_UNIT_MARKS + 1, unit: '人' }];
    expect(findChartProblems([chart([{ draw: 'units', stats: ['many'] }])], many)[0]).toMatch(/up to 2000/);
    expect(findChartProblems([chart([{ draw: 'list', stats: ['people'] }])], stats)[0]).toMatch(
      /"people" has no items/,
    );
  });

  it('refuses a stat drawn twice and a share that is not a part of its whole', () => {
    const twice = findChartProblems(
      [
        chart([
          { draw: 'units', stats: ['people'] },
          { draw: 'units', stats: ['people'] },
        ]),
      ],
      stats,
    );
    expect(twice).toEqual([
      'charts[0].rows[1].stats[0]: "people" is already drawn at charts[0].rows[0].stats[0]',
    ]);
    const share = findChartProblems(
      [
        chart([{ draw: 'units', stats: ['people'] }], {
          computed: [{ part: 'submitted', whole: 'registered', label: 'x' }],
        }),
      ],
      stats,
    );
    expect(share).toEqual(['charts[0].computed[0]: "submitted" (404) is not a part of "registered" (361)']);
  });
});

describe('chartShape', () => {
  it('ignores the words and keeps the structure', () => {
    const zh = chart([{ draw: 'bars', stats: ['a', 'b'] }], {
      title: '标题',
      states: [{ of: 'b', label: '全部', text: '全部办结' }],
    });
    const en = { ...zh, title: 'Title', states: [{ of: 'b', label: 'all', text: 'all handled' }] };
    expect(chartShape(en)).toBe(chartShape(zh));
    expect(chartShape({ ...en, rows: [{ draw: 'units', stats: ['a', 'b'] }] })).not.toBe(chartShape(zh));
  });
});
