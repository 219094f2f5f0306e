/**
 * Build-time charts of the sections' figures. Everything here is pure: the frontmatter stats
 * of one section go in, a chart model comes out (what each figure is, how long its bar is, the
 * text alternative, the data table) together with a "scene" of marks that a component draws as
 * inline SVG. Nothing is derived that the source does not state, except the one share that is
 * labelled as computed.
 */
import { t } from '../i18n';
import { formatNumber, formatValueWithUnit, statPhrase, type StatLike } from './format';
import type { Lang } from './i18n';

/** A frontmatter stat as charts need it; `Section['data']['stats'][number]` satisfies it. */
export interface ChartStat extends StatLike {
  id: string;
  items?: readonly string[] | undefined;
}

/** The part of a section a chart reads; `Section['data']` satisfies it. */
export interface ChartSection {
  slug: string;
  stats: readonly ChartStat[];
}

export type ChartKind = 'key-topics' | 'oversight' | 'trips' | 'outreach' | 'proposals';

const KIND_BY_SLUG: Readonly<Record<string, ChartKind>> = {
  'political-guidance': 'key-topics',
  'democratic-oversight': 'oversight',
  deliberation: 'trips',
  consensus: 'outreach',
  proposals: 'proposals',
};

/** The chart that belongs to a section, if it has one. */
export function chartKindFor(slug: string): ChartKind | undefined {
  return Object.hasOwn(KIND_BY_SLUG, slug) ? KIND_BY_SLUG[slug] : undefined;
}

/* ------------------------------------------------------------------------------------------ */
/* Models                                                                                       */
/* ------------------------------------------------------------------------------------------ */

export interface ChartFigure {
  id: string;
  value: number;
  unit: string;
  label: string;
  items: readonly string[];
  /** "404件", "1,255 participations". */
  valueText: string;
  /** The whole figure as one phrase, names included: what a screen reader hears. */
  phrase: string;
}

/** Dots for large counts, larger discs for people, diamonds for small counts of named things. */
export type UnitShape = 'dot' | 'disc' | 'diamond';

export type FigureVisual =
  /** A bar on a scale shared with the other bars of the chart (same unit): ratio of the longest. */
  | { kind: 'bar'; ratio: number }
  /** A percentage on a 0–100 scale. */
  | { kind: 'meter'; ratio: number }
  /** One mark per thing counted. */
  | { kind: 'units'; shape: UnitShape; count: number };

export interface ChartRow {
  figure: ChartFigure;
  visual: FigureVisual;
  /** Rows of one group share a scale; a rule separates groups. */
  group: number;
  /** A state the source states without a number, shown with the row ("all handled"). */
  marker?: string | undefined;
  /** What a screen reader hears for the row: the phrase, and the marker's sentence if any. */
  spoken: string;
}

/** Plain arithmetic on two stated figures, always labelled as computed. */
export interface ComputedShare {
  /** "经审查立案占提出提案的比例（计算值）". */
  label: string;
  /** Rounded to one decimal: 89.4. */
  percent: number;
  /** "89.4%". */
  percentText: string;
  /** The arithmetic: "361 ÷ 404 ≈ 89.4%". */
  sum: string;
  /** Label and arithmetic: "…（计算值）：361 ÷ 404 ≈ 89.4%". */
  sentence: string;
}

export interface TableRow {
  label: string;
  value: string;
  items: string;
}

export interface ChartModel {
  kind: ChartKind;
  slug: string;
  title: string;
  rows: ChartRow[];
  /** States without a number, as sentences ("提案已全部办结"). */
  states: string[];
  computed: ComputedShare[];
  /** The text alternative: every figure, state and computed value in one paragraph. */
  description: string;
  /** Explains the unit marks, when the chart has any. */
  unitNote: string | undefined;
  table: TableRow[];
  /** Whether the data table needs a column for named items. */
  hasItems: boolean;
}

