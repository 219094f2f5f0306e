import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { afterBuild } from './after-build';

/** Text files a host sends compressed. Images, PDFs and fonts are compressed formats already. */
export const COMPRESSIBLE = /\.(html|css|js|mjs|svg|xml|json|txt|csv|webmanifest)$/i;

/** A compressed copy is kept only when it saves at least this share of the file. */
const MIN_SAVING = 0.1;

export interface PrecompressResult {
  files: number;
  bytes: number;
  gzip: number;
  brotli: number;
  skipped: string[];
}

/**
 * Writes `<file>.gz` (gzip level 9) and `<file>.br` (brotli quality 11) beside every text file
 * below `dir`, for nginx's gzip_static and brotli_static, and any host that serves such files.
 * Each copy gets its original's modification time, so Last-Modified is the same for every
 * encoding. Files where compression does not pay (a few dozen bytes) are left alone. The files
 * are compressed all at once, in Node's thread pool: on every core the machine has.
 */
export async function precompressDir(dir: string): Promise<PrecompressResult> {
  const result: PrecompressResult = { files: 0, bytes: 0, gzip: 0, brotli: 0, skipped: [] };
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    COMPRESSIBLE.test(file),
  );
  const compressed = await Promise.all(
    files.map(async (relative) => {
      const file = join(dir, relative);
      const stats = statSync(file);
      if (!stats.isFile()) return undefined;
      const body = readFileSync(file);
      const [gz, br] = await Promise.all([
        promisify(gzip)(body, { level: 9 }),
        promisify(brotliCompress)(body, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
      ]);
      return { relative, file, stats, body, copies: { gz, br } };
    }),
  );
  for (const entry of compressed) {
    if (!entry) continue;
    const { relative, file, stats, body, copies } = entry;
    let kept = false;
    for (const [extension, copy] of Object.entries(copies)) {
      if (copy.length > body.length * (1 - MIN_SAVING)) continue;
      const target = `${file}.${extension}`;
      writeFileSync(target, copy);
      utimesSync(target, stats.atimeMs / 1000, stats.mtimeMs / 1000);
      result[extension === 'gz' ? 'gzip' : 'brotli'] += copy.length;
      kept = true;
    }
    if (kept) {
      result.files += 1;
      result.bytes += body.length;
    } else result.skipped.push(relative);
  }
  return result;
}

/**
 * Precompresses the build's text files. Register it last: it must see the files every other
 * integration writes or rewrites at astro:build:done (the PDF step patches the HTML).
 */
export function precompress(): AstroIntegration {
  return afterBuild('precompress', async ({ distDir, logger }) => {
    const started = performance.now();
    const { files, bytes, gzip, brotli, skipped } = await precompressDir(distDir);
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    logger.info(
      `${files} text files (${kb(bytes)}) precompressed: gzip ${kb(gzip)}, brotli ${kb(brotli)} ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s` +
        (skipped.length ? `; not worth it: ${skipped.join(', ')}` : ''),
    );
  });
}
