/*
 * A section's figures as readers see them: each stat once, with the mark its chart declares
 * (src/lib/chart-spec.ts) beside it. Pure: frontmatter in, a model out; components set the
 * text in HTML and draw only the marks in SVG. Nothing is derived that the source does not
 * state, except shares the content declares, which are labelled as computed.
 */
import { t } from '../i18n';
import type { ChartDrawing, ChartSpec } from './chart-spec';
import { formatNumber, formatValueWithUnit, statPhrase } from './format';
import type { Lang } from './i18n';

export interface FigureStat {
  id: string;
  value: number;
  unit: string;
  label: string;
  tableLabel?: string | undefined;
  headline?: boolean | undefined;
  items?: readonly string[] | undefined;
}

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
  /** The phrase with the named items, for places that do not list them. */
  phraseWithItems: string;
  /** The figure's name in a table: "Proposals submitted". */
  name: string;
  items: readonly string[];
  /** Among the report's headline figures (shown under the cover's title). */
  headline: boolean;
}

export type Mark =
  /** A bar on the scale its group shares: value ÷ the group's largest value. */
  | { kind: 'bar'; ratio: number }
  /** A share of 100. */
  | { kind: 'meter'; ratio: number }
  /** One mark per thing counted, in blocks of 100 (10 × 10). */
  | { kind: 'units'; blocks: number[] }
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
  draw: ChartDrawing | 'none';
  rows: FigureRow[];
  /** Bars: the end of their shared scale, as the language writes it. */
  scaleEnd?: string | undefined;
}

export interface ComputedShare {
  /** What the share is, marked as computed. */
  label: string;
  /** "89.4%". */
  percentText: string;
  /** The arithmetic: "361 ÷ 404". */
  sum: string;
}

export interface TableRow {
  name: string;
  value: string;
  details: string;
}

export interface FigureBlock {
  /** The chart's id (its anchor is chart-<id>); undefined for figures no chart draws. */
  id: string | undefined;
  title: string | undefined;
  groups: FigureGroup[];
  computed: ComputedShare[];
  /** The text alternative: every figure, state and computed value in one paragraph. */
  description: string;
  /** Explains the unit marks, when the block has any. */
  unitNote: string | undefined;
  table: TableRow[];
}

