import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findAvoidedRenderings } from '../support/glossary';
import { filesBelow } from '../support/link-check';
import { poppler } from '../support/poppler';

// Renderings the glossary avoids must not reach a reader of the English edition anywhere: in its
// pages (metadata, share-preview text and alt text included) or in its PDF.
const DIST = join(import.meta.dirname, '../../dist');

test('no avoided rendering stands in any English page', () => {
  const pages = filesBelow(join(DIST, 'en')).filter((file) => file.endsWith('.html'));
  expect(pages.length).toBeGreaterThanOrEqual(7);
  const found = pages.flatMap((file) =>
    findAvoidedRenderings(readFileSync(join(DIST, 'en', file), 'utf8')).map(
      (phrase) => `en/${file}: ${phrase}`,
    ),
  );
  expect(found).toEqual([]);
});

test('no avoided rendering stands in the English PDF', () => {
  const pdf = filesBelow(join(DIST, 'downloads')).find((file) => file.endsWith('-en.pdf'));
  expect(pdf).toBeDefined();
  const text = poppler('pdftotext', '-enc', 'UTF-8', join(DIST, 'downloads', pdf!), '-');
  expect(text.length).toBeGreaterThan(5000);
  expect(findAvoidedRenderings(text)).toEqual([]);
});
