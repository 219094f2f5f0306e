import type { Stat } from '../content.config';
import { LANG_TAG, type Lang } from './i18n';

/** What formatting reads of a stat. */
type StatLike = Pick<Stat, 'value' | 'unit' | 'label'>;

// Chinese official prose writes four-digit counts without a separator, English
// always groups (1,255); "min2" gives exactly that and still groups 10000 and above.
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat(LANG_TAG.zh, { useGrouping: 'min2', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(LANG_TAG.en, { useGrouping: 'always', maximumFractionDigits: 1 }),
};

export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

/** Number and unit as they are printed together: "98%", "1,255 instances". */
export function formatValueWithUnit(stat: StatLike, lang: Lang): string {
  const number = formatNumber(stat.value, lang);
  if (stat.unit === '') return number;
  if (stat.unit === '%' || lang === 'zh') return `${number}${stat.unit}`;
  return `${number} ${stat.unit}`;
}

/** The whole figure as one phrase, for screen readers and plain-text contexts. */
export function statPhrase(stat: StatLike, lang: Lang): string {
  const figure = formatValueWithUnit(stat, lang);
  return lang === 'zh' ? `${stat.label}${figure}` : `${figure} ${stat.label}`;
}

const ordinalFormats: Record<Lang, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat('zh-CN-u-nu-hanidec'),
  en: new Intl.NumberFormat(LANG_TAG.en),
};

/** A section's position as readers of the language count parts: Chinese numerals, or digits. */
export function formatPartNumber(position: number, lang: Lang): string {
  return ordinalFormats[lang].format(position);
}

/** The locale each language writes dates in: the English edition follows British usage. */
export const DATE_LOCALES: Record<Lang, string> = { zh: LANG_TAG.zh, en: 'en-GB' };

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat(DATE_LOCALES.zh, { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(DATE_LOCALES.en, { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A calendar date as the language writes it ("15 January 2024" in English). */
export function formatDate(date: Date, lang: Lang): string {
  return dateFormats[lang].format(date);
}

/**
 * A title of parallel phrases as lines: split at a space between Chinese phrases or after a
 * comma in English ("Offering Counsel, Building Consensus" → two lines).
 */
export function titleLines(title: string): string[] {
  return title.split(/(?<=,)\s+|\s+(?=\p{Script=Han})/u);
}

/**
 * Straight quotes as the body's Markdown prints them (smart punctuation): ' an apostrophe, or
 * an opening ‘ before a word; " opening or closing quotes. For text from frontmatter, which
 * Markdown does not set (a standfirst), and for sentences the data quotes from the body.
 */
export function typographic(text: string): string {
  return text
    .replace(/(^|[\s([{\u2014-])'(?=\S)/gu, '$1\u2018')
    .replace(/'/g, '\u2019')
    .replace(/(^|[\s([{\u2014-])"(?=\S)/gu, '$1\u201c')
    .replace(/"/g, '\u201d');
}
