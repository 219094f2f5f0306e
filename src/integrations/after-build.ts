import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { withSlash } from '../lib/base-path';

/** What a step after the build works on: the built site's folder and its base path. */
export interface BuiltSite {
  /** dist/, as a file path. */
  distDir: string;
  /** The base path with its trailing slash. */
  base: string;
  logger: AstroIntegrationLogger;
}

/**
 * An integration that works on the built site once Astro has written it (`astro:build:done`),
 * with any other hooks it needs; `base` is also theirs to read, once the config is done.
 */
export function afterBuild(
  name: string,
  work: (site: BuiltSite) => void | Promise<void>,
  hooks: (base: () => string) => AstroIntegration['hooks'] = () => ({}),
): AstroIntegration {
  let base = '/';
  const own = hooks(() => base);
  return {
    name,
    hooks: {
      ...own,
      'astro:config:done': async (options) => {
        base = withSlash(options.config.base);
        await own['astro:config:done']?.(options);
      },
      'astro:build:done': ({ dir, logger }) => work({ distDir: fileURLToPath(dir), base, logger }),
    },
  };
}
