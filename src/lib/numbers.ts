import {
  EN_WORDS,
  HAN_DIGITS,
  HAN_ONE,
  HAN_ORDINAL_PREFIX,
  HAN_UNITS,
  MEASURE_WORD_PHRASES,
  MEASURE_WORDS,
} from '../i18n/numerals';
import type { Lang } from './i18n';

/*
 * The numbers a text states, as plain values, so that texts in two languages can be compared:
 * grouped digits, Chinese numerals that count something, English number words and ordinals
 * all count (src/i18n/numerals.ts lists how each language writes them). The rules are simple
 * and explicit; where a numeral is part of a name rather than a quantity, content declares the
 * phrase as an exception (`numberExceptions`).
 */

const HAN_NUMERAL = `[${Object.keys(HAN_DIGITS).join('')}${Object.keys(HAN_UNITS).join('')}]+`;

/** A Chinese numeral's value, or undefined for text that is not one. */
export function parseHanNumeral(text: string): number | undefined {
  if (!new RegExp(`^${HAN_NUMERAL}$`, 'u').test(text)) return undefined;
  // The units of 10⁸ and 10⁴ close groups of eight and four digits: 3 × 10⁸ + 5000 × 10⁴.
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in HAN_DIGITS) {
      digit = HAN_DIGITS[char];
      continue;
    }
    const unit = HAN_UNITS[char]!;
    if (unit === 100_000_000) {
      yi = (yi + wan + section + (digit ?? 0)) * unit;
      wan = 0;
      section = 0;
    } else if (unit === 10_000) {
      wan = (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      section += (digit ?? 1) * unit;
    }
    digit = undefined;
  }
  return yi + wan + section + (digit ?? 0);
}

// A Chinese numeral counts where a measure word follows it or the ordinal prefix precedes it.
const ZH_NUMBER = new RegExp(
  `(\\d[\\d,]*(?:\\.\\d+)?)|${HAN_ORDINAL_PREFIX}(${HAN_NUMERAL})|(${HAN_NUMERAL})(?=[${MEASURE_WORDS}]|${MEASURE_WORD_PHRASES.join('|')})`,
  'gu',
);

const EN_NUMBER = new RegExp(
  `(?<![\\w.])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:st|nd|rd|th)?(?![\\w])|\\b(${Object.keys(EN_WORDS)
    // Longest first: "twenty-one", not "twenty" and a stray "one".
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'giu',
);

/** Removes every declared exception phrase, so its numerals are not counted. */
function withoutPhrases(text: string, phrases: readonly string[]): string {
  return phrases.reduce((rest, phrase) => rest.split(phrase).join(' '), text);
}

/** Every number the text states, in order, as values. */
export function numbersIn(text: string, lang: Lang, exceptions: readonly string[] = []): number[] {
  const clean = withoutPhrases(text, exceptions);
  const found: number[] = [];
  if (lang === 'zh') {
    for (const [, digits, ordinal, counted] of clean.matchAll(ZH_NUMBER)) {
      // A lone "one" before a measure word is the article "a", as English "one" mostly is.
      if (counted === HAN_ONE) continue;
      const value = digits ? Number(digits.replaceAll(',', '')) : parseHanNumeral(ordinal ?? counted ?? '');
      if (value !== undefined && Number.isFinite(value)) found.push(value);
    }
  } else {
    for (const [, digits, word] of clean.matchAll(EN_NUMBER)) {
      found.push(digits ? Number(digits.replaceAll(',', '')) : EN_WORDS[word!.toLowerCase()]!);
    }
  }
  return found;
}

/** What one list of numbers has that the other lacks, counting repeats: [extra, missing]. */
export function numberDifference(
  actual: readonly number[],
  expected: readonly number[],
): [number[], number[]] {
  const missing = [...expected];
  const extra: number[] = [];
  for (const value of actual) {
    const at = missing.indexOf(value);
    if (at >= 0) missing.splice(at, 1);
    else extra.push(value);
  }
  return [extra, missing];
}

/**
 * A body's blocks as readers see them: paragraphs, and each list item on its own. MDX
 * components and emphasis marks do not carry numbers, so they are left in.
 */
export function bodyBlocks(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .flatMap((block) => (/^\s*[-*] /m.test(block) ? block.split(/\n(?=\s*[-*] )/) : [block]))
    .map((block) => block.trim())
    .filter(Boolean);
}
