import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

/** Runs the Astro CLI on the project with another content folder; never touches dist/ or the cache. */
export function runAstro(
  command: 'sync' | 'build',
  contentDir: string,
  outDir?: string,
  env: Record<string, string> = {},
): Promise<{ status: number | null; output: string }> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'report-cache-'));
  const child = spawn(process.execPath, [astroBin, command], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      REPORT_CONTENT_DIR: contentDir,
      ASTRO_CACHE_DIR: cacheDir,
      OUT_DIR: outDir ?? join(cacheDir, 'dist'),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ...env,
    },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => {
      rmSync(cacheDir, { recursive: true, force: true });
      resolve({ status, output });
    });
  });
}
