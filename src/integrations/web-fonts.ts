import { copyFileSync, createReadStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { allFontSlices, fontFaceCss, fontFilesDir, sliceCovers } from '../lib/web-fonts';
import { FONTS_STYLESHEET } from '../lib/site-files';

const SCANNED = /\.(html|css|svg)$/;

/** Every character the built site can show: its pages and the text its stylesheets generate. */
function codePointsOf(distDir: string): Set<number> {
  const points = new Set<number>();
  for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' })) {
    if (!SCANNED.test(file)) continue;
    for (const char of readFileSync(join(distDir, file), 'utf8')) points.add(char.codePointAt(0)!);
  }
  return points;
}

/**
 * Publishes the web fonts that print and the share previews use (src/lib/web-fonts.ts): after
 * the build, only the slices holding a character of the site, with a stylesheet declaring just
 * those; in `astro dev`, every slice, straight from node_modules.
 */
export function webFonts(): AstroIntegration {
  let base = '/';
  return {
    name: 'web-fonts',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        const slices = allFontSlices();
        const stylesheet = `${base}${FONTS_STYLESHEET}`;
        const folder = stylesheet.replace(/[^/]+$/, '');
        server.middlewares.use((request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (path === stylesheet) {
            response.setHeader('content-type', 'text/css; charset=utf-8');
            response.end(fontFaceCss(slices, ''));
            return;
          }
          const slice = path.startsWith(folder) && slices.find((s) => s.file === path.slice(folder.length));
          if (!slice) return next();
          response.setHeader('content-type', 'font/woff2');
          createReadStream(join(fontFilesDir(slice.pkg), slice.file)).pipe(response);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const points = codePointsOf(distDir);
        const used = allFontSlices().filter((slice) => sliceCovers(slice, points));
        const target = join(distDir, FONTS_STYLESHEET, '..');
        mkdirSync(target, { recursive: true });
        for (const slice of used)
          copyFileSync(join(fontFilesDir(slice.pkg), slice.file), join(target, slice.file));
        writeFileSync(join(distDir, FONTS_STYLESHEET), `${fontFaceCss(used, '')}\n`);
        logger.info(`${used.length} font slices published for ${points.size} distinct characters`);
      },
    },
  };
}
