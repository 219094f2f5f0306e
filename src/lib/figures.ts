/*
 * A section's figures as readers see them: each stat once, with the mark its chart declares
 * (src/lib/chart-spec.ts) and what that mark is compared with, named in the figure itself.
 * Pure: frontmatter in, a model out; components set the text in HTML and draw the marks.
 * Nothing is derived that the source does not state, except shares the content declares,
 * which are labelled as computed and stand with the part they derive from.
 */
import { t } from '../i18n';
import type { Chart, SectionData, Stat } from '../content.config';
import type { ChartDrawing } from './chart-spec';
import { tableRows, type TableRow } from './figure-table';
import { formatNumber, formatValueWithUnit, statPhrase } from './format';
import type { Lang } from './i18n';

export interface Figure {
  id: string;
  value: number;
  /** The number as the language writes it: "1255", "1,255". */
  number: string;
  unit: string;
  label: string;
  /** Number and unit as printed together: "1,255 instances". */
  valueText: string;
  /** The whole figure as one phrase: what a screen reader hears for the number and its label. */
  phrase: string;
  /** The figure's name in a table: "Proposals submitted". */
  name: string;
  items: readonly string[];
  /** Among the report's headline figures (shown under the cover's title). */
  headline: boolean;
}

export interface ComputedShare {
  /** What the share is, marked as computed. */
  label: string;
  /** "89.4%". */
  percentText: string;
  /** The arithmetic: "361 ÷ 404". */
  sum: string;
}

/** One bar of a group that shares a scale. */
export interface Bar {
  id: string;
  label: string;
  /** Its number, set beside the bar. */
  number: string;
  /** Value ÷ the group's largest value. */
  ratio: number;
}

export type Mark =
  /** A bar on the scale its group shares (the longest reaches its end), its number beside it. */
  | { kind: 'bar'; ratio: number; number: string }
  /** A part on its whole's track; `words` names both ends ("30 of the 48 visits made"). */
  | { kind: 'part'; ratio: number; words: string; share?: ComputedShare | undefined }
  /** A share of 100, on a track whose 100 % end is labelled. */
  | { kind: 'meter'; ratio: number }
  /** One mark per thing counted, in groups of five. */
  | { kind: 'units'; count: number }
  /** The named things counted. */
  | { kind: 'list'; items: readonly string[] }
  /** The figure alone. */
  | { kind: 'none' };

export interface FigureRow {
  figure: Figure;
  mark: Mark;
  /** A state the source gives without a number ("all handled"), shown with the figure. */
  state?: { label: string; text: string } | undefined;
}

export interface FigureGroup {
  draw: ChartDrawing;
  rows: FigureRow[];
  /** Bars: all of them, for places that draw the group apart from its rows (the home page's cards). */
  bars?: Bar[] | undefined;
}

export interface FigureBlock {
  /** The chart's id (its anchor is chart-<id>); undefined for figures no chart draws. */
  id: string | undefined;
  title: string | undefined;
  groups: FigureGroup[];
  table: TableRow[];
}

type FigureSection = Pick<SectionData, 'stats' | 'charts'>;

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function toFigure(stat: Stat, lang: Lang): Figure {
  const composed =
    lang === 'zh' || stat.unit === '%' || stat.unit === '' ? stat.label : `${stat.unit} ${stat.label}`;
  return {
    id: stat.id,
    value: stat.value,
    number: formatNumber(stat.value, lang),
    unit: stat.unit,
    label: stat.label,
    valueText: formatValueWithUnit(stat, lang),
    phrase: statPhrase(stat, lang),
    name: stat.tableLabel ?? capitalize(composed),
    items: stat.items ?? [],
    headline: Boolean(stat.headline),
  };
}

/** Share of `part` in `whole` in per cent, rounded to one decimal (361 of 404 → 89.4). */
export function sharePercent(part: number, whole: number): number {
  if (whole <= 0) throw new Error(`Cannot compute a share of ${whole}`);
  return Math.round((part / whole) * 1000) / 10;
}

/** Counted units in groups of five, as a reader checks a tally: 13 → [5, 5, 3]. */
export function unitGroups(count: number): number[] {
  const whole = Math.floor(count);
  return Array.from({ length: Math.ceil(whole / 5) }, (_, i) => Math.min(5, whole - i * 5));
}

function requireStat(stats: ReadonlyMap<string, Stat>, id: string): Stat {
  const stat = stats.get(id);
  // The content checks reject unknown ids before any page renders; this guards direct callers.
  if (!stat) throw new Error(`Chart refers to stat "${id}", which the section does not have`);
  return stat;
}

