import { describe, expect, it } from 'vitest';
import { bodyBlocks, numberDifference, numbersIn, parseHanNumeral } from '../../src/lib/numbers';

describe('parseHanNumeral', () => {
  it('reads Chinese numerals', () => {
    expect(
      ['一', '两', '十', '十四', '二十', '一百二十一', '三千零五', '一万二千'].map(parseHanNumeral),
    ).toEqual([1, 2, 10, 14, 20, 121, 3005, 12000]);
    expect(parseHanNumeral('建言')).toBeUndefined();
  });
});

describe('numbersIn', () => {
  it('finds digits, counted Chinese numerals and ordinals in Chinese', () => {
    expect(numbersIn('组建共有96名委员参与的4个民主监督组，1255人次', 'zh')).toEqual([96, 4, 1255]);
    expect(numbersIn('十四届二次会议以来，增强“四个意识”、做到“两个维护”', 'zh')).toEqual([14, 2, 4, 2]);
    expect(numbersIn('中共二十大精神，第一位政治任务', 'zh')).toEqual([20, 1]);
  });

  it('does not count numerals inside words, or 一 as the article before a measure word', () => {
    expect(numbersIn('基层一线，进一步统一，一系列讲话，一名委员', 'zh')).toEqual([]);
  });

  it('finds digits, grouped thousands, number words and ordinals in English', () => {
    expect(numbersIn('four groups with 96 members; 1,255 instances; 98%', 'en')).toEqual([4, 96, 1255, 98]);
    expect(numbersIn('the Second Session of the 14th Committee, the Seventh Meeting', 'en')).toEqual([
      2, 14, 7,
    ]);
  });

  it('does not read numbers inside words or "one" as a count', () => {
    expect(numbersIn('someone, often, network, one proposal driving many', 'en')).toEqual([]);
  });

  it('skips declared phrases whose numerals are names', () => {
    expect(
      numbersIn('the Three Joint Efforts and Six Linkages mechanism, 13 initiatives', 'en', [
        'Three Joint Efforts and Six Linkages',
      ]),
    ).toEqual([13]);
  });
});

describe('numberDifference', () => {
  it('counts repeats, so a changed second 4 is caught', () => {
    expect(numberDifference([4, 96, 5], [4, 96, 4])).toEqual([[5], [4]]);
    expect(numberDifference([4, 4], [4, 4])).toEqual([[], []]);
  });
});

describe('bodyBlocks', () => {
  it('splits paragraphs and list items', () => {
    expect(bodyBlocks('- a 1\n- b 2\n\nPara 3.\n\n\nPara 4.')).toEqual([
      '- a 1',
      '- b 2',
      'Para 3.',
      'Para 4.',
    ]);
  });
});

describe('the general rules of each language (not one text’s list)', () => {
  it('reads every English number word and ordinal to ninety-nine, and "twice"', () => {
    expect(
      numbersIn(
        'the sixteenth and twenty-first sessions, thirty-two groups, the fortieth year, met twice',
        'en',
      ),
    ).toEqual([16, 21, 32, 40, 2]);
    expect(numbersIn('the ninety-ninth, eleventh and twelfth, seventy members', 'en')).toEqual([
      99, 11, 12, 70,
    ]);
  });

  it('counts a Chinese numeral before any common classifier or measure, and large numerals', () => {
    expect(numbersIn('建成三所学校、两栋楼，举办十二场活动，历时五天，投入三亿五千万元', 'zh')).toEqual([
      3, 2, 12, 5, 350_000_000,
    ]);
    expect(numbersIn('走访三个社区，开展两轮调研，历时四小时', 'zh')).toEqual([3, 2, 4]);
    expect(parseHanNumeral('十二万三千')).toBe(123_000);
  });

  it('leaves numerals that are part of a word or a month’s name', () => {
    expect(numbersIn('会议桌四周摆放座椅，五月召开，一线调研', 'zh')).toEqual([]);
  });
});
