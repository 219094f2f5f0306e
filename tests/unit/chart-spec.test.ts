import { describe, expect, it } from 'vitest';
import type { Chart as ChartSpec } from '../../src/content.config';
import {
  chartShape,
  findChartProblems,
  MAX_UNIT_MARKS,
  type ChartStat as SpecStat,
} from '../../src/lib/chart-spec';

const stats: SpecStat[] = [
  { id: 'submitted', value: 404, unit: '件' },
  { id: 'registered', value: 361, unit: '件' },
  { id: 'satisfaction', value: 98, unit: '%' },
  { id: 'groups', value: 2, unit: '个', items: ['甲', '乙'] },
  { id: 'people', value: 1255, unit: '人次' },
  { id: 'topics', value: 7, unit: '个' },
  { id: 'visited', value: 216, unit: '人' },
  { id: 'visited-all', value: 319, unit: '人' },
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
              { draw: 'part', of: 'submitted', stats: ['registered'] },
              { draw: 'meter', stats: ['satisfaction'] },
              { draw: 'list', stats: ['groups'] },
              { draw: 'none', stats: ['people'] },
              { draw: 'units', stats: ['topics'] },
              { draw: 'bars', stats: ['visited', 'visited-all'] },
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
    expect(findChartProblems([chart([{ draw: 'none', stats: ['nope'] }])], stats)).toEqual([
      'charts[0].rows[0].stats[0]: "nope" is not a stat of this section (stats: submitted, registered, satisfaction, groups, people, topics, visited, visited-all)',
    ]);
    expect(
      findChartProblems(
        [chart([{ draw: 'none', stats: ['people'] }], { states: [{ of: 'x', label: 'a', text: 'b' }] })],
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
    const counts = (value: number) =>
      findChartProblems([chart([{ draw: 'units', stats: ['n'] }])], [{ id: 'n', value, unit: '人' }]);
    expect(counts(MAX_UNIT_MARKS)).toEqual([]);
    expect(counts(1)).toEqual([]);
    for (const value of [MAX_UNIT_MARKS + 1, 1255, 0, 2.5]) {
      expect(counts(value), String(value)).toEqual([
        `charts[0].rows[0].stats: counted units draw one mark per thing, for whole counts from 1 to ${MAX_UNIT_MARKS}, but "n" is ${value}; draw it "none" (its number alone)`,
      ]);
    }
    // A reader sees each mark: the limit is a few dozen at most, not a field of dots.
    expect(MAX_UNIT_MARKS).toBeLessThanOrEqual(50);
    expect(findChartProblems([chart([{ draw: 'list', stats: ['people'] }])], stats)[0]).toMatch(
      /"people" has no items/,
    );
  });

  it('refuses bars of percentages: a percentage is a meter', () => {
    const rates = [
      { id: 'a', value: 60, unit: '%' },
      { id: 'b', value: 70, unit: '%' },
    ];
    expect(findChartProblems([chart([{ draw: 'bars', stats: ['a', 'b'] }])], rates)).toEqual([
      'charts[0].rows[0].stats: a percentage is a share of 100, drawn as a "meter", not as bars',
    ]);
  });

  it('draws a part on its whole: the whole named, of one unit, and no smaller than the part', () => {
    expect(findChartProblems([chart([{ draw: 'part', stats: ['registered'] }])], stats)).toEqual([
      'charts[0].rows[0].of: a part row names the stat that is its whole',
    ]);
    expect(
      findChartProblems([chart([{ draw: 'part', of: 'registered', stats: ['submitted'] }])], stats),
    ).toEqual(['charts[0].rows[0].stats: "submitted" (404) is not a part of "registered" (361)']);
    expect(
      findChartProblems([chart([{ draw: 'part', of: 'submitted', stats: ['people'] }])], stats)[0],
    ).toMatch(/a part counts what its whole counts, but "people" counts "人次" and "submitted" "件"/);
    expect(findChartProblems([chart([{ draw: 'none', of: 'submitted', stats: ['people'] }])], stats)).toEqual(
      ['charts[0].rows[0].of: only a "part" row has a whole, not a "none" row'],
    );
    // The whole is drawn by its part's row: drawing it again elsewhere shows it twice.
    expect(
      findChartProblems(
        [
          chart([
            { draw: 'none', stats: ['submitted'] },
            { draw: 'part', of: 'submitted', stats: ['registered'] },
          ]),
        ],
        stats,
      ),
    ).toEqual(['charts[0].rows[1].of: "submitted" is already drawn at charts[0].rows[0].stats[0]']);
  });

  it('keeps a computed share in its part’s row', () => {
    const share = { part: 'registered', whole: 'submitted', label: 'x' };
    expect(
      findChartProblems(
        [chart([{ draw: 'part', of: 'submitted', stats: ['registered'] }], { computed: [share] })],
        stats,
      ),
    ).toEqual([]);
    expect(
      findChartProblems(
        [chart([{ draw: 'bars', stats: ['submitted', 'registered'] }], { computed: [share] })],
        stats,
      ),
    ).toEqual([
      'charts[0].computed[0]: a computed share stands in its part\'s row, but no row of this chart draws "registered" as a part of "submitted" (add a row: draw: part, of: submitted, stats: [registered])',
    ]);
  });

  it('refuses a stat drawn twice and a share that is not a part of its whole', () => {
    const twice = findChartProblems(
      [
        chart([
          { draw: 'none', stats: ['people'] },
          { draw: 'none', stats: ['people'] },
        ]),
      ],
      stats,
    );
    expect(twice).toEqual([
      'charts[0].rows[1].stats[0]: "people" is already drawn at charts[0].rows[0].stats[0]',
    ]);
    const share = findChartProblems(
      [
        chart([{ draw: 'part', of: 'registered', stats: ['submitted'] }], {
          computed: [{ part: 'submitted', whole: 'registered', label: 'x' }],
        }),
      ],
      stats,
    );
    expect(share).toEqual(['charts[0].rows[0].stats: "submitted" (404) is not a part of "registered" (361)']);
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
    const part = chart([{ draw: 'part', of: 'a', stats: ['b'] }]);
    expect(chartShape({ ...part, rows: [{ draw: 'part', of: 'c', stats: ['b'] }] })).not.toBe(
      chartShape(part),
    );
  });
});
