import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { startNginx } from '../../scripts/serve-nginx.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { brokenLinks } from '../support/link-check';

const ROOT = join(import.meta.dirname, '../..');
const BASE = '/review-2023/';
const SITE = 'https://www.example.gov.cn';

test.describe('a build under a sub-path', () => {
  // Serial: one worker builds once for both tests (in parallel, each worker would build).
  test.describe.configure({ mode: 'serial', timeout: 240_000 });
  let outDir = '';

  test.beforeAll(() => {
    // Named like the sub-path, so nginx can serve its parent as root (README, "Deploying").
    outDir = join(mkdtempSync(join(tmpdir(), 'report-subpath-')), BASE);
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        BASE_PATH: BASE,
        SITE_URL: SITE,
        // The default cache keeps the resized images of the main build: no second cold build.
        OUT_DIR: outDir,
      },
    });
    expect(result.status, result.stderr).toBe(0);
  });

  test.afterAll(() => rmSync(join(outDir, '..'), { recursive: true, force: true }));

  test('has every link, image, preview and canonical URL under the base path', () => {
    expect(brokenLinks(outDir, SITE, BASE)).toEqual([]);
  });

  test('serves pages that load all they need from under the base path', async ({ page }) => {
    const server = await startStaticServer({ dir: outDir, base: BASE });
    try {
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      for (const path of ['', 'en/', 'full-report/', 'en/democratic-oversight/']) {
        await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
        await expect(page.locator('h1')).toBeVisible();
        await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}${BASE}${path}`);
      }
      await page.locator('a[data-keep-hash]').click();
      await expect(page).toHaveURL(new RegExp(`${BASE}democratic-oversight/$`));
      expect(failed).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test('nginx with the shipped block serves it under the sub-path, as README says', async ({ request }) => {
    const nginx = await startNginx({ dir: outDir, base: BASE });
    try {
      for (const path of ['', 'en/', 'en/democratic-oversight/']) {
        const response = await request.get(new URL(path, nginx.url).href);
        expect(response.status(), path).toBe(200);
        expect(response.headers()['content-encoding'], path).toMatch(/^(br|gzip)$/);
      }
      const missing = await request.get(new URL('no-such-page/', nginx.url).href);
      expect(missing.status()).toBe(404);
      expect(await missing.text()).toContain(`href="${BASE}en/"`);
      const css = /href="([^"]+\/_astro\/[^"]+\.css)"/.exec(await (await request.get(nginx.url)).text())?.[1];
      const asset = await request.get(new URL(css!, nginx.origin).href);
      expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      const bare = await request.get(nginx.url.slice(0, -1), { maxRedirects: 0 });
      expect(bare.status()).toBe(301);
      expect(bare.headers()['location']).toBe(BASE);
    } finally {
      await nginx.close();
    }
  });
});
