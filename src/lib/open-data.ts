/*
 * The figures as open data: one record per stat, with the sentence of the report that states
 * it and the address of its place on the page, as CSV (UTF-8 with a byte-order mark, so Excel
 * reads Chinese) and JSON. Pure: content in, text out; src/pages/data/ serves the files.
 * The columns are documented in README.md ("The figures as open data").
 */
import type { Chart, Stat } from '../content.config';
import { toFigure } from './figures';
import type { Lang } from './i18n';
import { typographic } from './format';
import { bodyBlocks, numbersIn } from './numbers';

/** The columns of every CSV file, in order; the JSON records have the same keys. */
export const DATA_COLUMNS = [
  'section',
  'section_title',
  'stat_id',
  'label',
  'value',
  'unit',
  'items',
  'source_sentence',
  'url',
] as const;

export interface FigureRecord {
  /** The section's slug. */
  section: string;
  section_title: string;
  stat_id: string;
  /** The figure's name, as its data table gives it. */
  label: string;
  value: number;
  unit: string;
  /** The named things counted, where the report names them. */
  items: string[];
  /** The sentence of the section's text that states the figure. */
  source_sentence: string;
  /** The figure's place: its section page and anchor. */
  url: string;
}

export interface DataSection {
  slug: string;
  title: string;
  stats: readonly Stat[];
  charts: readonly Chart[];
  numberExceptions: readonly string[];
  /** Raw MDX body. */
  body: string;
}

/** A body's sentences as the page shows them: markup, list markers and components removed. */
export function bodySentences(body: string, lang: Lang): string[] {
  const split = lang === 'zh' ? /(?<=[。！？])/u : /(?<=[.!?][”’"]?)\s+(?=[“"‘(\p{Lu}\d])/u;
  return bodyBlocks(body)
    .map((block) =>
      block
        .replace(/<[A-Za-z][^>]*\/>/g, '')
        .replace(/^\s*[-*]\s+/, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*{1,2}|_{1,2})(\S(?:.*?\S)?)\1/g, '$2')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .map(typographic)
    .flatMap((block) => block.split(split))
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** How much of what a stat says (its items, unit and label) a sentence repeats. */
function likeness(stat: Stat, sentence: string, lang: Lang): number {
  const text = sentence.toLowerCase();
  const items = (stat.items ?? []).filter((item) => text.includes(item.toLowerCase())).length;
  const words = `${stat.unit} ${stat.label}`.toLowerCase();
  // Chinese has no spaces: pairs of characters stand for words.
  const compact = words.replace(/\s/g, '');
  const pieces =
    lang === 'zh'
      ? Array.from({ length: Math.max(compact.length - 1, 0) }, (_, i) => compact.slice(i, i + 2))
      : words.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
  return items * 10 + pieces.filter((piece) => text.includes(piece)).length;
}

/**
 * The sentence that states a stat: of the sentences giving its number, the one that repeats
 * most of its items, unit and label (the first, on a tie); empty if none gives it.
 */
export function sourceSentence(
  stat: Stat,
  sentences: readonly string[],
  lang: Lang,
  exceptions: readonly string[] = [],
): string {
  let best = '';
  let bestScore = -1;
  for (const sentence of sentences) {
    if (!numbersIn(sentence, lang, exceptions).includes(stat.value)) continue;
    const score = likeness(stat, sentence, lang);
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  return best;
}

/** The records of a section's stats (or of the listed ones), in the section's order. */
export function figureRecords(
  section: DataSection,
  lang: Lang,
  urlOf: (statId: string) => string,
  only?: ReadonlySet<string>,
): FigureRecord[] {
  const sentences = bodySentences(section.body, lang);
  return section.stats
    .filter((stat) => !only || only.has(stat.id))
    .map((stat) => ({
      section: section.slug,
      section_title: section.title,
      stat_id: stat.id,
      label: toFigure(stat, lang).name,
      value: stat.value,
      unit: stat.unit,
      items: [...(stat.items ?? [])],
      source_sentence: sourceSentence(stat, sentences, lang, section.numberExceptions),
      url: urlOf(stat.id),
    }));
}

/** The stats a chart draws, wholes of its parts included. */
export function chartStatIds(chart: Chart): Set<string> {
  return new Set(chart.rows.flatMap((row) => [...(row.of ? [row.of] : []), ...row.stats]));
}

const BOM = '\uFEFF';

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Records as CSV (RFC 4180: CRLF line ends, fields quoted where they hold a comma, quote or line
 * break), with a byte-order mark so spreadsheet programs read the text as UTF-8. Items are
 * joined by "; ".
 */
export function toCsv(records: readonly FigureRecord[]): string {
  const lines = [
    DATA_COLUMNS.join(','),
    ...records.map((record) =>
      DATA_COLUMNS.map((column) => {
        const value = record[column];
        return csvField(Array.isArray(value) ? value.join('; ') : value);
      }).join(','),
    ),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
