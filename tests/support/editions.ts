/*
 * The editions `npm test` builds and tests, and where each is built and served. Plain Node (no
 * Astro, no Playwright), so that the build step (tests/build-editions.ts), playwright.config.ts
 * and the specs read the same list. What each edition holds is read by tests/support/edition.ts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * The origin the test builds are made for (SITE_URL): one host, as a portal publishes several
 * years' editions side by side. Not the site's address: tests never fetch it.
 */
export const TEST_SITE_URL = 'https://www.example.gov.cn';

/**
 * `content`: the edition in content/ (or REPORT_CONTENT_DIR), at the site's root, as it is
 * published. `sample`: tests/fixtures/sample-edition, a second, differently shaped edition,
 * under a sub-path named after its report id, as a further year is published beside it.
 */
export const EDITION_NAMES = ['content', 'sample'] as const;
export type EditionName = (typeof EDITION_NAMES)[number];

export interface EditionBuild {
  name: EditionName;
  /** The edition's content folder (absolute). */
  contentDir: string;
  /** BASE_PATH: "/" or "/<report id>/". */
  base: string;
  /** The built site (absolute); for a sub-path, a folder named like it, so nginx can serve its parent. */
  outDir: string;
  /** The share-preview card pages, kept by the build for the sharing spec (REPORT_SHARE_CARDS_DIR). */
  cardsDir: string;
  /** Astro's cache for this edition (optimised images), kept between runs. */
  cacheDir: string;
  /** The port of the test server that serves it. */
  port: number;
}

const BUILDS = join(projectRoot, 'test-builds');

/** The report id, as report/zh.mdx declares it (the schema makes it one ASCII word). */
function reportId(contentDir: string): string {
  const cover = readFileSync(join(contentDir, 'report/zh.mdx'), 'utf8');
  const id = /^id:\s*["']?([a-z0-9-]+)["']?\s*$/m.exec(cover)?.[1];
  if (!id) throw new Error(`${contentDir}/report/zh.mdx has no id`);
  return id;
}

/** Where an edition comes from, is built and is served. E2E_PORT serves the first; +1000 the second. */
export function editionBuild(name: EditionName): EditionBuild {
  const port = Number(process.env['E2E_PORT'] ?? 4322) + (name === 'content' ? 0 : 1000);
  const contentDir =
    name === 'content'
      ? resolve(projectRoot, process.env['REPORT_CONTENT_DIR'] ?? 'content')
      : join(projectRoot, 'tests/fixtures/sample-edition');
  const base = name === 'content' ? '/' : `/${reportId(contentDir)}/`;
  return {
    name,
    contentDir,
    base,
    outDir: join(BUILDS, name, base),
    cardsDir: join(BUILDS, `${name}-cards`),
    cacheDir: join(BUILDS, `${name}-cache`),
    port,
  };
}
