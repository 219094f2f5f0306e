import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * Fonts shipped as npm packages (Fontsource), used where the output must not depend on the
 * machine: printing (the PDFs) and the share previews. The screen keeps the readers' own
 * fonts. Fontsource splits each CJK face into ~100 unicode-range slices; a page fetches only
 * the slices its characters fall in, and the build publishes only the slices the site uses.
 */

export interface WebFontFamily {
  /** The family name pages use; distinct from system names, so a local font never shadows it. */
  family: string;
  /** The Fontsource package that provides it. */
  pkg: string;
  weights: readonly number[];
}

// global.css sets these families on paper and in share previews (--web-sans-zh, …).
export const WEB_FONTS = {
  sansSc: { family: 'Report Sans SC', pkg: '@fontsource/noto-sans-sc', weights: [400, 700] },
  serifSc: { family: 'Report Serif SC', pkg: '@fontsource/noto-serif-sc', weights: [400, 700] },
  sans: { family: 'Report Sans', pkg: '@fontsource/noto-sans', weights: [400, 700] },
  serif: { family: 'Report Serif', pkg: '@fontsource/noto-serif', weights: [400, 700] },
} as const satisfies Record<string, WebFontFamily>;

export interface FontSlice {
  family: string;
  /** The package whose files/ folder holds the file. */
  pkg: string;
  weight: number;
  /** File name of the WOFF2 in the package's files/ folder. */
  file: string;
  /** Code point ranges, inclusive. */
  ranges: Array<[number, number]>;
  unicodeRange: string;
}

const requireFromProject = createRequire(join(process.cwd(), 'package.json'));

/** Where a Fontsource package's font files are. */
export function fontFilesDir(pkg: string): string {
  return join(dirname(requireFromProject.resolve(`${pkg}/package.json`)), 'files');
}

/** "U+4e00-4e2f,U+3000" → [[0x4e00, 0x4e2f], [0x3000, 0x3000]]. */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [start, end = start] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
    return [parseInt(start, 16), parseInt(end, 16)];
  });
}

/** The normal-style slices a Fontsource stylesheet declares, as WOFF2 files. */
export function parseFontsourceCss(css: string, family: string, pkg: string): FontSlice[] {
  const slices: FontSlice[] = [];
  for (const [block] of css.matchAll(/@font-face\s*{[^}]*}/g)) {
    if (!/font-style:\s*normal/.test(block)) continue;
    const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1]);
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const unicodeRange = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
    if (!file || !unicodeRange || !weight) continue;
    slices.push({ family, pkg, weight, file, unicodeRange, ranges: parseUnicodeRange(unicodeRange) });
  }
  return slices;
}

/** Every slice of every web font family. */
export function allFontSlices(): FontSlice[] {
  return Object.values(WEB_FONTS).flatMap((font) =>
    font.weights.flatMap((weight) => {
      const css = readFileSync(requireFromProject.resolve(`${font.pkg}/${weight}.css`), 'utf8');
      return parseFontsourceCss(css, font.family, font.pkg);
    }),
  );
}

/** Whether a slice holds any of the characters. */
export function sliceCovers(slice: FontSlice, codePoints: ReadonlySet<number>): boolean {
  for (const point of codePoints) {
    if (slice.ranges.some(([start, end]) => point >= start && point <= end)) return true;
  }
  return false;
}

/** @font-face rules for the slices, with their files under `fontsPath` ("/fonts/"). */
export function fontFaceCss(slices: readonly FontSlice[], fontsPath: string): string {
  return slices
    .map(
      (slice) =>
        `@font-face{font-family:'${slice.family}';font-style:normal;font-weight:${slice.weight};font-display:block;` +
        `src:url(${fontsPath}${slice.file}) format('woff2');unicode-range:${slice.unicodeRange}}`,
    )
    .join('\n');
}
