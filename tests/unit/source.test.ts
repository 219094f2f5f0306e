import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../support/edition';
import { EDITION_NAMES, projectRoot } from '../support/editions';
import { bodyParagraphs, emptyHeadings, sourceHeadings } from '../support/source';

/** A content body's paragraphs and list items as text: no list marks, emphasis or components. */
const blocks = (body: string) =>
  body
    .split(/\n\s*\n/)
    .flatMap((block) => block.split(/\n(?=[-*] )/))
    .map((block) =>
      block
        .replace(/<[A-Z][^>]*\/>/g, '')
        .replace(/^[-*]\s+/, '')
        .replace(/[*_]/g, '')
        .trim(),
    )
    .filter(Boolean);

describe.each(EDITION_NAMES)('the %s edition carries its received text', (name) => {
  const edition = loadEdition(name);
  const chinese = [edition.report.zh, ...edition.sections.zh];
  const chineseFiles = chinese.map(({ file }) => readFileSync(join(projectRoot, file), 'utf8')).join('\n');
  const paragraphs = bodyParagraphs(edition);

  it('has a received text with headings and paragraphs', () => {
    expect(sourceHeadings(edition).length).toBeGreaterThan(edition.sections.zh.length - 1);
    expect(paragraphs.length).toBeGreaterThanOrEqual(edition.sections.zh.length);
  });

  // The artifact as the edition's README writes it for people: "决定性意 / 义".
  it.each(edition.expects.mends.map(({ from, to }) => [from.replace(/\s+/, ' / '), to, from] as const))(
    '“%s” stands mended to “%s” in the Chinese content, and the edition’s README lists it',
    (listed, mended, from) => {
      // A word split by a page break may come back with any whitespace inside it.
      expect(chineseFiles).not.toMatch(new RegExp(from.split(/\s+/).join('\\s+')));
      expect(chineseFiles).toContain(mended);
      const readme = join(edition.contentDir, 'README.md');
      if (existsSync(readme)) expect(readFileSync(readme, 'utf8')).toContain(listed);
    },
  );

  it('each of its paragraphs stands verbatim in exactly one Chinese content file', () => {
    for (const paragraph of paragraphs) {
      const holders = chinese.filter(({ body }) => body.includes(paragraph)).map(({ file }) => file);
      expect(holders, paragraph.slice(0, 20)).toHaveLength(1);
    }
  });

  it('and the Chinese content says nothing it does not: each paragraph and list item comes from it', () => {
    const invented = chinese.flatMap(({ file, body }) =>
      blocks(body)
        .filter((block) => !paragraphs.includes(block))
        .map((block) => `${file}: ${block.slice(0, 30)}`),
    );
    expect(invented).toEqual([]);
  });

  it('leaves out a heading with no text under it', () => {
    for (const heading of emptyHeadings(edition)) expect(chineseFiles).not.toContain(heading);
  });
});
