import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './scripts/browser.mjs';
import { EDITION_NAMES, editionBuild } from './tests/support/editions';

// Detection only: a missing browser is reported by the first launch, with what to install.
const executablePath = findBrowser();
const editions = EDITION_NAMES.map(editionBuild);

export default defineConfig({
  testDir: 'tests/e2e',
  // Maps astro:content to a stand-in, so specs can read content through the site's own schema.
  tsconfig: './tests/tsconfig.json',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  // Sized for a two-core machine that other work keeps busy (a healthy test takes seconds
  // there on an idle one); only a failing test waits this long. Nothing builds inside a test
  // (npm test builds first); fixtures and hooks share the test's time.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS },
    viewport: { width: 390, height: 844 },
    navigationTimeout: 60_000,
    actionTimeout: 30_000,
    // One browser context per worker, reset between tests (storage, permissions, routes,
    // viewport, media): a fresh context's first page costs a new renderer, about 0.4 s a test.
    // Tests that set other context options (no JavaScript, say) still get a fresh one.
    reuseContext: true,
  },
  // The same specs for each edition (tests/support/editions.ts): the one in content/ at the
  // root, the sample edition under its sub-path, each built by `npm run test:build`.
  projects: editions.map(({ name, port, base }) => ({
    name,
    use: { editionName: name, baseURL: `http://localhost:${port}${base}` },
  })),
  webServer: editions.map(({ outDir, port, base }) => ({
    command: `node scripts/static-server.mjs --dir ${JSON.stringify(outDir)} --port ${port} --base ${base}`,
    url: `http://localhost:${port}${base}`,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
  })),
});
