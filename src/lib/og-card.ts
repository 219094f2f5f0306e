/**
 * Share-preview cards (Open Graph / Twitter, 1200×630 PNG), drawn at build time.
 *
 * The card is an SVG that sharp (libvips + librsvg) rasterizes; its text is set by Pango and
 * HarfBuzz in a CJK font that fontconfig finds on the machine (Debian: `fonts-noto-cjk`).
 * SVG has no line breaking, so this module breaks lines itself, with widths that Pango measures
 * in the very font the SVG will be drawn with: every line is known to fit before it is drawn.
 *
 * Three steps, each exported for tests: {@link measureCard} (async: fonts and widths),
 * {@link layoutOgCard} (pure: sizes, line breaks, positions), {@link ogCardSvg} (pure: markup);
 * {@link renderOgPng} runs them and rasterizes. No Astro here: the endpoint that feeds it page
 * data is src/pages/og/[...page].png.ts.
 */
import sharp from 'sharp';
import { formatNumber, formatValueWithUnit, type StatLike } from './format';
import { LANG_TAG, type Lang } from './i18n';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** What one card says, in one language. */
export interface OgCardModel {
  lang: Lang;
  /** Small line at the top, after the diamond: the report's title on a section's card. */
  kicker: string;
  /** The page's title, set large; a newline forces a break (the cover title's two phrases). */
  heading: string;
  /** Optional line under the heading (the report's subtitle on the cover). */
  subheading?: string | undefined;
  /** The one figure the card shows; none leaves the heading alone. */
  stat?: StatLike | undefined;
  /** The publishing body, at the foot of the card. */
  committee: string;
  /** Short tag at the top right: "第三部分", "Full report". */
  tag?: string | undefined;
}

// ---------------------------------------------------------------------------------------------
// Palette and type (src/styles/global.css, light scheme)

const COLORS = {
  paper: '#faf7f2',
  ink: '#1c1917',
  muted: '#57534e',
  rule: '#e2dcd3',
  accent: '#a61b1b',
  accentSoft: '#f6e7e3',
};

/** The four faces a card uses: serif for titles and figures (as the site), sans for labels. */
export type Face = 'serifBold' | 'serif' | 'sansBold' | 'sans';

/** The font families fontconfig resolved for the card's faces. */
export interface CardFonts {
  serif: string;
  sans: string;
}

const FACE_FAMILY: Record<Face, keyof CardFonts> = {
  serifBold: 'serif',
  serif: 'serif',
  sansBold: 'sans',
  sans: 'sans',
};
const FACE_WEIGHT: Record<Face, 400 | 700> = { serifBold: 700, serif: 400, sansBold: 700, sans: 400 };

// ---------------------------------------------------------------------------------------------
// Line breaking (pure)

