import { openDataProblems } from '../support/open-data-checks';
import { expect, test } from './fixtures';

// The figures as open data (tests/support/open-data-checks.ts), on each edition under its base path.
test('each chart and the whole edition offer CSV and JSON that hold the pages’ figures, in each language', async ({
  page,
  baseURL,
  edition,
}) => {
  test.setTimeout(240_000);
  expect(await openDataProblems(page, edition, baseURL!)).toEqual([]);
});
