import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDITION_NAMES, editionBuild, TEST_SITE_URL } from '../support/editions';

/** Stops at once, saying what to run, where an edition is not built, or not built for the tests. */
export default function globalSetup() {
  for (const name of EDITION_NAMES) {
    const { outDir, base } = editionBuild(name);
    const robots = join(outDir, 'robots.txt');
    const built = existsSync(robots) && readFileSync(robots, 'utf8').includes(`${TEST_SITE_URL}${base}`);
    if (!built) {
      throw new Error(
        `The ${name} edition is not built for the tests in ${outDir}: run npm run test:build (or npm test).`,
      );
    }
  }
}