/** The stat a chart needs, or an error that names the section, the file and the stat. */
export function requireStat(section: ChartSection, id: string, lang: Lang): ChartStat {
  const stat = section.stats.find((candidate) => candidate.id === id);
  if (!stat) {
    throw new Error(
      `Chart for section "${section.slug}" needs stat "${id}", which is missing from ` +
        `content/sections/${lang}/${section.slug}.mdx (stats: ${section.stats.map((s) => s.id).join(', ') || 'none'})`,
    );
  }
  return stat;
}

export function chartFigure(stat: ChartStat, lang: Lang): ChartFigure {
  const items = stat.items ?? [];
  const phrase = statPhrase(stat, lang);
  return {
    id: stat.id,
    value: stat.value,
    unit: stat.unit,
    label: stat.label,
    items,
    valueText: formatValueWithUnit(stat, lang),
    phrase:
      items.length > 0
        ? t(lang, 'chartItemsPhrase', { phrase, items: items.join(t(lang, 'chartListSeparator')) })
        : phrase,
  };
}

/** Share of `part` in `whole` in per cent, rounded to one decimal (361 of 404 → 89.4). */
export function sharePercent(part: number, whole: number): number {
  if (whole <= 0) throw new Error(`Cannot compute a share of ${whole}`);
  return Math.round((part / whole) * 1000) / 10;
}

/** Lengths of bars that share a scale, as fractions of the longest (which is 1). */
export function barRatios(values: readonly number[]): number[] {
  const longest = Math.max(0, ...values);
  return values.map((value) => (longest === 0 ? 0 : value / longest));
}

interface RowSpec {
  id: string;
  visual: (stat: ChartStat) => FigureVisual;
  group: number;
  marker?: 'allHandled';
}

const units =
  (shape: UnitShape) =>
  (stat: ChartStat): FigureVisual => ({ kind: 'units', shape, count: stat.value });

function barsFor(section: ChartSection, ids: readonly string[], lang: Lang) {
  const ratios = barRatios(ids.map((id) => requireStat(section, id, lang).value));
  return (stat: ChartStat): FigureVisual => ({ kind: 'bar', ratio: ratios[ids.indexOf(stat.id)] ?? 0 });
}

const TITLE_KEY = {
  'key-topics': 'chartKeyTopicsTitle',
  oversight: 'chartOversightTitle',
  trips: 'chartTripsTitle',
  outreach: 'chartOutreachTitle',
  proposals: 'chartProposalsTitle',
} as const;

function specsFor(kind: ChartKind, section: ChartSection, lang: Lang): RowSpec[] {
  switch (kind) {
    case 'proposals': {
      const bar = barsFor(section, ['proposals-submitted', 'proposals-registered'], lang);
      return [
        { id: 'proposals-submitted', visual: bar, group: 0 },
        { id: 'proposals-registered', visual: bar, group: 0, marker: 'allHandled' },
        {
          id: 'member-satisfaction',
          visual: (stat) => ({ kind: 'meter', ratio: Math.min(stat.value, 100) / 100 }),
          group: 1,
        },
      ];
    }
    case 'oversight':
      return [
        { id: 'oversight-members', visual: units('disc'), group: 0 },
        { id: 'oversight-groups', visual: units('diamond'), group: 1 },
        { id: 'special-oversight-topics', visual: units('diamond'), group: 2 },
      ];
    case 'key-topics':
      return [
        { id: 'key-topics', visual: units('diamond'), group: 0 },
        { id: 'key-topic-participants', visual: units('dot'), group: 1 },
        { id: 'key-topic-suggestions', visual: units('dot'), group: 2 },
      ];
    case 'trips':
      return [
        { id: 'inspection-trips', visual: units('dot'), group: 0 },
        { id: 'trip-participants', visual: units('dot'), group: 1 },
      ];
    case 'outreach': {
      const bar = barsFor(section, ['members-visited-2023', 'members-visited-term'], lang);
      return [
        { id: 'members-visited-2023', visual: bar, group: 0 },
        { id: 'members-visited-term', visual: bar, group: 0 },
        { id: 'sector-visits', visual: units('dot'), group: 1 },
        { id: 'joint-duty-measures', visual: units('diamond'), group: 2 },
      ];
    }
  }
}

