/**
 * How each language writes numbers in running text, for the content checks that compare the
 * numbers of a paragraph across languages (src/lib/numbers.ts).
 */

/** Chinese digits and their values. */
export const HAN_DIGITS: Record<string, number> = {
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

/** Chinese multipliers; 万 closes a group of four digits. */
export const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** The digit that also serves as the article "a" before a measure word. */
export const HAN_ONE = '一';

/** The prefix of Chinese ordinals. */
export const HAN_ORDINAL_PREFIX = '第';

/**
 * Measure words after which a Chinese numeral is a count (four of something, the fourteenth
 * term, the twentieth congress); a numeral elsewhere is mostly part of a word.
 */
export const MEASURE_WORDS = '个项次件名人届级份位条家场批类支组种期部篇大下';

/** English number words and ordinals up to twenty; "one" is left out, as it is mostly "a". */
export const EN_WORDS: Record<string, number> = {
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
