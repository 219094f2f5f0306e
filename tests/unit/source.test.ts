import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-cli';
import { bodyParagraphs, MENDS, sourceHeadings } from '../support/source';

const chineseContent = [
  'content/report/zh.mdx',
  ...readdirSync(join(projectRoot, 'content/sections/zh')).map((file) => `content/sections/zh/${file}`),
]
  .map((path) => readFileSync(join(projectRoot, path), 'utf8'))
  .join('\n');
const contentReadme = readFileSync(join(projectRoot, 'content/README.md'), 'utf8');

describe('the edited source', () => {
  // The artifact as content/README.md writes it for people: "决定性意 / 义".
  it.each(MENDS.map(([from, to]) => [from.replace(/\s+/, ' / '), to, from] as const))(
    '“%s” stands mended to “%s” in the Chinese content, and content/README.md lists it',
    (listed, mended, from) => {
      // A word split by a page break may come back with any whitespace inside it.
      const artifact = new RegExp(from.split(/\s+/).join('\\s+'));
      expect(chineseContent).not.toMatch(artifact);
      expect(chineseContent).toContain(mended);
      expect(contentReadme).toContain(listed);
    },
  );

  it('has the lead, the paragraphs and the bullets of the five sections', () => {
    const paragraphs = bodyParagraphs();
    expect(paragraphs[0]).toMatch(/^2023年，在中共区委领导下/);
    expect(paragraphs.at(-1)).toMatch(/^十四届二次会议以来/);
    expect(paragraphs).toHaveLength(12);
  });

  it('ends with a heading that has no text, which the site leaves out', () => {
    expect(sourceHeadings().at(-1)).toEqual({ level: 3, text: '建言资政助力发展' });
    expect(chineseContent).not.toContain('建言资政助力发展');
  });
});

describe('Chinese content files', () => {
  it.each(bodyParagraphs().map((p) => [p.slice(0, 16), p]))('hold “%s…” verbatim', (_start, paragraph) => {
    expect(chineseContent).toContain(paragraph);
  });
});
