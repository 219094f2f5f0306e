import type { Lang } from './i18n';

/*
 * The numbers a text states, as plain values, so that texts in two languages can be compared:
 * "1,255", "四个", "十四届", "four", "14th" and "Second" all count. The rules are deliberately
 * simple and explicit; where a numeral is part of a name rather than a quantity (三共同六联动,
 * "the Two Establishments"), content declares the phrase as an exception.
 */

const HAN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** 十四 → 14, 一百二十一 → 121, 两 → 2; undefined for anything that is not a Chinese numeral. */
export function parseHanNumeral(text: string): number | undefined {
  if (text === '' || /[^零〇一二两三四五六七八九十百千万]/u.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in HAN_DIGITS) {
      digit = HAN_DIGITS[char];
      continue;
    }
    const unit = HAN_UNITS[char]!;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      section += (digit ?? 1) * unit;
    }
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

// A Chinese numeral counts as a number where a measure word follows it (四个, 十四届, 二十大) or
// 第 precedes it (第一); bare numerals are mostly parts of words (一线, 统一, 进一步). A lone 一
// before a measure word (一名委员) is the article "a", as English "one" mostly is: neither counts.
const MEASURE_WORDS = '个项次件名人届级份位条家场批类支组种期部篇大下';
const HAN_NUMERAL = '[零〇一二两三四五六七八九十百千万]+';
const ZH_NUMBER = new RegExp(
  `(\\d[\\d,]*(?:\\.\\d+)?)|第(${HAN_NUMERAL})|(${HAN_NUMERAL})(?=[${MEASURE_WORDS}])`,
  'gu',
);

const EN_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  twentieth: 20,
};
const EN_NUMBER = new RegExp(
  `(?<![\\w.])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:st|nd|rd|th)?(?![\\w])|\\b(${Object.keys(EN_WORDS).join('|')})\\b`,
  'giu',
);

/** Removes every declared exception phrase, so its numerals are not counted. */
function withoutPhrases(text: string, phrases: readonly string[]): string {
  return phrases.reduce((rest, phrase) => rest.split(phrase).join(' '), text);
}

/**
 * Every number the text states, in order, as values: digits (with or without grouping),
 * Chinese numerals before a measure word or after 第, English number words and ordinals.
 */
export function numbersIn(text: string, lang: Lang, exceptions: readonly string[] = []): number[] {
  const clean = withoutPhrases(text, exceptions);
  const found: number[] = [];
  if (lang === 'zh') {
    for (const [, digits, ordinal, counted] of clean.matchAll(ZH_NUMBER)) {
      if (counted === '一') continue;
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
