import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './scripts/browser.mjs';

const port = Number(process.env['E2E_PORT'] ?? 4322);
// Detection only: a missing browser is reported by the first launch, with what to install.
const executablePath = findBrowser();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // Generous for a loaded two-core CI machine; a healthy test takes a few seconds.
  timeout: 60_000,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS },
    viewport: { width: 390, height: 844 },
  },
  // Tests read the production build; `npm test` builds before it starts them.
  webServer: {
    command: `node scripts/static-server.mjs --dir dist --port ${port}`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