/** The chart model of a section, or undefined when the section has no chart. */
export function buildChart(section: ChartSection, lang: Lang): ChartModel | undefined {
  const kind = chartKindFor(section.slug);
  if (!kind) return undefined;
  const sep = t(lang, 'chartFigureSeparator');
  const rows = specsFor(kind, section, lang).map((spec): ChartRow => {
    const stat = requireStat(section, spec.id, lang);
    const figure = chartFigure(stat, lang);
    const marker = spec.marker ? t(lang, 'chartAllHandled') : undefined;
    const spoken = spec.marker ? `${figure.phrase}${sep}${t(lang, 'chartAllHandledPhrase')}` : figure.phrase;
    return { figure, visual: spec.visual(stat), group: spec.group, marker, spoken };
  });

  const states = kind === 'proposals' ? [t(lang, 'chartAllHandledPhrase')] : [];
  const computed: ComputedShare[] = [];
  if (kind === 'proposals') {
    const submitted = requireStat(section, 'proposals-submitted', lang);
    const registered = requireStat(section, 'proposals-registered', lang);
    const percent = sharePercent(registered.value, submitted.value);
    const percentText = formatValueWithUnit({ value: percent, unit: '%', label: '' }, lang);
    const base = t(lang, 'chartRegisteredShare');
    const sum = `${formatNumber(registered.value, lang)} ÷ ${formatNumber(submitted.value, lang)} ≈ ${percentText}`;
    computed.push({
      label: t(lang, 'chartComputed', { label: base }),
      percent,
      percentText,
      sum,
      sentence: t(lang, 'chartComputedValue', { label: base, sum }),
    });
  }

  const title = t(lang, TITLE_KEY[kind]);
  const listSep = t(lang, 'chartListSeparator');
  const table: TableRow[] = [
    ...rows.map(({ figure }) => ({
      label: figure.label,
      value: figure.valueText,
      items: figure.items.join(listSep),
    })),
    ...states.map(() => ({ label: t(lang, 'chartHandling'), value: t(lang, 'chartAllHandled'), items: '' })),
    ...computed.map((share) => ({ label: share.label, value: share.percentText, items: '' })),
  ];
  const figures = [
    ...rows.map((row) => row.figure.phrase),
    ...states,
    ...computed.map((share) => share.sentence),
  ].join(sep);
  return {
    kind,
    slug: section.slug,
    title,
    rows,
    states,
    computed,
    description: t(lang, 'chartDescription', { chart: title, figures }),
    unitNote: rows.some((row) => row.visual.kind === 'units') ? t(lang, 'chartUnitNote') : undefined,
    table,
    hasItems: table.some((row) => row.items !== ''),
  };
}

/** Like {@link buildChart}, for a section that must have a chart of the given kind. */
export function requireChart(section: ChartSection, kind: ChartKind, lang: Lang): ChartModel {
  const model = buildChart(section, lang);
  if (model?.kind !== kind) {
    throw new Error(`Section "${section.slug}" has no ${kind} chart (its chart: ${model?.kind ?? 'none'})`);
  }
  return model;
}

/* ------------------------------------------------------------------------------------------ */
/* Scenes: marks in CSS pixels, x in pixels or per cent of the chart's width                    */
/* ------------------------------------------------------------------------------------------ */

/** The narrowest width a chart is drawn at (a 360 px phone, less page and card padding). */
export const MIN_WIDTH = 280;

export type X = number | `${number}%`;
export type Tone = 'ink' | 'muted' | 'accent' | 'soft';

export interface Span {
  text: string;
  size: number;
  tone: Tone;
  bold?: boolean;
  serif?: boolean;
  /** Space before the span, in pixels. */
  dx?: number;
}

