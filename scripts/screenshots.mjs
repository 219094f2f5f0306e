// Screenshots of built pages for a human to look at: every given path at a phone and a desktop
// width, in light and dark (and on paper with --print). Serves dist/ itself unless a URL is given.
// Usage: node scripts/screenshots.mjs [--url http://localhost:4321 | --dir dist --base /] [--print] [paths…]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './browser.mjs';
import { startStaticServer } from './static-server.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/' },
    print: { type: 'boolean', default: false },
    widths: { type: 'string', default: '390,1280' },
    schemes: { type: 'string', default: 'light,dark' },
  },
});
const targets = positionals.length > 0 ? positionals : ['/', '/en/'];
const outDir = process.env['SCREENSHOT_DIR'] ?? join('test-results', 'screenshots');
mkdirSync(outDir, { recursive: true });

const server = values.url ? undefined : await startStaticServer({ dir: values.dir, base: values.base });
const baseUrl = values.url ?? server.url;
const browser = await launchChromium();
for (const colorScheme of values.schemes.split(',')) {
  for (const width of values.widths.split(',').map(Number)) {
    const page = await browser.newPage({ viewport: { width, height: 844 }, colorScheme });
    if (values.print) await page.emulateMedia({ media: 'print' });
    for (const path of targets) {
      await page.goto(new URL(path.replace(/^\//, ''), baseUrl).href, { waitUntil: 'networkidle' });
      const name = `${path.replace(/[^a-z0-9]+/gi, '_') || 'root'}-${width}-${colorScheme}${values.print ? '-print' : ''}.png`;
      await page.screenshot({ path: join(outDir, name), fullPage: true });
      console.log(join(outDir, name));
    }
    await page.close();
  }
}
await browser.close();
await server?.close();
