// Finds a Chromium for Playwright (tests, screenshots, PDF). Playwright cannot download its
// own browser on every machine, so the order is: an explicit path, Playwright's own browser
// when one is installed, the system's Chromium, and — as root with apt — installing it.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';

/** Flags for running headless on a closed network as root (CI containers). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function playwrightOwnBrowser() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Installs Debian packages when running as root with apt; false where it cannot. */
function aptInstall(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  console.error(`[browser] installing ${packages.join(', ')} with apt-get…`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium executable to launch, or undefined to let Playwright use its own.
 * Throws with instructions when none can be found or installed.
 */
export function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  if (playwrightOwnBrowser()) return undefined;
  const system = () => SYSTEM_CANDIDATES.find((path) => existsSync(path));
  const found = system() ?? (install && aptInstall(['chromium', 'fonts-noto-cjk']) ? system() : undefined);
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the browser tests.',
      'Install one of:',
      '  • Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk',
      '  • Playwright’s own: npx playwright install chromium',
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    ].join('\n'),
  );
}

function hasCjkFont() {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/**
 * Chinese pages and PDFs need a CJK font on the machine that renders them. Installs Debian's
 * fonts-noto-cjk where it can (root with apt), else throws saying how to get one.
 */
export function ensureCjkFont() {
  if (hasCjkFont() || (aptInstall(['fonts-noto-cjk']) && hasCjkFont())) return;
  throw new Error(
    'No Chinese (CJK) font found, so Chinese text cannot be rendered or printed.\n' +
      'Install one, e.g. on Debian/Ubuntu: sudo apt-get install -y fonts-noto-cjk',
  );
}

function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The PDF tests read the PDFs back with poppler (pdftotext, pdfinfo, pdffonts). Installs
 * Debian's poppler-utils where it can (root with apt), else throws saying how to get it.
 */
export function ensurePoppler() {
  if (hasCommand('pdftotext') || (aptInstall(['poppler-utils']) && hasCommand('pdftotext'))) return;
  throw new Error(
    'The PDF tests need poppler (pdftotext, pdfinfo, pdffonts).\n' +
      'Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y poppler-utils',
  );
}

/** Launch options for `chromium.launch()` and Playwright's `use.launchOptions`. */
export function chromiumLaunchOptions(options) {
  const executablePath = findChromium(options);
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}
