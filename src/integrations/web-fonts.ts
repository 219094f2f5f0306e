import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterBuild, type BuiltSite } from './after-build';
import subsetFont from 'subset-font';
import { DATE_LOCALES } from '../lib/format';
import { fontFaceCss, fontFaces, fontSourcePath, printDateCharacters } from '../lib/web-fonts';
import { FONTS_STYLESHEET } from '../lib/site-files';
import { toWoff2 } from '../lib/woff2';

const SCANNED = /\.(html|css|svg)$/;

/** Every character the built site can show: its pages, the text its stylesheets generate, the print date. */
function charactersOf(distDir: string): string {
  const chars = new Set(printDateCharacters(Object.values(DATE_LOCALES)));
  for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' })) {
    if (!SCANNED.test(file)) continue;
    for (const char of readFileSync(join(distDir, file), 'utf8')) chars.add(char);
  }
  return [...chars].join('');
}

/** Each face subset to the characters of the built site, as WOFF2, and the stylesheet declaring them. */
async function publishSubsets({ distDir, base, logger }: BuiltSite, cacheDir: string) {
  const started = performance.now();
  const text = charactersOf(distDir);
  const faces = fontFaces();
  const target = join(distDir, FONTS_STYLESHEET, '..');
  mkdirSync(target, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  const sizes = await Promise.all(
    faces.map(async (face) => {
      // The same face and characters make the same file: a warm build reuses it.
      const key = createHash('sha256')
        .update(`${fontSourcePath(face)}\n${text}`)
        .digest('hex')
        .slice(0, 16);
      const cached = join(cacheDir, face.file.replace(/\.woff2$/, `.${key}.woff2`));
      if (!existsSync(cached)) {
        const subset = await subsetFont(readFileSync(fontSourcePath(face)), text, {
          targetFormat: 'truetype',
        });
        writeFileSync(cached, await toWoff2(Buffer.from(subset)));
      }
      const woff2 = readFileSync(cached);
      writeFileSync(join(target, face.file), woff2);
      return woff2.length;
    }),
  );
  writeFileSync(
    join(distDir, FONTS_STYLESHEET),
    `${fontFaceCss(faces, `${base}${FONTS_STYLESHEET.replace(/[^/]+$/, '')}`)}\n`,
  );
  const kb = Math.round(sizes.reduce((a, b) => a + b, 0) / 1024);
  logger.info(
    `${faces.length} font faces subset to ${[...text].length} characters (${kb} KB of WOFF2) ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * Publishes the web fonts that print and the share previews use (src/lib/web-fonts.ts): after
 * the build, each face subset to the characters of the site (HarfBuzz, through subset-font) as
 * one WOFF2, and `fonts/report.css` declaring them; in `astro dev`, the whole faces, straight
 * from node_modules. Pages link the stylesheet for print only, and the build inlines it there
 * (src/integrations/inline-css.ts), so a screen never fetches a font.
 */
export function webFonts(): AstroIntegration {
  let cacheDir = '';
  return afterBuild(
    'web-fonts',
    (site) => publishSubsets(site, cacheDir),
    (base) => ({
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'report-fonts');
      },
      'astro:server:setup': ({ server }) => {
        const faces = fontFaces();
        const stylesheet = `${base()}${FONTS_STYLESHEET}`;
        const folder = stylesheet.replace(/[^/]+$/, '');
        const devFile = (face: (typeof faces)[number]) => face.file.replace(/\.woff2$/, '.ttf');
        server.middlewares.use((request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (path === stylesheet) {
            response.setHeader('content-type', 'text/css; charset=utf-8');
            response.end(fontFaceCss(faces, folder, devFile));
            return;
          }
          const face = path.startsWith(folder) && faces.find((f) => devFile(f) === path.slice(folder.length));
          if (!face) return next();
          response.setHeader('content-type', 'font/ttf');
          createReadStream(fontSourcePath(face)).pipe(response);
        });
      },
    }),
  );
}
