import { describe, expect, it } from 'vitest';
import {
  allFontSlices,
  fontFaceCss,
  parseFontsourceCss,
  parseUnicodeRange,
  sliceCovers,
  WEB_FONTS,
} from '../../src/lib/web-fonts';

describe('web fonts', () => {
  it('reads unicode ranges', () => {
    expect(parseUnicodeRange('U+4e00-4e2f, U+3000')).toEqual([
      [0x4e00, 0x4e2f],
      [0x3000, 0x3000],
    ]);
  });

  it('takes the WOFF2 of each normal-style slice from a Fontsource stylesheet', () => {
    const css = `@font-face { font-family: 'X'; font-style: normal; font-weight: 700; src: url(./files/x-1-700-normal.woff2) format('woff2'), url(./files/x-1-700-normal.woff) format('woff'); unicode-range: U+4e00-4e2f; }
@font-face { font-family: 'X'; font-style: italic; font-weight: 700; src: url(./files/x-1-700-italic.woff2) format('woff2'); unicode-range: U+0041; }`;
    const slices = parseFontsourceCss(css, 'Report X', '@fontsource/x');
    expect(slices).toEqual([
      {
        family: 'Report X',
        pkg: '@fontsource/x',
        weight: 700,
        file: 'x-1-700-normal.woff2',
        unicodeRange: 'U+4e00-4e2f',
        ranges: [[0x4e00, 0x4e2f]],
      },
    ]);
    expect(sliceCovers(slices[0]!, new Set([0x4e01]))).toBe(true);
    expect(sliceCovers(slices[0]!, new Set([0x41]))).toBe(false);
    expect(fontFaceCss(slices, '')).toBe(
      "@font-face{font-family:'Report X';font-style:normal;font-weight:700;font-display:block;src:url(x-1-700-normal.woff2) format('woff2');unicode-range:U+4e00-4e2f}",
    );
  });

  it('covers every Chinese character of the source with the installed packages', () => {
    const slices = allFontSlices().filter(
      (slice) => slice.family === WEB_FONTS.sansSc.family && slice.weight === 400,
    );
    expect(slices.length).toBeGreaterThan(90);
    for (const char of '建言资政担使命凝聚共识谋发展履职') {
      expect(
        slices.some((slice) => sliceCovers(slice, new Set([char.codePointAt(0)!]))),
        char,
      ).toBe(true);
    }
  });
});
