import { renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterBuild } from './after-build';
import { DEFAULT_LANG, LANGS } from '../lib/i18n';
import { renderRedirectsFile } from '../lib/security-headers';
import { notFoundPage } from '../lib/site-files';

/**
 * Puts each language's 404 page (src/pages/[lang]/404.astro, built as `<lang>/404/index.html`)
 * where static hosts look for it, `<lang>/404.html`: Cloudflare Pages serves the nearest
 * 404.html up the folders of the address, nginx is told by deploy/nginx.conf, and Netlify by
 * the `_redirects` file written here from the same source.
 */
export function notFoundPages(): AstroIntegration {
  return afterBuild('not-found-pages', ({ distDir, base, logger }) => {
    for (const lang of LANGS.filter((candidate) => candidate !== DEFAULT_LANG)) {
      const built = join(distDir, lang, '404', 'index.html');
      renameSync(built, join(distDir, notFoundPage(lang)));
      rmdirSync(dirname(built));
    }
    writeFileSync(join(distDir, '_redirects'), renderRedirectsFile(base));
    logger.info('404 pages placed per language; _redirects written');
  });
}