type Share = NonNullable<Chart['computed']>[number];

function computedShare(share: Share, part: Stat, whole: Stat, lang: Lang): ComputedShare {
  return {
    label: t(lang, 'chartComputed', { label: share.label }),
    percentText: formatValueWithUnit(
      { value: sharePercent(part.value, whole.value), unit: '%', label: '' },
      lang,
    ),
    sum: `${formatNumber(part.value, lang)} ÷ ${formatNumber(whole.value, lang)}`,
  };
}

function chartGroups(chart: Chart, stats: ReadonlyMap<string, Stat>, lang: Lang): FigureGroup[] {
  const states = new Map((chart.states ?? []).map((state) => [state.of, state]));
  const withState = (stat: Stat, mark: Mark): FigureRow => {
    const state = states.get(stat.id);
    return { figure: toFigure(stat, lang), mark, state: state && { label: state.label, text: state.text } };
  };
  return chart.rows.map((row): FigureGroup => {
    const rowStats = row.stats.map((id) => requireStat(stats, id));
    switch (row.draw) {
      case 'bars': {
        const max = Math.max(0, ...rowStats.map((stat) => stat.value));
        const ratio = (stat: Stat) => (max > 0 ? stat.value / max : 0);
        return {
          draw: 'bars',
          rows: rowStats.map((stat) =>
            withState(stat, { kind: 'bar', ratio: ratio(stat), number: formatNumber(stat.value, lang) }),
          ),
          bars: rowStats.map((stat) => ({
            id: stat.id,
            label: stat.label,
            number: formatNumber(stat.value, lang),
            ratio: ratio(stat),
          })),
        };
      }
      case 'part': {
        const whole = requireStat(stats, row.of ?? '');
        return {
          draw: 'part',
          rows: [
            withState(whole, { kind: 'none' }),
            ...rowStats.map((part) => {
              const share = (chart.computed ?? []).find((s) => s.part === part.id && s.whole === whole.id);
              return withState(part, {
                kind: 'part',
                ratio: whole.value > 0 ? part.value / whole.value : 0,
                words: t(lang, 'chartPartOf', {
                  part: formatNumber(part.value, lang),
                  unit: part.unit,
                  wholeNumber: formatNumber(whole.value, lang),
                  wholeLabel: whole.label,
                })
                  .replace(/\s+/g, ' ')
                  .trim(),
                share: share && computedShare(share, part, whole, lang),
              });
            }),
          ],
        };
      }
      case 'meter':
        return {
          draw: 'meter',
          rows: rowStats.map((stat) =>
            withState(stat, { kind: 'meter', ratio: Math.min(stat.value, 100) / 100 }),
          ),
        };
      case 'units':
        return {
          draw: 'units',
          rows: rowStats.map((stat) => withState(stat, { kind: 'units', count: stat.value })),
        };
      case 'list':
        return {
          draw: 'list',
          rows: rowStats.map((stat) => withState(stat, { kind: 'list', items: stat.items ?? [] })),
        };
      case 'none':
        return { draw: 'none', rows: rowStats.map((stat) => withState(stat, { kind: 'none' })) };
    }
  });
}

/** A figure block: its groups, and the same figures as the rows of its data table. */
const block = (lang: Lang, id: string | undefined, title: string | undefined, groups: FigureGroup[]) => ({
  id,
  title,
  groups,
  table: tableRows(
    groups.flatMap((group) => group.rows),
    lang,
  ),
});

/**
 * The figure blocks of a section: one per declared chart, in order, then one of the figures
 * no chart draws (or of all figures, where the section declares no chart).
 */
export function figureBlocks(section: FigureSection, lang: Lang): FigureBlock[] {
  const stats = new Map(section.stats.map((stat) => [stat.id, stat]));
  const blocks = section.charts.map((chart) =>
    block(lang, chart.id, chart.title, chartGroups(chart, stats, lang)),
  );
  const drawn = new Set(blocks.flatMap((b) => b.groups.flatMap((g) => g.rows.map((row) => row.figure.id))));
  const rest = section.stats.filter((stat) => !drawn.has(stat.id));
  if (rest.length > 0) {
    const rows = rest.map((stat): FigureRow => ({ figure: toFigure(stat, lang), mark: { kind: 'none' } }));
    blocks.push(block(lang, undefined, undefined, [{ draw: 'none', rows }]));
  }
  return blocks;
}

/** Every group of a section's figures, in block order (the home page's cards). */
export function figureGroups(section: FigureSection, lang: Lang): FigureGroup[] {
  return figureBlocks(section, lang).flatMap((b) => b.groups);
}
