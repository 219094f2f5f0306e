import { createRequire } from 'node:module';
import { join } from 'node:path';

/*
 * Fonts shipped as npm packages (Google's Noto TrueType files), used where the output must not
 * depend on the machine: printing (the PDFs) and the share previews. The screen keeps the
 * readers' own fonts. The build subsets each face to the characters of the edition, so paper
 * fetches one small WOFF2 per family, weight and style (src/integrations/web-fonts.ts).
 */

export interface WebFontFamily {
  /** The family name pages use; distinct from system names, so a local font never shadows it. */
  family: string;
  /** The package that provides it (@expo-google-fonts: whole TrueType files, one per face). */
  pkg: string;
  /** The file name's stem in the package: NotoSansSC_400Regular.ttf. */
  stem: string;
  /** Whether the family has italics (CJK faces have none: emphasis in Chinese is never slanted). */
  italic: boolean;
}

// src/styles/tokens.css and print.css set these families on paper and in share previews (--web-sans-zh, …).
export const WEB_FONTS = {
  sansSc: {
    family: 'Report Sans SC',
    pkg: '@expo-google-fonts/noto-sans-sc',
    stem: 'NotoSansSC',
    italic: false,
  },
  serifSc: {
    family: 'Report Serif SC',
    pkg: '@expo-google-fonts/noto-serif-sc',
    stem: 'NotoSerifSC',
    italic: false,
  },
  sans: { family: 'Report Sans', pkg: '@expo-google-fonts/noto-sans', stem: 'NotoSans', italic: true },
  serif: { family: 'Report Serif', pkg: '@expo-google-fonts/noto-serif', stem: 'NotoSerif', italic: true },
} as const satisfies Record<string, WebFontFamily>;

/** The weights the site sets: text and bold. */
const WEIGHTS = { 400: 'Regular', 700: 'Bold' } as const;

export interface FontFace {
  family: string;
  weight: keyof typeof WEIGHTS;
  style: 'normal' | 'italic';
  /** The whole TrueType file in its package, relative to node_modules. */
  source: string;
  /** The published file's name: report-sans-sc-400-normal.woff2. */
  file: string;
}

/** Every face of every family: each weight, and its italic where the family has one. */
export function fontFaces(): FontFace[] {
  return Object.values(WEB_FONTS).flatMap((font: WebFontFamily) =>
    Object.entries(WEIGHTS).flatMap(([weight, name]) =>
      (font.italic ? (['normal', 'italic'] as const) : (['normal'] as const)).map((style) => {
        const variant = `${weight}${name}${style === 'italic' ? '_Italic' : ''}`;
        return {
          family: font.family,
          weight: Number(weight) as FontFace['weight'],
          style,
          source: `${font.pkg}/${variant}/${font.stem}_${variant}.ttf`,
          file: `${font.family.toLowerCase().replace(/\s+/g, '-')}-${weight}-${style}.woff2`,
        };
      }),
    ),
  );
}

const requireFromProject = createRequire(join(process.cwd(), 'package.json'));

/** Where a face's whole TrueType file is. */
export const fontSourcePath = (face: FontFace) => requireFromProject.resolve(face.source);

/** @font-face rules for the faces, with their files under `fontsPath` ("/fonts/"), as `file` names them. */
export function fontFaceCss(
  faces: readonly FontFace[],
  fontsPath: string,
  file = (face: FontFace) => face.file,
): string {
  return faces
    .map(
      (face) =>
        `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
        `src:url(${fontsPath}${file(face)}) format('${file(face).endsWith('.ttf') ? 'truetype' : 'woff2'}')}`,
    )
    .join('\n');
}

/**
 * The characters a printout can show besides those of the built pages: today's date in each
 * language's long form (the page's script writes it into the foot margin when printing).
 */
export function printDateCharacters(locales: readonly string[]): string {
  const digits = '0123456789';
  return (
    digits +
    locales
      .flatMap((locale) =>
        Array.from({ length: 12 }, (_, month) =>
          new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
            Date.UTC(2000, month, 28),
          ),
        ),
      )
      .join('')
  );
}
