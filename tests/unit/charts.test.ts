import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The frontmatter parser Astro itself uses for the MDX files, so the test reads what the site reads.
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import {
  barRatios,
  buildChart,
  chartKindFor,
  chartScene,
  figureScene,
  gridRows,
  MIN_WIDTH,
  requireChart,
  sharePercent,
  textWidth,
  unitGeometry,
  wrapText,
  type ChartModel,
  type ChartSection,
  type Mark,
  type Scene,
} from '../../src/lib/charts';
import { formatValueWithUnit } from '../../src/lib/format';
import { LANGS, type Lang } from '../../src/lib/i18n';
import { projectRoot } from '../support/astro-cli';

function readSections(lang: Lang): ChartSection[] {
  const dir = join(projectRoot, 'content/sections', lang);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => parseFrontmatter(readFileSync(join(dir, file), 'utf8')).frontmatter as ChartSection);
}

function section(lang: Lang, slug: string): ChartSection {
  const found = readSections(lang).find((candidate) => candidate.slug === slug);
  if (!found) throw new Error(`no section ${slug}`);
  return found;
}

/** A copy of a section with one stat's value changed. */
function withValue(source: ChartSection, id: string, value: number): ChartSection {
  return { ...source, stats: source.stats.map((stat) => (stat.id === id ? { ...stat, value } : stat)) };
}

