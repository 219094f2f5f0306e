// Finds a Chromium-family browser for the build (PDFs, share previews), the tests and the bench.
// Nothing here installs anything: where no browser is found, the message says what to install.
// Order: CHROMIUM_PATH; Playwright's own Chromium (`npx playwright install chromium`); then the
// places Chrome, Chromium and Edge install themselves on Linux, macOS and Windows.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// Playwright is loaded only when a browser is looked for or launched: it takes half a second to
// load, which a build's start-up need not wait for.
const require = createRequire(import.meta.url);

/** Flags for running headless on a closed network, also as root in CI containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function installedBrowsers(platform = process.platform, env = process.env) {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(Boolean);
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ];
}

function playwrightOwnBrowser() {
  try {
    const path = require('playwright-core').chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const NO_BROWSER_HELP = [
  'No Chromium, Chrome or Edge found (the build prints PDFs and share previews with one).',
  'Install one of:',
  '  • Playwright’s own: npx playwright install chromium',
  '  • Google Chrome or Microsoft Edge (Windows, macOS), or on Debian/Ubuntu: sudo apt-get install -y chromium',
  'or point CHROMIUM_PATH at the browser’s executable.',
].join('\n');

/** The browser executable to launch, or undefined where none is found. */
export function findBrowser() {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  return playwrightOwnBrowser() ?? installedBrowsers().find((path) => existsSync(path));
}

/** Launch options for `chromium.launch()`; throws with instructions when there is no browser. */
export function chromiumLaunchOptions() {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(NO_BROWSER_HELP);
  return { executablePath, args: CHROMIUM_ARGS };
}

/** Launches the browser headless, with the flags above; rejects with instructions when there is none. */
export async function launchChromium() {
  /** @type {typeof import('playwright-core')} */
  const { chromium } = require('playwright-core');
  return chromium.launch(chromiumLaunchOptions());
}
