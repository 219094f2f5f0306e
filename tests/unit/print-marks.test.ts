import { describe, expect, it } from 'vitest';
import { EDITION_PRINT_ATTRIBUTE, printDateValue, stampPrintDate } from '../../src/browser/print-date';

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

describe('stampPrintDate', () => {
  /** Just what the function reads of a page: the print mark's data and the root element. */
  function page(edition: boolean) {
    const properties = new Map<string, string>();
    const mark = {
      dataset: {
        printDateTemplate: 'Printed {date}',
        dateLocale: 'en-GB',
        editionDate: 'Published 20 January 2026',
      },
    };
    const root = {
      hasAttribute: (name: string) => edition && name === EDITION_PRINT_ATTRIBUTE,
      style: { setProperty: (name: string, value: string) => properties.set(name, value) },
    };
    return { doc: { querySelector: () => mark, documentElement: root } as unknown as Document, properties };
  }

  it('dates a reader’s print with the day it is printed', () => {
    const { doc, properties } = page(false);
    expect(stampPrintDate(doc, new Date(Date.UTC(2024, 2, 5, 12)))).toMatch(/Printed \d+ March 2024/);
    expect([...properties.values()].join()).toContain('Printed');
  });

  it('dates the published edition with its own date', () => {
    const { doc } = page(true);
    expect(stampPrintDate(doc, new Date(Date.UTC(2024, 2, 5, 12)))).toBe('"  ·  Published 20 January 2026"');
  });
});
