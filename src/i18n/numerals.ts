/**
 * How each language writes numbers in running text, for the content checks that compare the
 * numbers of a paragraph across languages (src/lib/numbers.ts). General rules of each
 * language, not a list fitted to one text: where a numeral is part of a name, content declares
 * the phrase (`numberExceptions`).
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

/** Chinese multipliers; 万 closes a group of four digits, 亿 one of eight. */
export const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };

/** The digit that also serves as the article "a" before a measure word. */
export const HAN_ONE = '一';

/** The prefix of Chinese ordinals. */
export const HAN_ORDINAL_PREFIX = '第';

/**
 * What may follow a Chinese numeral that counts: the common classifiers of things (个 件 名 …),
 * of events and actions (次 场 届 期 下 遍 …), of groups and kinds (组 批 类 种 …) and of
 * measures and time (年 天 元 倍 …); and 大, as in "N大" (the N-th congress, or N major
 * things). A numeral before any other character is mostly part of a word (一线, 统一, 四周;
 * 五月 is a month's name, so 月 and 周 are left out).
 */
export const MEASURE_WORDS = [
  '个位名人员户家所座栋间处',
  '项件条份封篇部本册章节款则句首幅张',
  '台辆架艘只头棵株朵片块根支枝把双对副套',
  '组批群队类种样级层届期次回场轮趟遍番下声步',
  '年天岁元倍',
  '大',
].join('');

/** Measure words of more than one character. */
export const MEASURE_WORD_PHRASES = ['小时', '分钟', '公里', '公斤', '平方米', '公顷'];

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen'];
TEENS.push('eighteen', 'nineteen');
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const IRREGULAR_ORDINALS: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** An English number word's ordinal: "twenty-one" → "twenty-first", "forty" → "fortieth". */
function ordinal(cardinal: string): string {
  const parts = cardinal.split('-');
  const last = parts.pop()!;
  const word = IRREGULAR_ORDINALS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...parts, word].join('-');
}

/** 1 to 99 in words: "one" … "nineteen", "twenty", "twenty-one" … "ninety-nine". */
function cardinal(n: number): string {
  if (n < 10) return ONES[n]!;
  if (n < 20) return TEENS[n - 10]!;
  return n % 10 === 0 ? TENS[n / 10]! : `${TENS[Math.floor(n / 10)]}-${ONES[n % 10]}`;
}

/**
 * English number words and ordinals from 1 to 99, and "twice"; "one" is left out, as it is
 * mostly "a" (larger numbers are written in digits in official English).
 */
export const EN_WORDS: Record<string, number> = Object.fromEntries([
  ...Array.from({ length: 99 }, (_, i) => i + 1).flatMap((n): Array<[string, number]> => [
    ...(n === 1 ? [] : [[cardinal(n), n] as [string, number]]),
    [ordinal(cardinal(n)), n],
  ]),
  ['twice', 2],
]);