export type Mark =
  | { kind: 'text'; x: X; dx?: number; y: number; anchor: 'start' | 'end'; spans: Span[] }
  | { kind: 'bar'; y: number; width: X; height: number; tone: Tone; figure: string }
  | { kind: 'rule'; y: number }
  | {
      kind: 'shape';
      x: X;
      y: number;
      d: string;
      tone: Tone;
      paint: 'fill' | 'stroke';
      strokeWidth?: number;
      box?: Box;
    }
  /** One dot per unit: a dashed, round-capped stroke, one subpath per row of dots. */
  | {
      kind: 'dots';
      x: X;
      y: number;
      d: string;
      tone: Tone;
      pitch: number;
      size: number;
      count: number;
      box: Box;
    };

/** The extent of a grid of marks; narrower charts (print, small phones) shrink it to fit. */
export interface Box {
  width: number;
  height: number;
}

export interface Scene {
  height: number;
  marks: Mark[];
}

/** Whole class names for each tone, [fill, stroke], so that Tailwind finds them. */
export const TONE_CLASSES: Record<Tone, readonly [fill: string, stroke: string]> = {
  ink: ['fill-ink', 'stroke-ink'],
  muted: ['fill-muted', 'stroke-muted'],
  accent: ['fill-accent', 'stroke-accent'],
  soft: ['fill-accent-soft', 'stroke-accent-soft'],
};

/**
 * Attributes of the nested <svg> that holds a grid of marks: it keeps its size where there is
 * room and shrinks to fit where there is not (a print column, a phone under 360 px).
 */
export function gridFrame(box: Box | undefined) {
  return (
    box && {
      width: '100%',
      height: box.height,
      viewBox: `0 0 ${box.width} ${box.height}`,
      preserveAspectRatio: 'xMinYMin meet',
    }
  );
}

export type SceneSize = 'full' | 'compact';

interface UnitGeometry {
  pitch: number;
  size: number;
  columns: number;
}

// Every grid fits MIN_WIDTH. The disc grid's columns (12, 16) never divide 96 members into
// four equal-looking blocks: the source does not say how the members split across the groups.
const UNIT_GEOMETRY: Record<SceneSize, Record<UnitShape, UnitGeometry>> = {
  full: {
    dot: { pitch: 6, size: 4.2, columns: 46 },
    disc: { pitch: 14, size: 9, columns: 12 },
    diamond: { pitch: 19, size: 12, columns: 14 },
  },
  compact: {
    dot: { pitch: 5, size: 3.5, columns: 56 },
    disc: { pitch: 10, size: 6.5, columns: 16 },
    diamond: { pitch: 15, size: 10, columns: 18 },
  },
};

export function unitGeometry(shape: UnitShape, size: SceneSize): UnitGeometry {
  return UNIT_GEOMETRY[size][shape];
}

