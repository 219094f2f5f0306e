import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Browser } from 'playwright-core';
import { findBrowser, launchChromium } from '../../scripts/browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { afterBuild } from './after-build';
import { patchPages, printPdfs } from './report-pdfs';
import { renderSharePreviews } from './share-previews';
import { SHARE_CARD_ROUTE } from '../lib/site-files';

/** Launches the browser; a failure (no browser) waits for the step that needs it to report. */
function launch(): Promise<Browser> {
  const launching = launchChromium();
  launching.catch(() => undefined);
  return launching;
}

/**
 * After the build, the browser renders what only a browser can: each page's share preview
 * (src/integrations/share-previews.ts) and each language's full report as a tagged PDF with
 * bookmarks (src/integrations/report-pdfs.ts), whose size then goes next to the download links;
 * both at once, in one browser and from one server of the built site. The browser starts with
 * the build, while one core bundles and the other waits. REPORT_PDF=off builds without PDFs
 * and without links to them; a failure stops the build, so no page links to a file not made.
 */
export function chromiumOutputs(): AstroIntegration {
  let launched: Promise<Browser> | undefined;
  return afterBuild(
    'chromium-outputs',
    async ({ distDir, base, logger }) => {
      // `npm start` on a machine with Node alone: the site, without what only a browser makes.
      if (!launched) {
        logger.warn(
          'No Chromium, Chrome or Edge found: built without PDFs and share previews (for them: npx playwright install chromium).',
        );
        rmSync(join(distDir, SHARE_CARD_ROUTE), { recursive: true, force: true });
        patchPages(distDir, {});
        return;
      }
      const browser = await launched;
      const server = await startStaticServer({ dir: distDir, base });
      try {
        const pdfs = process.env['REPORT_PDF'] !== 'off';
        const [sizes] = await Promise.all([
          pdfs ? printPdfs(browser, server.url, base, distDir, logger) : {},
          renderSharePreviews(browser, server.url, distDir, logger),
        ]);
        if (!pdfs) logger.warn('REPORT_PDF=off: no PDFs, and the download links are left out');
        patchPages(distDir, sizes);
      } finally {
        await browser.close();
        await server.close();
      }
    },
    () => ({
      'astro:build:start': () => {
        if (process.env['REPORT_PREVIEW'] !== '1' || findBrowser()) launched = launch();
      },
    }),
  );
}
