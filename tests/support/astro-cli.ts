import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_SITE_URL } from './editions';

export const projectRoot = resolve(import.meta.dirname, '../..');
const fixtures = join(projectRoot, 'tests/fixtures/content');
const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/**
 * A content folder made from the valid fixture with one broken case laid over it: the case's
 * files replace the valid ones, and paths listed in its REMOVE file are deleted.
 */
export function contentFixture(brokenCase?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-content-'));
  cpSync(join(fixtures, 'valid'), dir, { recursive: true });
  if (brokenCase) {
    const overlay = join(fixtures, 'broken', brokenCase);
    if (!existsSync(overlay)) throw new Error(`No fixture case ${brokenCase}`);
    cpSync(overlay, dir, { recursive: true });
    const removeList = join(dir, 'REMOVE');
    if (existsSync(removeList)) {
      for (const path of readFileSync(removeList, 'utf8').split('\n').filter(Boolean))
        rmSync(join(dir, path));
      rmSync(removeList);
    }
  }
  return dir;
}

const TURN = join(projectRoot, 'node_modules/.astro-turn');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Astro keeps a build's and a dev server's state in the project's own .astro/ folder, whatever
 * content and output folders it is given: two of them at once (say the sample edition's build
 * and the dev-checks server, in two Playwright workers) build each other's content. Each takes
 * its turn; the function returned ends it. A turn left by a killed run is taken over.
 */
export async function astroTurn(): Promise<() => void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(TURN);
      writeFileSync(join(TURN, 'pid'), String(process.pid));
      return () => rmSync(TURN, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(existsSync(join(TURN, 'pid')) ? readFileSync(join(TURN, 'pid'), 'utf8') : 0);
    if (owner && !alive(owner)) {
      rmSync(TURN, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Waited 10 minutes for ${TURN}: remove it if no test runs`);
    await sleep(500);
  }
}

/**
 * Runs the Astro CLI on the project with another content folder; never touches dist/ or the
 * cache. A build takes its turn (see astroTurn); a sync only writes .astro/, so syncs run side by side.
 */
export async function runAstro(
  command: 'sync' | 'build',
  contentDir: string,
  outDir?: string,
  env: Record<string, string> = {},
): Promise<{ status: number | null; output: string }> {
  const endTurn = command === 'build' ? await astroTurn() : () => undefined;
  const cacheDir = mkdtempSync(join(tmpdir(), 'report-cache-'));
  const child = spawn(process.execPath, [astroBin, command], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      REPORT_CONTENT_DIR: contentDir,
      ASTRO_CACHE_DIR: cacheDir,
      OUT_DIR: outDir ?? join(cacheDir, 'dist'),
      // A build needs a real origin (astro.config.mjs); tests never fetch it.
      SITE_URL: TEST_SITE_URL,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ...env,
    },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      endTurn();
      reject(error);
    });
    child.once('close', (status) => {
      endTurn();
      rmSync(cacheDir, { recursive: true, force: true });
      resolve({ status, output });
    });
  });
}
