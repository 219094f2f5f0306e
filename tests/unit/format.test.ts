import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatPartNumber,
  formatValueWithUnit,
  statPhrase,
  formatDate,
  titleLines,
  typographic,
} from '../../src/lib/format';

describe('formatNumber', () => {
  it('writes four-digit Chinese counts as the source does, without a separator', () => {
    expect(formatNumber(1255, 'zh')).toBe('1255');
    expect(formatNumber(12550, 'zh')).toBe('12,550');
  });

  it('groups English thousands', () => {
    expect(formatNumber(1255, 'en')).toBe('1,255');
    expect(formatNumber(404, 'en')).toBe('404');
  });
});

describe('formatValueWithUnit', () => {
  it('sets Chinese units solid and English units after a space', () => {
    expect(formatValueWithUnit({ value: 581, unit: '人次', label: '参与' }, 'zh')).toBe('581人次');
    expect(formatValueWithUnit({ value: 1255, unit: 'participations', label: 'x' }, 'en')).toBe(
      '1,255 participations',
    );
  });

  it('never puts a space before a percent sign', () => {
    expect(formatValueWithUnit({ value: 98, unit: '%', label: 'x' }, 'en')).toBe('98%');
    expect(formatValueWithUnit({ value: 98, unit: '%', label: 'x' }, 'zh')).toBe('98%');
  });
});

describe('statPhrase', () => {
  it('reads as one phrase in each language', () => {
    expect(statPhrase({ value: 98, unit: '%', label: '委员满意率' }, 'zh')).toBe('委员满意率98%');
    expect(statPhrase({ value: 404, unit: 'proposals', label: 'submitted' }, 'en')).toBe(
      '404 proposals submitted',
    );
  });
});

describe('formatDate', () => {
  it('writes a calendar date as each language does, whatever the machine’s time zone', () => {
    const date = new Date('2024-01-15');
    expect(formatDate(date, 'zh')).toBe('2024年1月15日');
    expect(formatDate(date, 'en')).toBe('15 January 2024');
  });
});

describe('titleLines', () => {
  it('breaks a title of parallel phrases into lines', () => {
    expect(titleLines('建言资政担使命 凝聚共识谋发展')).toEqual(['建言资政担使命', '凝聚共识谋发展']);
    expect(titleLines('Offering Counsel, Building Consensus')).toEqual([
      'Offering Counsel,',
      'Building Consensus',
    ]);
    expect(titleLines('One Line Only')).toEqual(['One Line Only']);
  });
});

describe('formatPartNumber', () => {
  it('numbers Chinese parts with Chinese numerals', () => {
    expect([1, 2, 3, 4, 5].map((n) => formatPartNumber(n, 'zh')).join('')).toBe('一二三四五');
    expect(formatPartNumber(3, 'en')).toBe('3');
  });
});

describe('typographic', () => {
  it('sets straight quotes as Markdown prints them, and leaves Chinese and set quotes alone', () => {
    expect(typographic(`Beijing's "Digital" work, 'quoted', members' own.`)).toBe(
      'Beijing’s “Digital” work, ‘quoted’, members’ own.',
    );
    expect(typographic('“数字政协”委员履职平台')).toBe('“数字政协”委员履职平台');
  });
});
