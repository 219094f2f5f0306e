import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderHeadersFile } from '../lib/security-headers';

/**
 * Writes `_headers` (read by Netlify and Cloudflare Pages) into the build from the one header
 * source, src/lib/security-headers.ts, which deploy/nginx.conf and the pages' CSP also use.
 */
export function hostHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'host-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        writeFileSync(join(fileURLToPath(dir), '_headers'), renderHeadersFile(base));
        logger.info('_headers written from src/lib/security-headers.ts');
      },
    },
  };
}
