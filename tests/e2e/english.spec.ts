import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfPath } from '../support/edition';
import { findAvoidedRenderings } from '../support/glossary';
import { filesBelow } from '../support/link-check';
import { poppler } from '../support/poppler';
import { expect, test } from './fixtures';

// Renderings the edition's glossary avoids must not reach a reader of the English edition
// anywhere: in its pages (metadata, share-preview text and alt text included) or in its PDF.
test('no avoided rendering stands in any English page or the English PDF', ({ edition }) => {
  const pages = filesBelow(join(edition.dist, 'en')).filter((file) => file.endsWith('.html'));
  // Every English page, and the English 404 page.
  expect(pages).toHaveLength(edition.pages.filter((p) => p.lang === 'en').length + 1);
  expect(pages).toContain('404.html');
  const found = pages.flatMap((file) =>
    findAvoidedRenderings(readFileSync(join(edition.dist, 'en', file), 'utf8'), edition.glossary).map(
      (phrase) => `en/${file}: ${phrase}`,
    ),
  );
  expect(found).toEqual([]);
  const text = poppler('pdftotext', '-enc', 'UTF-8', join(edition.dist, pdfPath(edition, 'en')), '-');
  expect(text.length).toBeGreaterThan(500);
  expect(findAvoidedRenderings(text, edition.glossary)).toEqual([]);
});

test('no Chinese stands in an English page, text or attribute, unless marked as Chinese', async ({
  page,
  edition,
}) => {
  const found: string[] = [];
  // Every English page, and the English 404 page under /en/.
  for (const path of [
    ...edition.pages.filter((p) => p.lang === 'en').map((p) => p.path),
    'en/no-such-page/',
  ]) {
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
