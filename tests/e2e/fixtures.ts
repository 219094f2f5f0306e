/*
 * The `test` every spec uses: Playwright's, plus the edition under test (tests/support/edition.ts)
 * as a worker fixture. playwright.config.ts runs every spec once per edition (one project each),
 * with `baseURL` at the edition's base path: go to pages by relative paths (`page.goto('en/')`,
 * or `sitePath()` for an absolute one), never by "/…", which would leave the base.
 *
 * Tests are declared before the edition is known (Playwright collects them once for every
 * project), so a test loops over the edition's pages or sections inside its body, or is
 * declared per language or width, which every edition has.
 */
import { test as base } from '@playwright/test';
import { loadEdition, type Edition } from '../support/edition';
import type { EditionName } from '../support/editions';

export const test = base.extend<object, { editionName: EditionName; edition: Edition }>({
  editionName: ['content', { option: true, scope: 'worker' }],
  edition: [async ({ editionName }, use) => use(loadEdition(editionName)), { scope: 'worker' }],
});

export { expect, type Page, type Request, type Response } from '@playwright/test';