export interface FigureSection {
  stats: readonly FigureStat[];
  charts: readonly ChartSpec[];
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function toFigure(stat: FigureStat, lang: Lang): Figure {
  const items = stat.items ?? [];
  const phrase = statPhrase(stat, lang);
  const composed =
    lang === 'zh' || stat.unit === '%' || stat.unit === '' ? stat.label : `${stat.unit} ${stat.label}`;
  return {
    id: stat.id,
    value: stat.value,
    number: formatNumber(stat.value, lang),
    unit: stat.unit,
    label: stat.label,
    valueText: formatValueWithUnit(stat, lang),
    phrase,
    phraseWithItems:
      items.length > 0
        ? t(lang, 'chartItemsPhrase', { phrase, items: items.join(t(lang, 'chartListSeparator')) })
        : phrase,
    name: stat.tableLabel ?? capitalize(composed),
    items,
    headline: Boolean(stat.headline),
  };
}

/** Share of `part` in `whole` in per cent, rounded to one decimal (361 of 404 → 89.4). */
export function sharePercent(part: number, whole: number): number {
  if (whole <= 0) throw new Error(`Cannot compute a share of ${whole}`);
  return Math.round((part / whole) * 1000) / 10;
}

/** Counts of unit marks per block of 100: 1255 → [100 × 12, 55]. */
export function unitBlocks(count: number): number[] {
  const whole = Math.floor(count);
  return Array.from({ length: Math.ceil(whole / 100) }, (_, i) => Math.min(100, whole - i * 100));
}

function markFor(draw: ChartDrawing, stat: FigureStat, scaleMax: number): Mark {
  switch (draw) {
    case 'bars':
      return { kind: 'bar', ratio: scaleMax > 0 ? stat.value / scaleMax : 0 };
    case 'meter':
      return { kind: 'meter', ratio: Math.min(stat.value, 100) / 100 };
    case 'units':
      return { kind: 'units', blocks: unitBlocks(stat.value) };
    case 'list':
      return { kind: 'list', items: stat.items ?? [] };
  }
}

function requireStat(stats: ReadonlyMap<string, FigureStat>, id: string): FigureStat {
  const stat = stats.get(id);
  // The content checks reject unknown ids before any page renders; this guards direct callers.
  if (!stat) throw new Error(`Chart refers to stat "${id}", which the section does not have`);
  return stat;
}

function describe(lang: Lang, title: string | undefined, rows: FigureRow[], computed: ComputedShare[]) {
  const sep = t(lang, 'chartFigureSeparator');
  const figures = [
    ...rows.map(({ figure, state }) =>
      state ? `${figure.phraseWithItems}${sep}${state.text}` : figure.phraseWithItems,
    ),
    ...computed.map((share) =>
      t(lang, 'chartComputedValue', { label: share.label, value: `${share.sum} ≈ ${share.percentText}` }),
    ),
  ].join(sep);
  return title ? t(lang, 'chartDescription', { chart: title, figures }) : figures;
}

function block(
  lang: Lang,
  id: string | undefined,
  title: string | undefined,
  groups: FigureGroup[],
  computed: ComputedShare[],
): FigureBlock {
  const rows = groups.flatMap((group) => group.rows);
  const listSep = t(lang, 'chartListSeparator');
  return {
    id,
    title,
    groups,
    computed,
    description: describe(lang, title, rows, computed),
    unitNote: rows.some((row) => row.mark.kind === 'units') ? t(lang, 'chartUnitNote') : undefined,
    table: [
      ...rows.map(({ figure, state }) => ({
        name: figure.name,
        value: figure.valueText,
        details: [figure.items.join(listSep), state?.label].filter(Boolean).join(listSep),
      })),
      ...computed.map((share) => ({ name: share.label, value: share.percentText, details: share.sum })),
    ],
  };
}

/**
 * The figure blocks of a section: one per declared chart, in order, then one of the figures
 * no chart draws (or of all figures, where the section declares no chart).
 */
export function figureBlocks(section: FigureSection, lang: Lang): FigureBlock[] {
  const stats = new Map(section.stats.map((stat) => [stat.id, stat]));
  const drawn = new Set<string>();
  const blocks = section.charts.map((chart) => {
    const states = new Map((chart.states ?? []).map((state) => [state.of, state]));
    const groups = chart.rows.map((row): FigureGroup => {
      const rowStats = row.stats.map((id) => requireStat(stats, id));
      const scaleMax = Math.max(0, ...rowStats.map((stat) => stat.value));
      rowStats.forEach((stat) => drawn.add(stat.id));
      return {
        draw: row.draw,
        rows: rowStats.map((stat) => {
          const state = states.get(stat.id);
          return {
            figure: toFigure(stat, lang),
            mark: markFor(row.draw, stat, scaleMax),
            state: state && { label: state.label, text: state.text },
          };
        }),
        scaleEnd: row.draw === 'bars' ? formatNumber(scaleMax, lang) : undefined,
      };
    });
    const computed = (chart.computed ?? []).map((share): ComputedShare => {
      const [part, whole] = [requireStat(stats, share.part), requireStat(stats, share.whole)];
      return {
        label: t(lang, 'chartComputed', { label: share.label }),
        percentText: formatValueWithUnit(
          { value: sharePercent(part.value, whole.value), unit: '%', label: '' },
          lang,
        ),
        sum: `${formatNumber(part.value, lang)} ÷ ${formatNumber(whole.value, lang)}`,
      };
    });
    return block(lang, chart.id, chart.title, groups, computed);
  });
  const rest = section.stats.filter((stat) => !drawn.has(stat.id));
  if (rest.length > 0) {
    const rows = rest.map((stat): FigureRow => ({ figure: toFigure(stat, lang), mark: { kind: 'none' } }));
    blocks.push(block(lang, undefined, undefined, [{ draw: 'none', rows }], []));
  }
  return blocks;
}

/** Every figure of a section once, with its mark, in block order (the home page's cards). */
export function figureRows(section: FigureSection, lang: Lang): FigureRow[] {
  return figureBlocks(section, lang).flatMap((b) => b.groups.flatMap((group) => group.rows));
}
