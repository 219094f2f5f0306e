import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterBuild } from './after-build';

/** An empty `<template data-defer-script>` and the module script Astro renders right after it. */
const DEFERRED =
  /(<template data-defer-script>)(<\/template>)\s*(<script type="module" src="[^"]+"><\/script>)/g;

/**
 * Moves the module script that follows an empty `<template data-defer-script>` into it: inert
 * there, neither fetched nor run with the page, until a script of the page puts it to work
 * (src/browser/viewer-on-demand.ts, for the photo viewer). Astro renders a component's script
 * where the component declares it, so the component puts the two side by side.
 */
export function deferScripts(): AstroIntegration {
  return afterBuild('defer-scripts', ({ distDir, logger }) => {
    let moved = 0;
    for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.html')) continue;
      const html = readFileSync(join(distDir, file), 'utf8');
      const deferred = html.replace(DEFERRED, (_, open: string, close: string, script: string) => {
        moved += 1;
        return `${open}${script}${close}`;
      });
      if (deferred !== html) writeFileSync(join(distDir, file), deferred);
    }
    logger.info(`${moved} module scripts deferred to first use`);
  });
}
