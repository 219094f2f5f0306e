/*
 * Whether each figure's label says what the text stating its number says. A label swapped with
 * another figure's ("404 proposals placed on file after review") has words the clause around
 * its number lacks. Chinese labels are read against the received text, English ones against the
 * English body; words are those of four letters or more in English, character pairs in Chinese.
 */
import type { Lang } from './edition';

const EN_NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];
EN_NUMBER_WORDS.push(
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
);
EN_NUMBER_WORDS.push('nineteen', 'twenty');
const STOP = new Set('that this with from into their there were have been during which'.split(' '));

/** Where the text writes a value: digits (grouped in English), or an English number word. */
function valuePattern(value: number, lang: Lang): RegExp {
  const digits = lang === 'en' ? value.toLocaleString('en').replace(/,/g, ',?') : String(value);
  const word = lang === 'en' && value <= 20 ? `|\\b${EN_NUMBER_WORDS[value]}\\b` : '';
  return new RegExp(`(?<![\\d.,])${digits}(?![\\d]|\\.\\d)${word}`, 'i');
}

/** A label's words: English words of four letters or more, or pairs of Chinese characters. */
export function labelWords(label: string, lang: Lang): string[] {
  if (lang === 'en') {
    return label
      .toLowerCase()
      .split(/[^a-z'’-]+/)
      .filter((word) => word.length >= 4 && !STOP.has(word));
  }
  const han = [...label.replace(/[^\p{Script=Han}]/gu, '')];
  return han.slice(1).map((char, i) => `${han[i]}${char}`);
}

/** Clauses: a sentence's parts between commas, semicolons, colons and full stops. */
const clauses = (text: string, lang: Lang) =>
  lang === 'en' ? text.split(/[,;:.!?]\s+|\n+/) : text.split(/[，；。！？：\n]+/);

/**
 * The share of the label's words found in the clause that states the figure's number (the best
 * such clause), or undefined where no clause states it or the label has no words to look for.
 */
export function labelSupport(
  text: string,
  figure: { value: number; label: string },
  lang: Lang,
): number | undefined {
  const words = labelWords(figure.label, lang);
  const stating = clauses(text, lang).filter((clause) => valuePattern(figure.value, lang).test(clause));
  if (words.length === 0 || stating.length === 0) return undefined;
  return Math.max(
    ...stating.map(
      (clause) => words.filter((word) => clause.toLowerCase().includes(word)).length / words.length,
    ),
  );
}

/**
 * Pairs of figures whose labels read as each other's: each label fits the other's number
 * better than its own (as when two labels are swapped). Figures of equal value cannot be told
 * apart this way, and are not compared.
 */
export function swappedLabels(
  text: string,
  figures: ReadonlyArray<{ id: string; value: number; label: string }>,
  lang: Lang,
): string[] {
  const fit = (label: string, value: number) => labelSupport(text, { value, label }, lang) ?? 0;
  const swapped: string[] = [];
  figures.forEach((a, i) => {
    for (const b of figures.slice(i + 1)) {
      if (a.value === b.value) continue;
      if (fit(a.label, b.value) > fit(a.label, a.value) && fit(b.label, a.value) > fit(b.label, b.value)) {
        swapped.push(`${a.id} (${a.value}) “${a.label}” ⇄ ${b.id} (${b.value}) “${b.label}”`);
      }
    }
  });
  return swapped;
}
