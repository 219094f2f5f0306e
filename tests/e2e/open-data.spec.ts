import { expect, test } from '@playwright/test';
import { readEdition } from '../support/edition-content';
import { openDataProblems } from '../support/open-data-checks';

// The figures as open data in dist/ (the sample edition's, under a sub-path: edition.spec).
test('each chart and the whole edition offer CSV and JSON that hold the pages’ figures, in each language', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  expect(await openDataProblems(page, readEdition(), `${baseURL}/`)).toEqual([]);
});
