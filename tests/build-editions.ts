// Builds every edition the browser tests read (tests/support/editions.ts), one after the other,
// each with the test origin and its base path, into test-builds/. `npm test` runs it before
// Playwright; run it yourself after changing src/ or content/.
//
//   node tests/build-editions.ts              both editions, with PDFs
//   node tests/build-editions.ts sample       one of them
//   node tests/build-editions.ts --no-pdf     quicker, for specs that read no PDF
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  EDITION_NAMES,
  editionBuild,
  projectRoot,
  TEST_SITE_URL,
  type EditionName,
} from './support/editions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-pdf': { type: 'boolean', default: false } },
});
const unknown = positionals.filter((name) => !(EDITION_NAMES as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`No edition ${unknown.join(', ')}: the editions are ${EDITION_NAMES.join(', ')}.`);
  process.exit(2);
}
const names = positionals.length > 0 ? (positionals as EditionName[]) : EDITION_NAMES;

for (const name of names) {
  const build = editionBuild(name);
  const started = performance.now();
  console.log(`\n▶ ${name}: ${build.contentDir} → ${build.outDir} (${TEST_SITE_URL}${build.base})`);
  rmSync(join(projectRoot, 'test-builds', name), { recursive: true, force: true });
  rmSync(build.cardsDir, { recursive: true, force: true });
  const { status, error } = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: projectRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        SITE_URL: TEST_SITE_URL,
        BASE_PATH: build.base,
        REPORT_CONTENT_DIR: build.contentDir,
        OUT_DIR: build.outDir,
        ASTRO_CACHE_DIR: build.cacheDir,
        REPORT_SHARE_CARDS_DIR: build.cardsDir,
        ...(values['no-pdf'] ? { REPORT_PDF: 'off' } : {}),
      },
    },
  );
  if (error || status !== 0) {
    console.error(`✗ ${name}: the build failed${error ? ` (${error.message})` : ''}`);
    process.exit(1);
  }
  console.log(`✓ ${name} built in ${Math.round((performance.now() - started) / 1000)} s`);
}
