import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterBuild } from './after-build';
import { inlineStyleHashes } from '../lib/inline-css';
import { NGINX_CSP_FILE, renderNginxCspMap } from '../lib/nginx-conf';
import { renderHeadersFile, type PagePolicy } from '../lib/security-headers';

/** Each built page: its URL path, its file, and the hashes of its inline stylesheets. */
function pagePolicies(distDir: string, base: string): PagePolicy[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(/[\\/]/).join('/'))
    .sort()
    .map((file) => ({
      path: `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`,
      file: `${base}${file}`,
      styleHashes: inlineStyleHashes(readFileSync(join(distDir, file), 'utf8')),
    }));
}

/**
 * Writes the hosts' headers into the build from the one header source,
 * src/lib/security-headers.ts, which deploy/nginx.conf and the pages' CSP also use: `_headers`
 * (read by Netlify and Cloudflare Pages) and `_csp.nginx`, the map of each page's
 * Content-Security-Policy that deploy/nginx.conf includes. Both carry the hashes of the pages'
 * inline CSS, which change with the CSS, so they are made at every build, never by hand.
 */
export function hostHeaders(): AstroIntegration {
  return afterBuild('host-headers', ({ distDir, base, logger }) => {
    const pages = pagePolicies(distDir, base);
    writeFileSync(join(distDir, '_headers'), renderHeadersFile(base, pages));
    writeFileSync(join(distDir, NGINX_CSP_FILE), renderNginxCspMap(pages));
    logger.info(
      `_headers and ${NGINX_CSP_FILE} written for ${pages.length} pages from src/lib/security-headers.ts`,
    );
  });
}
