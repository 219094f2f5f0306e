import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findAvoidedRenderings } from '../support/glossary';
import { filesBelow } from '../support/link-check';
import { poppler } from '../support/poppler';
import { ALL_PAGES } from './site';

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

test('no Chinese stands in an English page, text or attribute, unless marked as Chinese', async ({
  page,
}) => {
  const pages = ALL_PAGES.filter(({ lang }) => lang === 'en');
  expect(pages).toHaveLength(7);
  const found: string[] = [];
  for (const { path } of pages) {
    await page.goto(path);
    found.push(
      ...(await page.evaluate(() => {
        const han = /[\u3400-\u9fff\uf900-\ufaff]/;
        const markedChinese = (element: Element | null) =>
          (element?.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('zh');
        const where = location.pathname;
        const out: string[] = [];
        const texts = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
        for (let node = texts.nextNode(); node; node = texts.nextNode()) {
          const text = node.nodeValue ?? '';
          if (han.test(text) && !markedChinese(node.parentElement))
            out.push(`${where} text: ${text.trim().slice(0, 60)}`);
        }
        for (const element of document.querySelectorAll('*')) {
          for (const { name, value } of element.attributes) {
            if (han.test(value) && !markedChinese(element))
              out.push(`${where} <${element.localName} ${name}>: ${value.slice(0, 60)}`);
          }
        }
        return out;
      })),
    );
  }
  expect(found).toEqual([]);
});