const row = (model: ChartModel, id: string) => {
  const found = model.rows.find((candidate) => candidate.figure.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};

/** Dots a "dots" mark draws: each subpath `M x y h length` holds length / pitch + 1 dots. */
function dotCount(mark: Extract<Mark, { kind: 'dots' }>): number {
  return [...mark.d.matchAll(/h([\d.]+)/g)].reduce(
    (sum, m) => sum + Math.floor(Number(m[1]) / mark.pitch) + 1,
    0,
  );
}

const diamondCount = (d: string) => (d.match(/z/g) ?? []).length;
const texts = (scene: Scene) =>
  scene.marks.flatMap((mark) => (mark.kind === 'text' ? [mark.spans.map((s) => s.text).join('')] : []));
const sceneOf = (model: ChartModel, lang: Lang) => chartScene(model, lang);

describe('every section with a chart', () => {
  for (const lang of LANGS) {
    for (const source of readSections(lang)) {
      it(`draws exactly the frontmatter stats of ${lang}/${source.slug}`, () => {
        const model = buildChart(source, lang)!;
        expect(model).toBeDefined();
        expect(model.rows.map((r) => r.figure.id).sort()).toEqual(source.stats.map((s) => s.id).sort());
        for (const stat of source.stats) {
          const { figure } = row(model, stat.id);
          expect(figure).toMatchObject({ value: stat.value, unit: stat.unit, label: stat.label });
          expect(figure.items).toEqual(stat.items ?? []);
          // The data table carries every figure as text.
          expect(model.table).toContainEqual(
            expect.objectContaining({ label: stat.label, value: formatValueWithUnit(stat, lang) }),
          );
          // …and so does the text alternative.
          expect(model.description).toContain(formatValueWithUnit(stat, lang));
          for (const item of stat.items ?? []) expect(model.description).toContain(item);
        }
      });

      it(`has a name, a description and a table in ${lang}/${source.slug}`, () => {
        const model = buildChart(source, lang)!;
        expect(model.title.trim()).not.toBe('');
        expect(model.description.startsWith(model.title)).toBe(true);
        expect(model.table.length).toBeGreaterThanOrEqual(source.stats.length);
      });

      it(`fits a 360 px phone in ${lang}/${source.slug}`, () => {
        const scene = sceneOf(buildChart(source, lang)!, lang);
        for (const mark of scene.marks) {
          if (mark.kind === 'text' && mark.x === 0 && mark.spans.length === 1) {
            expect(textWidth(mark.spans[0]!.text, mark.spans[0]!.size)).toBeLessThanOrEqual(MIN_WIDTH);
          }
          if (mark.kind === 'dots') {
            const widest = Math.max(...[...mark.d.matchAll(/h([\d.]+)/g)].map((m) => Number(m[1])));
            expect(widest + mark.size).toBeLessThanOrEqual(MIN_WIDTH);
          }
          if ('y' in mark) expect(mark.y).toBeLessThanOrEqual(scene.height);
        }
      });
    }
  }
});

describe('the proposals chart', () => {
  for (const lang of LANGS) {
    const model = requireChart(section(lang, 'proposals'), 'proposals', lang);

    it(`sets submitted and placed on file on one scale (${lang})`, () => {
      expect(row(model, 'proposals-submitted').visual).toEqual({ kind: 'bar', ratio: 1 });
      expect(row(model, 'proposals-registered').visual).toEqual({ kind: 'bar', ratio: 361 / 404 });
      const bars = sceneOf(model, lang).marks.filter((m) => m.kind === 'bar' && m.tone === 'accent');
      expect(bars.map((m) => (m.kind === 'bar' ? [m.figure, m.width] : []))).toEqual([
        ['proposals-submitted', '100%'],
        ['proposals-registered', '89.36%'],
        ['member-satisfaction', '98%'],
      ]);
    });

    it(`shows "all handled" as a state, never as a number (${lang})`, () => {
      const registered = row(model, 'proposals-registered');
      expect(registered.marker).toMatch(lang === 'zh' ? /全部办结/ : /all fully handled/);
      expect(registered.spoken).toContain(registered.figure.phrase);
      expect(model.states).toEqual([
        lang === 'zh' ? '提案已全部办结' : 'all proposals have been fully handled',
      ]);
      expect(model.rows).toHaveLength(3);
    });

    it(`labels the one computed share as computed (${lang})`, () => {
      expect(model.computed).toHaveLength(1);
      const share = model.computed[0]!;
      expect(share.percent).toBe(89.4);
      expect(share.sum).toBe('361 ÷ 404 ≈ 89.4%');
      expect(share.label).toMatch(lang === 'zh' ? /（计算值）$/ : /\(computed\)$/);
      expect(share.sentence).toContain(share.sum);
      expect(model.table.at(-1)).toEqual({ label: share.label, value: '89.4%', items: '' });
    });

    it(`draws satisfaction on a 0–100 % scale (${lang})`, () => {
      expect(row(model, 'member-satisfaction').visual).toEqual({ kind: 'meter', ratio: 0.98 });
      expect(texts(sceneOf(model, lang))).toEqual(expect.arrayContaining(['0%', '100%']));
    });
  }
});

describe('the oversight chart', () => {
  const zh = requireChart(section('zh', 'democratic-oversight'), 'oversight', 'zh');

  it('draws the 96 members as one field, never split across the groups', () => {
    const dots = sceneOf(zh, 'zh').marks.filter((m) => m.kind === 'dots');
    expect(dots).toHaveLength(1);
    expect(dots[0]!.kind === 'dots' && dotCount(dots[0]!)).toBe(96);
    // Neither the full nor the compact grid has four equal rows.
    for (const size of ['full', 'compact'] as const) {
      expect(gridRows(96, unitGeometry('disc', size).columns)).not.toHaveLength(4);
    }
  });

  it('names the four groups and the four special topics, one diamond each', () => {
    const scene = sceneOf(zh, 'zh');
    const names = [
      '民生建设',
      '财政预算',
      '法治建设',
      '生态环境',
      '公共卫生应急管理体系建设',
      '城市更新',
      '双奥朝阳',
      '安全生产',
    ];
    expect(texts(scene)).toEqual(expect.arrayContaining(names));
    const diamonds = scene.marks.filter((m) => m.kind === 'shape').reduce((n, m) => n + diamondCount(m.d), 0);
    expect(diamonds).toBe(8);
    expect(zh.hasItems).toBe(true);
    expect(zh.table.find((r) => r.label === '民主监督组')?.items).toBe(
      '民生建设、财政预算、法治建设、生态环境',
    );
  });
});

describe('the participation charts', () => {
  it('give one dot or diamond per thing counted', () => {
    for (const lang of LANGS) {
      for (const slug of ['political-guidance', 'deliberation']) {
        const source = section(lang, slug);
        const scene = sceneOf(buildChart(source, lang)!, lang);
        const drawn = scene.marks.flatMap((mark) =>
          mark.kind === 'dots' ? [dotCount(mark)] : mark.kind === 'shape' ? [diamondCount(mark.d)] : [],
        );
        expect(drawn).toEqual(source.stats.map((stat) => stat.value));
      }
    }
  });

  it('put counts of different things on no shared scale', () => {
    const model = buildChart(section('en', 'political-guidance'), 'en')!;
    expect(model.rows.map((r) => r.visual.kind)).toEqual(['units', 'units', 'units']);
    expect(new Set(model.rows.map((r) => r.group)).size).toBe(3);
  });
});

describe('the outreach chart', () => {
  const model = requireChart(section('en', 'consensus'), 'outreach', 'en');

  it('compares members visited in the year and since the new term on one scale', () => {
    expect(row(model, 'members-visited-2023').visual).toEqual({ kind: 'bar', ratio: 216 / 319 });
    expect(row(model, 'members-visited-term').visual).toEqual({ kind: 'bar', ratio: 1 });
  });

  it('draws sector visits and joint-duty items as marks, not against the members', () => {
    expect(row(model, 'sector-visits').visual).toEqual({ kind: 'units', shape: 'dot', count: 121 });
    expect(row(model, 'joint-duty-measures').visual).toEqual({ kind: 'units', shape: 'diamond', count: 13 });
    expect(row(model, 'sector-visits').group).not.toBe(row(model, 'members-visited-2023').group);
  });
});

describe('a change to a stat changes the chart', () => {
  it('moves the bar, the computed share, the table and the text alternative', () => {
    const source = section('zh', 'proposals');
    const before = buildChart(source, 'zh')!;
    const after = buildChart(withValue(source, 'proposals-registered', 300), 'zh')!;
    expect(row(after, 'proposals-registered').visual).toEqual({ kind: 'bar', ratio: 300 / 404 });
    expect(after.computed[0]!.percent).toBe(74.3);
    expect(after.table).toContainEqual({ label: '经审查立案', value: '300件', items: '' });
    expect(after.description).toContain('经审查立案300件');
    expect(after.description).not.toBe(before.description);
    expect(chartScene(after, 'zh')).not.toEqual(chartScene(before, 'zh'));
  });

  it('redraws the marks when a count changes', () => {
    const source = section('en', 'deliberation');
    const after = buildChart(withValue(source, 'trip-participants', 1300), 'en')!;
    const dots = chartScene(after, 'en').marks.filter((m) => m.kind === 'dots');
    expect(dots.map((m) => (m.kind === 'dots' ? dotCount(m) : 0))).toEqual([89, 1300]);
    const compact = figureScene(row(after, 'trip-participants'), 'en').marks[0]!;
    expect(compact.kind === 'dots' && dotCount(compact)).toBe(1300);
  });

  it('rescales shared bars when the longest changes', () => {
    const source = section('en', 'consensus');
    const after = buildChart(withValue(source, 'members-visited-2023', 400), 'en')!;
    expect(row(after, 'members-visited-2023').visual).toEqual({ kind: 'bar', ratio: 1 });
    expect(row(after, 'members-visited-term').visual).toEqual({ kind: 'bar', ratio: 319 / 400 });
  });
});

describe('missing stats', () => {
  it('stop the build with the section, the file and the stat named', () => {
    const source = section('en', 'proposals');
    const broken = { ...source, stats: source.stats.filter((stat) => stat.id !== 'member-satisfaction') };
    expect(() => buildChart(broken, 'en')).toThrow(
      /section "proposals" needs stat "member-satisfaction".*content\/sections\/en\/proposals\.mdx/,
    );
  });

  it('leave sections without a chart alone', () => {
    expect(chartKindFor('full-report')).toBeUndefined();
    expect(chartKindFor('constructor')).toBeUndefined();
    expect(buildChart({ slug: 'other', stats: [] }, 'zh')).toBeUndefined();
    expect(() => requireChart({ slug: 'other', stats: [] }, 'proposals', 'zh')).toThrow(/other/);
  });

  it('map every report section to its chart', () => {
    expect(
      readSections('zh')
        .map((s) => [s.slug, chartKindFor(s.slug)])
        .sort(),
    ).toEqual([
      ['consensus', 'outreach'],
      ['deliberation', 'trips'],
      ['democratic-oversight', 'oversight'],
      ['political-guidance', 'key-topics'],
      ['proposals', 'proposals'],
    ]);
  });
});

describe('arithmetic and layout helpers', () => {
  it('round the share to one decimal and refuse a zero whole', () => {
    expect(sharePercent(361, 404)).toBe(89.4);
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(() => sharePercent(1, 0)).toThrow();
  });

  it('scale bars to the longest', () => {
    expect(barRatios([404, 361])).toEqual([1, 361 / 404]);
    expect(barRatios([0, 0])).toEqual([0, 0]);
  });

  it('wrap English between words and Chinese between characters, losing nothing', () => {
    const english = 'visited by members of the Council of Chairpersons during the year';
    const lines = wrapText(english, 180, 14);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(english);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(180);
    const chinese = '公共卫生应急管理体系建设';
    expect(wrapText(chinese, 100, 14).join('')).toBe(chinese);
    expect(wrapText(chinese, MIN_WIDTH, 14)).toEqual([chinese]);
  });

  it('fill unit grids row by row', () => {
    expect(gridRows(89, 56)).toEqual([56, 33]);
    expect(gridRows(0, 10)).toEqual([]);
  });
});
