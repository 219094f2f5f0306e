import { describe, expect, it } from 'vitest';
import { printDateValue } from '../../src/lib/print-marks';

describe('printDateValue', () => {
  const day = new Date(Date.UTC(2024, 2, 5, 12));

  it('is a CSS string that follows the URL, dated as each language writes dates', () => {
    expect(printDateValue('打印于 {date}', 'zh-CN', day, 'UTC')).toBe('"  ·  打印于 2024年3月5日"');
    expect(printDateValue('Printed {date}', 'en-GB', day, 'UTC')).toBe('"  ·  Printed 5 March 2024"');
  });

  it('uses the reader’s day, not the server’s', () => {
    const late = new Date(Date.UTC(2024, 2, 5, 20));
    expect(printDateValue('{date}', 'en-GB', late, 'Asia/Shanghai')).toBe('"  ·  6 March 2024"');
  });
});
