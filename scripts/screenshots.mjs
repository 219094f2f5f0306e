// Screenshots of built pages for a human to look at: every given path at a phone and a
// desktop width, in light and dark. Usage: node scripts/screenshots.mjs [BASE_URL] [paths…]
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './browser.mjs';

const [baseUrl = 'http://localhost:4321', ...paths] = process.argv.slice(2);
const targets = paths.length > 0 ? paths : ['/', '/en/'];
const outDir = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions());
for (const colorScheme of ['light', 'dark']) {
  for (const width of [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 844 }, colorScheme });
    for (const path of targets) {
      await page.goto(new URL(path, baseUrl).href);
      const name = `${path.replace(/[^a-z0-9]+/gi, '_') || 'root'}-${width}-${colorScheme}.png`;
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: true });
      console.log(`${outDir}/${name}`);
    }
    await page.close();
  }
}
await browser.close();