/** Rows of a unit grid: how many marks each row holds. */
export function gridRows(count: number, columns: number): number[] {
  const whole = Math.floor(count);
  return Array.from({ length: Math.ceil(whole / columns) }, (_, row) =>
    Math.min(columns, whole - row * columns),
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A round-capped stroke dashed "0 pitch" draws a dot every `pitch` pixels along each row. */
export function dotsPath(count: number, { pitch, size }: UnitGeometry, columns: number): string {
  const r = size / 2;
  return gridRows(count, columns)
    .map((n, row) => `M${round(r)} ${round(r + row * pitch)}h${round((n - 1) * pitch + 0.01)}`)
    .join('');
}

export function diamondsPath(count: number, { pitch, size }: UnitGeometry, columns: number): string {
  const h = size / 2;
  return gridRows(count, columns)
    .flatMap((n, row) =>
      Array.from({ length: n }, (_, col) => {
        const cx = h + col * pitch;
        const cy = h + row * pitch;
        return `M${round(cx)} ${round(cy - h)}l${h} ${h}l${-h} ${h}l${-h} ${-h}z`;
      }),
    )
    .join('');
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/u;

/** A generous estimate of a text's width, so that wrapped lines never overrun. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) {
    if (CJK.test(ch)) em += 1;
    else if (ch === ' ') em += 0.3;
    else if (/[il.,:;'’!|()\-]/u.test(ch)) em += 0.3;
    else if (/[mwMW%]/u.test(ch)) em += 0.9;
    else if (/[A-Z]/u.test(ch)) em += 0.68;
    else em += 0.54;
  }
  return em * size;
}

/** Breaks a label into lines no wider than `width`: between words, or between Han characters. */
export function wrapText(text: string, width: number, size: number): string[] {
  const tokens =
    text.match(/[\u2e80-\u9fff\uf900-\ufaff][，。、；：）」”]?|[^\s\u2e80-\u9fff\uf900-\ufaff]+|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const next = line + token;
    if (line.trim() !== '' && textWidth(next.trimEnd(), size) > width) {
      lines.push(line.trim());
      line = token.trim() === '' ? '' : token;
    } else {
      line = next;
    }
  }
  if (line.trim() !== '') lines.push(line.trim());
  return lines;
}

const LABEL = { size: 14, lineHeight: 20 };
const SMALL = { size: 12, lineHeight: 16 };
const NUMBER = { size: 26, lineHeight: 32 };
const CHECK = 'M1 6.5 4.5 10 12 2.5';

class SceneBuilder {
  y = 0;
  readonly marks: Mark[] = [];

  constructor(
    private readonly lang: Lang,
    private readonly size: SceneSize,
  ) {}

  gap(pixels: number) {
    this.y += pixels;
  }

  /** Baseline of a line whose box starts at the current y. */
  private baseline(size: number, lineHeight: number) {
    return round(this.y + lineHeight / 2 + size * 0.36);
  }

  value(figure: ChartFigure) {
    const unitGap = figure.unit === '%' ? 1 : this.lang === 'zh' ? 2 : 5;
    this.marks.push({
      kind: 'text',
      x: 0,
      y: this.baseline(NUMBER.size, NUMBER.lineHeight),
      anchor: 'start',
      spans: [
        {
          text: formatNumber(figure.value, this.lang),
          size: NUMBER.size,
          tone: 'accent',
          bold: true,
          serif: true,
        },
        ...(figure.unit
          ? [{ text: figure.unit, size: LABEL.size, tone: 'accent' as const, dx: unitGap }]
          : []),
      ],
    });
    this.y += NUMBER.lineHeight;
  }

  lines(text: string, tone: Tone, { size, lineHeight } = LABEL, x: X = 0, dx = 0, width = MIN_WIDTH) {
    for (const line of wrapText(text, width, size)) {
      this.marks.push({
        kind: 'text',
        x,
        dx,
        y: this.baseline(size, lineHeight),
        anchor: 'start',
        spans: [{ text: line, size, tone }],
      });
      this.y += lineHeight;
    }
  }

  rule() {
    this.marks.push({ kind: 'rule', y: round(this.y) });
  }

  visual(row: ChartRow) {
    const { visual, figure } = row;
    const compact = this.size === 'compact';
    if (visual.kind === 'bar' || visual.kind === 'meter') {
      const height = compact ? 10 : 14;
      // A meter is a bar over a full-width track, read against its 0–100 % scale.
      if (visual.kind === 'meter') {
        this.marks.push({ kind: 'bar', y: this.y, width: '100%', height, tone: 'soft', figure: '' });
      }
      this.marks.push({
        kind: 'bar',
        y: this.y,
        width: `${round(visual.ratio * 100)}%`,
        height,
        tone: 'accent',
        figure: figure.id,
      });
      this.y += height;
      if (visual.kind === 'meter' && !compact) this.scale();
    } else {
      this.units(visual.shape, visual.count, figure.items);
    }
    if (row.marker) this.marker(row.marker);
  }

  /** 0 and 100 % under a meter, so the track reads as a scale. */
  private scale() {
    const y = this.y + 4;
    const tick = (value: number) => formatValueWithUnit({ value, unit: '%', label: '' }, this.lang);
    for (const [x, value] of [[0, 0] as const, ['100%', 100] as const]) {
      this.marks.push({
        kind: 'text',
        x,
        y: round(y + SMALL.lineHeight / 2 + SMALL.size * 0.36),
        anchor: x === 0 ? 'start' : 'end',
        spans: [{ text: tick(value), size: SMALL.size, tone: 'muted' }],
      });
    }
    this.y = y + SMALL.lineHeight;
  }

  private marker(text: string) {
    this.gap(8);
    this.marks.push({
      kind: 'shape',
      x: 0,
      y: round(this.y + 3),
      d: CHECK,
      tone: 'accent',
      paint: 'stroke',
      strokeWidth: 2.2,
    });
    this.marks.push({
      kind: 'text',
      x: 19,
      y: this.baseline(LABEL.size, LABEL.lineHeight),
      anchor: 'start',
      spans: [{ text, size: LABEL.size, tone: 'ink', bold: true }],
    });
    this.y += LABEL.lineHeight;
  }

  private units(shape: UnitShape, count: number, items: readonly string[]) {
    const geometry = unitGeometry(shape, this.size);
    // Named things (the four groups, the four topics) in the full chart: one diamond per name.
    if (shape === 'diamond' && this.size === 'full' && items.length > 0 && items.length === count) {
      this.namedDiamonds(items);
      return;
    }
    const rows = gridRows(count, geometry.columns);
    const box = {
      width: round(((rows[0] ?? 1) - 1) * geometry.pitch + geometry.size),
      height: rows.length === 0 ? 0 : round((rows.length - 1) * geometry.pitch + geometry.size),
    };
    if (shape === 'diamond') {
      this.marks.push({
        kind: 'shape',
        x: 0,
        y: this.y,
        d: diamondsPath(count, geometry, geometry.columns),
        tone: 'accent',
        paint: 'fill',
        box,
      });
    } else {
      this.marks.push({
        kind: 'dots',
        x: 0,
        y: this.y,
        d: dotsPath(count, geometry, geometry.columns),
        tone: 'accent',
        pitch: geometry.pitch,
        size: geometry.size,
        count,
        box,
      });
    }
    this.y += box.height;
  }

  /** One diamond and one name per line; two columns when every name fits half the width. */
  private namedDiamonds(items: readonly string[]) {
    const diamond = unitGeometry('diamond', 'full');
    const indent = diamond.size + 8;
    const half = MIN_WIDTH / 2 - indent - 8;
    const columns = items.every((item) => textWidth(item, LABEL.size) <= half) ? 2 : 1;
    const width = columns === 2 ? half : MIN_WIDTH - indent;
    for (let start = 0; start < items.length; start += columns) {
      const top = this.y;
      let bottom = top;
      items.slice(start, start + columns).forEach((item, column) => {
        const x = column === 0 ? 0 : '50%';
        this.y = top;
        const centre = top + LABEL.lineHeight / 2;
        this.marks.push({
          kind: 'shape',
          x,
          y: round(centre - diamond.size / 2),
          d: diamondsPath(1, diamond, 1),
          tone: 'accent',
          paint: 'fill',
        });
        this.lines(item, 'ink', LABEL, x, indent, width);
        bottom = Math.max(bottom, this.y);
      });
      this.y = bottom + 2;
    }
  }

  scene(): Scene {
    return { height: Math.ceil(this.y), marks: this.marks };
  }
}

/** The whole chart: each figure's number and label above its bar, meter or marks. */
export function chartScene(model: ChartModel, lang: Lang): Scene {
  const builder = new SceneBuilder(lang, 'full');
  model.rows.forEach((row, index) => {
    const previous = model.rows[index - 1];
    if (previous && previous.group !== row.group) {
      builder.gap(20);
      builder.rule();
      builder.gap(16);
    } else if (previous) {
      builder.gap(18);
    }
    builder.value(row.figure);
    builder.lines(row.figure.label, 'muted');
    builder.gap(8);
    builder.visual(row);
  });
  builder.gap(2);
  return builder.scene();
}

/** One figure's mark alone, for the home page, where the number and label are set in HTML. */
export function figureScene(row: ChartRow, lang: Lang): Scene {
  const builder = new SceneBuilder(lang, 'compact');
  builder.visual(row);
  return builder.scene();
}