/** A piece of text no line break may split: a Latin word, one Han character with its clinging punctuation. */
export interface BreakUnit {
  text: string;
  /** A space precedes it in the text (dropped when the unit starts a line). */
  spaceBefore: boolean;
  /** A hard break ("\n") precedes it. */
  breakBefore: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** Closing punctuation and the like: never starts a line (kinsoku), in either language. */
const NO_BREAK_BEFORE = /[，。、；：？！）》」』】〉〕”’％,.;:?!)\]}%…·]/u;
/** Opening punctuation: never ends a line. */
const NO_BREAK_AFTER = /[（《「『【〈〔“‘([{]/u;

/**
 * Splits text into the units between which a line may break: at spaces, and between CJK
 * characters except where Chinese typesetting forbids it (closing punctuation never begins a
 * line, opening punctuation never ends one, a dash pair and a figure with its measure word such
 * as "2023年" stay whole).
 */
export function breakUnits(text: string): BreakUnit[] {
  const units: BreakUnit[] = [];
  let space = false;
  let hardBreak = false;
  let glueNext = false;
  for (const char of text) {
    if (char === '\n') {
      hardBreak = units.length > 0;
      space = false;
      glueNext = false;
      continue;
    }
    if (/\s/u.test(char)) {
      space = units.length > 0;
      continue;
    }
    const last = units.at(-1);
    const lastChar = last ? [...last.text].at(-1)! : '';
    const attached = last !== undefined && !space && !hardBreak;
    const join =
      attached &&
      (glueNext ||
        NO_BREAK_BEFORE.test(char) ||
        (char === '—' && lastChar === '—') ||
        (CJK.test(char)
          ? /\d/u.test(lastChar) && !NO_BREAK_BEFORE.test(char)
          : !CJK.test(lastChar) && lastChar !== '—'));
    if (join) {
      last.text += char;
    } else {
      units.push({ text: char, spaceBefore: space && !hardBreak, breakBefore: hardBreak });
    }
    glueNext = NO_BREAK_AFTER.test(char);
    space = false;
    hardBreak = false;
  }
  return units;
}

/** Advance width, in pixels, of a unit (or of " ") in the face and size being set. */
export type Measure = (text: string) => number;

function greedyLines(units: BreakUnit[], maxWidth: number, measure: Measure): BreakUnit[][] {
  const lines: BreakUnit[][] = [];
  let line: BreakUnit[] = [];
  let width = 0;
  const spaceWidth = measure(' ');
  for (const unit of units) {
    const advance = measure(unit.text);
    const extra = line.length > 0 && unit.spaceBefore ? spaceWidth + advance : advance;
    if (line.length > 0 && (unit.breakBefore || width + extra > maxWidth)) {
      lines.push(line);
      line = [unit];
      width = advance;
    } else {
      line.push(unit);
      width += extra;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function lineText(line: BreakUnit[]): string {
  return line.map((unit, i) => (i > 0 && unit.spaceBefore ? ` ${unit.text}` : unit.text)).join('');
}

/** Width of a line as {@link breakLines} returns it, in the measure's face and size. */
export function lineWidth(text: string, measure: Measure): number {
  return breakUnits(text).reduce(
    (sum, unit, i) => sum + measure(unit.text) + (i > 0 && unit.spaceBefore ? measure(' ') : 0),
    0,
  );
}

/**
 * Breaks text into lines no wider than maxWidth (a unit wider than that gets a line of its
 * own), then evens them out: the fewest lines greedy filling needs, at the narrowest width that
 * still gives that many, as CSS `text-wrap: balance` does — no lone word on a last line.
 */
export function breakLines(text: string, maxWidth: number, measure: Measure): string[] {
  const units = breakUnits(text);
  if (units.length === 0) return [];
  const count = greedyLines(units, maxWidth, measure).length;
  let low = Math.max(...units.map((unit) => measure(unit.text)));
  let high = Math.max(low, maxWidth);
  while (high - low > 1) {
    const mid = (low + high) / 2;
    if (greedyLines(units, mid, measure).length <= count) high = mid;
    else low = mid;
  }
  return greedyLines(units, high, measure).map(lineText);
}

// ---------------------------------------------------------------------------------------------
// Fonts and measurement (sharp + Pango)

/** The families to try, best first, for the serif (titles, figures) and sans (labels) roles. */
export type FontCandidates = Record<keyof CardFonts, readonly string[]>;

const FAMILY_CANDIDATES: FontCandidates = {
  serif: ['Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Serif SC'],
  sans: ['Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', 'WenQuanYi Zen Hei'],
};

/** Size the widths are measured at; other sizes scale linearly (checked: ±1 px at 30–100). */
const REFERENCE_SIZE = 100;

const escapeMarkup = (text: string) =>
  text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);

function pangoFont(family: string, weight: 400 | 700, size: number): string {
  return `${family}${weight === 700 ? ' Bold' : ''} ${size}`;
}

/** Width of the inked area of text set by Pango (libvips crops its text images to the ink). */
async function inkWidth(markup: string, font: string): Promise<number> {
  const { width } = await sharp({ text: { text: markup, font, dpi: 72 } }).metadata();
  return width;
}

/**
 * Advance width of text at REFERENCE_SIZE: the ink of "|text|" less that of "||" is exactly the
 * text's advance (bearings cancel out), which is what sits between a line's start and its end.
 */
async function advanceWidth(text: string, family: string, weight: 400 | 700, fallback = true) {
  const font = pangoFont(family, weight, REFERENCE_SIZE);
  const wrap = (inner: string) => (fallback ? inner : `<span fallback="false">${inner}</span>`);
  const [withText, bars] = await Promise.all([
    inkWidth(wrap(`|${escapeMarkup(text)}|`), font),
    inkWidth(wrap('||'), font),
  ]);
  return withText - bars;
}

/**
 * Whether fontconfig has a CJK face under this family name: with fallback off, a Han character
 * in a font without it is a "tofu" box narrower than the 1 em every CJK font gives it.
 */
async function hasCjkFace(family: string): Promise<boolean> {
  const advance = await advanceWidth('国', family, 400, false);
  return Math.abs(advance - REFERENCE_SIZE) <= REFERENCE_SIZE * 0.02;
}

/**
 * The first candidate family of each role that fontconfig has as a CJK face (a role with none
 * borrows the other's). Throws if neither has any: the build must not publish previews whose
 * Chinese is empty boxes.
 */
export async function detectCardFonts(candidates: FontCandidates = FAMILY_CANDIDATES): Promise<CardFonts> {
  const pick = async (families: readonly string[]) => {
    for (const family of families) if (await hasCjkFace(family)) return family;
    return undefined;
  };
  const [serif, sans] = await Promise.all([pick(candidates.serif), pick(candidates.sans)]);
  const family = serif ?? sans;
  if (family === undefined) {
    throw new Error(
      [
        'No CJK font found for the share-preview images (src/lib/og-card.ts):',
        `fontconfig has none of ${[...new Set([...candidates.serif, ...candidates.sans])].join(', ')}.`,
        'Install one and build again. On Debian or Ubuntu: sudo apt-get install fonts-noto-cjk',
        '(Fedora: sudo dnf install google-noto-sans-cjk-fonts google-noto-serif-cjk-fonts).',
      ].join('\n'),
    );
  }
  return { serif: serif ?? family, sans: sans ?? family };
}

let fontsPromise: Promise<CardFonts> | undefined;

/** {@link detectCardFonts} with the default candidates, once per process. */
export function findCardFonts(): Promise<CardFonts> {
  fontsPromise ??= detectCardFonts().catch((error: unknown) => {
    fontsPromise = undefined;
    throw error;
  });
  return fontsPromise;
}

/** Advance widths for the layout, in any face and size: `metrics(face, size)` is a {@link Measure}. */
export type CardMetrics = (face: Face, size: number) => Measure;

const widthCache = new Map<string, Promise<number>>();

/**
 * Measures every unit of the card's text in the faces it is set in, and returns the metrics
 * the pure layout needs. Widths are cached across cards (the report title recurs on each).
 */
export async function measureCard(model: OgCardModel, fonts: CardFonts): Promise<CardMetrics> {
  const texts = textsByFace(model);
  const known = new Map<string, number>();
  const key = (face: Face, text: string) =>
    `${fonts[FACE_FAMILY[face]]}\u0000${FACE_WEIGHT[face]}\u0000${text}`;
  await Promise.all(
    (Object.keys(texts) as Face[]).flatMap((face) =>
      [' ', ...new Set(texts[face].flatMap((text) => breakUnits(text).map((unit) => unit.text)))].map(
        async (text) => {
          const k = key(face, text);
          let width = widthCache.get(k);
          if (!width) {
            width = advanceWidth(text, fonts[FACE_FAMILY[face]], FACE_WEIGHT[face]);
            widthCache.set(k, width);
          }
          known.set(k, await width);
        },
      ),
    ),
  );
  return (face, size) => (text) => {
    const width = known.get(key(face, text));
    if (width === undefined) throw new Error(`og-card: "${text}" was not measured in ${face}`);
    return (width * size) / REFERENCE_SIZE;
  };
}

// ---------------------------------------------------------------------------------------------
// Layout (pure)

/** One line of text, placed: x is its start (or its end, for anchor "end"); y its baseline. */
export interface PlacedLine {
  text: string;
  face: Face;
  size: number;
  color: string;
  x: number;
  y: number;
  width: number;
  anchor?: 'end';
}

/** A block of lines and the box its glyphs can occupy (ascent of the first line to descent of the last). */
export interface PlacedBlock {
  lines: PlacedLine[];
  top: number;
  bottom: number;
}

export interface OgLayout {
  lang: Lang;
  kicker: PlacedBlock;
  tag?: PlacedBlock | undefined;
  heading: PlacedBlock;
  subheading?: PlacedBlock | undefined;
  figure?: PlacedBlock | undefined;
  label?: PlacedBlock | undefined;
  committee: PlacedBlock;
  /** The horizontal rule above the committee's name. */
  ruleY: number;
  /** The small diamond before the kicker: centre and half-diagonal. */
  diamond: { x: number; y: number; r: number };
}

/** Left edge of the text column (after the accent bar) and its right edge. */
export const CONTENT_LEFT = 88;
export const CONTENT_RIGHT = OG_WIDTH - 80;
const BAR_WIDTH = 14;
const TOP = 54;
const BOTTOM = OG_HEIGHT - 40;
/** Glyph extents in em: Noto/Source Han's ideographs reach 0.88 above the baseline; Latin descenders 0.2 below. */
const ASCENT = 0.88;
const DESCENT = 0.2;

interface TypeScale {
  kicker: number;
  tag: number;
  heading: { max: number; min: number; lines: number };
  subheading: number;
  number: readonly number[];
  label: number;
  committee: number;
}

const SCALE: Record<Lang, TypeScale> = {
  zh: {
    kicker: 28,
    tag: 26,
    heading: { max: 88, min: 44, lines: 3 },
    subheading: 30,
    number: [150, 132, 116],
    label: 32,
    committee: 26,
  },
  en: {
    kicker: 24,
    tag: 24,
    heading: { max: 66, min: 40, lines: 3 },
    subheading: 28,
    number: [150, 132, 116],
    label: 30,
    committee: 24,
  },
};

const LINE_HEIGHT = { tight: 1.2, text: 1.38 };

function textsByFace(model: OgCardModel): Record<Face, string[]> {
  const figure = model.stat ? figureParts(model.stat, model.lang) : undefined;
  return {
    serifBold: [model.kicker, model.heading, ...(figure ? [figure.number] : [])],
    serif: [model.committee, ...(model.subheading ? [model.subheading] : [])],
    sansBold: [...(model.tag ? [model.tag] : []), ...(figure?.unit ? [figure.unit] : [])],
    sans: model.stat ? [model.stat.label] : [],
  };
}

/** The number and the unit, split where formatValueWithUnit joins them ("1,255" + "participations"). */
export function figureParts(stat: StatLike, lang: Lang): { number: string; unit: string; spaced: boolean } {
  const number = formatNumber(stat.value, lang);
  const whole = formatValueWithUnit(stat, lang);
  const rest = whole.startsWith(number) ? whole.slice(number.length) : ` ${stat.unit}`;
  return { number, unit: rest.trim(), spaced: rest.startsWith(' ') };
}

interface BlockSpec {
  text: string;
  face: Face;
  size: number;
  color: string;
  x: number;
  maxWidth: number;
  lineHeight: number;
}

function setLines(spec: BlockSpec, metrics: CardMetrics): string[] {
  return breakLines(spec.text, spec.maxWidth, metrics(spec.face, spec.size));
}

/** The largest size, from spec.size down to minSize, at which the text takes at most maxLines. */
function fitBlock(
  spec: BlockSpec,
  maxLines: number,
  minSize: number,
  metrics: CardMetrics,
): { spec: BlockSpec; lines: string[] } | undefined {
  for (let size = spec.size; size >= minSize; size -= 1) {
    const sized = { ...spec, size };
    const lines = setLines(sized, metrics);
    const measure = metrics(spec.face, size);
    if (lines.length <= maxLines && lines.every((line) => lineWidth(line, measure) <= spec.maxWidth + 0.5)) {
      return { spec: sized, lines };
    }
  }
  return undefined;
}

function fitBlockOrThrow(
  spec: BlockSpec,
  maxLines: number,
  minSize: number,
  metrics: CardMetrics,
  what: string,
): [BlockSpec, string[]] {
  const fitted = fitBlock(spec, maxLines, minSize, metrics);
  if (!fitted)
    throw new Error(`og-card: the ${what} "${spec.text}" does not fit ${maxLines} line(s) of a card`);
  return [fitted.spec, fitted.lines];
}

/** Places lines from a first baseline downwards. */
function placeDown(
  spec: BlockSpec,
  lines: string[],
  firstBaseline: number,
  metrics: CardMetrics,
): PlacedBlock {
  const measure = metrics(spec.face, spec.size);
  const step = spec.size * spec.lineHeight;
  return {
    lines: lines.map((text, i) => ({
      text,
      face: spec.face,
      size: spec.size,
      color: spec.color,
      x: spec.x,
      y: firstBaseline + i * step,
      width: lineWidth(text, measure),
    })),
    top: firstBaseline - spec.size * ASCENT,
    bottom: firstBaseline + (lines.length - 1) * step + spec.size * DESCENT,
  };
}

/** Places lines so that the last baseline sits at lastBaseline. */
function placeUp(spec: BlockSpec, lines: string[], lastBaseline: number, metrics: CardMetrics): PlacedBlock {
  const step = spec.size * spec.lineHeight;
  return placeDown(spec, lines, lastBaseline - (lines.length - 1) * step, metrics);
}

const shiftBlock = (block: PlacedBlock, dy: number): PlacedBlock => ({
  lines: block.lines.map((line) => ({ ...line, y: line.y + dy })),
  top: block.top + dy,
  bottom: block.bottom + dy,
});

const fits = (lines: PlacedLine[], right: number) =>
  lines.every((line) => line.x + line.width <= right + 0.5);

const unitFace: Face = 'sansBold';

/** The number, its unit and the label above the rule, or undefined if none fits. */
function placeFigure(
  labelText: string,
  figure: { number: string; unit: string; spaced: boolean },
  numberSize: number,
  ruleY: number,
  scale: TypeScale,
  metrics: CardMetrics,
): { figure: PlacedBlock; label: PlacedBlock } | undefined {
  const percent = figure.unit === '%';
  const numberWidth = lineWidth(figure.number, metrics('serifBold', numberSize));
  const numberLine = (y: number): PlacedLine => ({
    text: figure.number,
    face: 'serifBold',
    size: numberSize,
    color: COLORS.accent,
    x: CONTENT_LEFT,
    y,
    width: numberWidth,
  });
  const unitLine = (size: number, x: number, y: number): PlacedLine => ({
    text: figure.unit,
    face: unitFace,
    size,
    color: COLORS.accent,
    x,
    y,
    width: lineWidth(figure.unit, metrics(unitFace, size)),
  });
  // Lining figures stand 0.74 em tall in these faces; nothing of the number hangs below.
  const figureBlock = (lines: PlacedLine[], baseline: number): PlacedBlock => ({
    lines,
    top: Math.min(...lines.map((line) => line.y - line.size * (line === lines[0] ? 0.74 : ASCENT))),
    bottom: baseline,
  });
  const labelSpec = (x: number, maxWidth: number): BlockSpec => ({
    text: labelText,
    face: 'sans',
    size: scale.label,
    color: COLORS.muted,
    x,
    maxWidth,
    lineHeight: LINE_HEIGHT.text,
  });
  const baseline = ruleY - 40;

  // Number and unit on one baseline ("1255人次", "98%").
  const inlineUnitSize = Math.round(numberSize * (percent ? 0.5 : 0.34));
  const gap = figure.spaced ? numberSize * 0.12 : numberSize * 0.04;
  const inline = (y: number) => {
    const lines = [numberLine(y)];
    if (figure.unit) lines.push(unitLine(inlineUnitSize, CONTENT_LEFT + numberWidth + gap, y));
    return lines;
  };
  const inlineRight = Math.max(...inline(0).map((line) => line.x + line.width));

  // (1) The label beside number and unit, bottom-aligned, in at most two lines.
  const besideX = inlineRight + 40;
  const beside = labelSpec(besideX, Math.min(CONTENT_RIGHT - besideX, 520));
  if (beside.maxWidth >= 280) {
    const lines = setLines(beside, metrics);
    if (lines.length <= 2) {
      return {
        figure: figureBlock(inline(baseline), baseline),
        label: placeUp(beside, lines, baseline, metrics),
      };
    }
  }

  // (2) The unit and the label stacked beside the number (a long English unit).
  if (figure.unit && !percent) {
    const columnX = CONTENT_LEFT + numberWidth + numberSize * 0.16;
    const column = labelSpec(columnX, Math.min(CONTENT_RIGHT - columnX, 600));
    const unitSize = Math.round(numberSize * 0.3);
    const unitWidth = lineWidth(figure.unit, metrics(unitFace, unitSize));
    if (column.maxWidth >= 320 && unitWidth <= column.maxWidth) {
      const lines = setLines(column, metrics);
      if (lines.length <= 2) {
        const label = placeUp(column, lines, baseline, metrics);
        const unit = unitLine(unitSize, columnX, label.top - 12 - unitSize * DESCENT);
        return { figure: figureBlock([numberLine(baseline), unit], baseline), label };
      }
    }
  }

  // (3) Number and unit, the label under them.
  const under = labelSpec(CONTENT_LEFT, Math.min(CONTENT_RIGHT - CONTENT_LEFT, 880));
  const lines = setLines(under, metrics);
  if (lines.length > 2 || inlineRight > CONTENT_RIGHT) return undefined;
  const label = placeUp(under, lines, ruleY - 36, metrics);
  const numberBaseline = label.top - 24;
  return { figure: figureBlock(inline(numberBaseline), numberBaseline), label };
}

/**
 * Lays the card out: kicker and tag at the top, heading below them, the figure and its label
 * above a rule, the committee at the foot. The heading and the figure shrink, in steps, until
 * every line fits the column and the heading clears the figure; a card that cannot fit even at
 * the smallest sizes is an error rather than a clipped image.
 */
export function layoutOgCard(model: OgCardModel, metrics: CardMetrics): OgLayout {
  const scale = SCALE[model.lang];
  const width = CONTENT_RIGHT - CONTENT_LEFT;

  // Foot: the committee's name, bottom-aligned, with a rule above it; one line if a slightly
  // smaller size allows it, else two.
  const committeeSpec: BlockSpec = {
    text: model.committee,
    face: 'serif',
    size: scale.committee,
    color: COLORS.muted,
    x: CONTENT_LEFT,
    maxWidth: width,
    lineHeight: LINE_HEIGHT.text,
  };
  const committeeOneLine = fitBlock(committeeSpec, 1, scale.committee - 3, metrics);
  const committee = committeeOneLine
    ? placeUp(committeeOneLine.spec, committeeOneLine.lines, BOTTOM, metrics)
    : placeUp(
        ...fitBlockOrThrow(committeeSpec, 2, scale.committee - 6, metrics, 'committee'),
        BOTTOM,
        metrics,
      );
  const ruleY = Math.round(committee.top - 22);

  // Top: tag at the right, kicker after the diamond, in the width the tag leaves.
  const kickerBaseline = TOP + scale.kicker * ASCENT;
  let tag: PlacedBlock | undefined;
  let kickerRight = CONTENT_RIGHT;
  if (model.tag) {
    const tagMeasure = metrics('sansBold', scale.tag);
    const tagWidth = lineWidth(model.tag, tagMeasure);
    tag = {
      lines: [
        {
          text: model.tag,
          face: 'sansBold',
          size: scale.tag,
          color: COLORS.accent,
          x: CONTENT_RIGHT,
          y: kickerBaseline,
          width: tagWidth,
          anchor: 'end',
        },
      ],
      top: kickerBaseline - scale.tag * ASCENT,
      bottom: kickerBaseline + scale.tag * DESCENT,
    };
    kickerRight = CONTENT_RIGHT - tagWidth - 40;
  }
  const diamondSize = Math.round(scale.kicker * 0.5);
  const kickerSpec: BlockSpec = {
    text: model.kicker,
    face: 'serifBold',
    size: scale.kicker,
    color: COLORS.muted,
    x: CONTENT_LEFT + diamondSize + 16,
    maxWidth: kickerRight - (CONTENT_LEFT + diamondSize + 16),
    lineHeight: LINE_HEIGHT.text,
  };
  const kicker = placeDown(
    ...fitBlockOrThrow(kickerSpec, 2, scale.kicker - 6, metrics, 'kicker'),
    kickerBaseline,
    metrics,
  );
  const diamond = {
    x: CONTENT_LEFT + diamondSize / 2,
    y: kickerBaseline - scale.kicker * 0.36,
    r: diamondSize / 2,
  };

  const figure = model.stat ? figureParts(model.stat, model.lang) : undefined;
  const numbers = figure ? scale.number : [0];
  // Every figure size with the largest heading that clears it; the largest heading wins, and
  // between equal headings the larger figure.
  let best: OgLayout | undefined;
  for (const numberSize of numbers) {
    let figureBlock: PlacedBlock | undefined;
    let label: PlacedBlock | undefined;
    let ceiling = ruleY - 30;
    if (figure && model.stat) {
      const placed = placeFigure(model.stat.label, figure, numberSize, ruleY, scale, metrics);
      if (!placed) continue;
      ({ figure: figureBlock, label } = placed);
      ceiling = Math.min(figureBlock.top, label.top) - 40;
    }
    const text = placeHeading(model, kicker.bottom + 34, ceiling, metrics);
    if (!text) continue;
    if (best && best.heading.lines[0]!.size >= text.heading.lines[0]!.size) continue;
    best = { lang: model.lang, kicker, tag, ...text, figure: figureBlock, label, committee, ruleY, diamond };
  }
  if (!best) {
    throw new Error(
      `og-card: "${model.heading}" (${model.lang}) does not fit a 1200×630 card even at the smallest type sizes`,
    );
  }
  return best;
}

/** Heading (and subheading) from top down, as large as fits above ceiling; undefined if none does. */
function placeHeading(
  model: OgCardModel,
  top: number,
  ceiling: number,
  metrics: CardMetrics,
): { heading: PlacedBlock; subheading: PlacedBlock | undefined } | undefined {
  const scale = SCALE[model.lang];
  const width = CONTENT_RIGHT - CONTENT_LEFT;
  let subheadingLines: string[] | undefined;
  const subSpec: BlockSpec = {
    text: model.subheading ?? '',
    face: 'serif',
    size: scale.subheading,
    color: COLORS.muted,
    x: CONTENT_LEFT,
    maxWidth: width,
    lineHeight: LINE_HEIGHT.text,
  };
  if (model.subheading) {
    subheadingLines = fitBlockOrThrow(subSpec, 2, scale.subheading, metrics, 'subheading')[1];
  }
  for (let size = scale.heading.max; size >= scale.heading.min; size -= 2) {
    const spec: BlockSpec = {
      text: model.heading,
      face: 'serifBold',
      size,
      color: COLORS.ink,
      x: CONTENT_LEFT,
      maxWidth: width,
      lineHeight: LINE_HEIGHT.tight,
    };
    const lines = setLines(spec, metrics);
    if (lines.length > scale.heading.lines) continue;
    const heading = placeDown(spec, lines, top + size * ASCENT, metrics);
    if (!fits(heading.lines, CONTENT_RIGHT)) continue;
    const subheading = subheadingLines
      ? placeDown(subSpec, subheadingLines, heading.bottom + 22 + subSpec.size * ASCENT, metrics)
      : undefined;
    const bottom = (subheading ?? heading).bottom;
    if (bottom > ceiling) continue;
    // Room to spare (a short title) goes partly above the heading, so it does not float off
    // the figure: the text sits a little above the middle of its space.
    const shift = Math.round((ceiling - bottom) * 0.4);
    return { heading: shiftBlock(heading, shift), subheading: subheading && shiftBlock(subheading, shift) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// SVG (pure)

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

const round = (n: number) => Math.round(n * 10) / 10;

const diamondPoints = (x: number, y: number, r: number) =>
  [
    [x, y - r],
    [x + r, y],
    [x, y + r],
    [x - r, y],
  ]
    .map(([px, py]) => `${round(px!)},${round(py!)}`)
    .join(' ');

/** The card as SVG markup; text is live `<text>`, set in the given families. */
export function ogCardSvg(layout: OgLayout, fonts: CardFonts): string {
  const blocks = [
    layout.kicker,
    layout.tag,
    layout.heading,
    layout.subheading,
    layout.figure,
    layout.label,
    layout.committee,
  ];
  const text = blocks
    .flatMap((block) => block?.lines ?? [])
    .map(
      (line) =>
        `<text x="${round(line.x)}" y="${round(line.y)}" font-family="'${escapeXml(fonts[FACE_FAMILY[line.face]])}'"` +
        ` font-weight="${FACE_WEIGHT[line.face]}" font-size="${line.size}" fill="${line.color}"` +
        `${line.anchor ? ` text-anchor="${line.anchor}"` : ''}>${escapeXml(line.text)}</text>`,
    );
  const d = layout.diamond;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" xml:lang="${LANG_TAG[layout.lang]}">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${COLORS.paper}"/>`,
    // The site's motif, writ large: a soft diamond leaning in from the right edge.
    `<polygon points="${diamondPoints(OG_WIDTH - 20, OG_HEIGHT * 0.52, 250)}" fill="${COLORS.accentSoft}"/>`,
    `<polygon points="${diamondPoints(OG_WIDTH - 20, OG_HEIGHT * 0.52, 178)}" fill="none" stroke="${COLORS.accent}" stroke-opacity="0.16" stroke-width="2"/>`,
    `<rect width="${BAR_WIDTH}" height="${OG_HEIGHT}" fill="${COLORS.accent}"/>`,
    `<polygon points="${diamondPoints(d.x, d.y, d.r)}" fill="${COLORS.accent}"/>`,
    `<rect x="${CONTENT_LEFT}" y="${layout.ruleY}" width="${CONTENT_RIGHT - CONTENT_LEFT}" height="2" fill="${COLORS.rule}"/>`,
    ...text,
    '</svg>',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// PNG

/** Lays out and draws one card: a 1200×630 PNG (palette-quantized: flat colours and text). */
export async function renderOgPng(model: OgCardModel): Promise<Buffer> {
  const fonts = await findCardFonts();
  const layout = layoutOgCard(model, await measureCard(model, fonts));
  return sharp(Buffer.from(ogCardSvg(layout, fonts)))
    .png({ palette: true, quality: 100, effort: 8, compressionLevel: 9 })
    .toBuffer();
}
