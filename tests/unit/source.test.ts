import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-cli';
import { bodyParagraphs, mendedSource, sourceHeadings } from '../support/source';

const chineseContent = [
  'content/report/zh.mdx',
  ...readdirSync(join(projectRoot, 'content/sections/zh')).map((file) => `content/sections/zh/${file}`),
]
  .map((path) => readFileSync(join(projectRoot, path), 'utf8'))
  .join('\n');

describe('the edited source', () => {
  it('mends every print-layout artifact', () => {
    const text = mendedSource();
    expect(text).not.toMatch(/履職|转化转化|决定性意\s+义|信息采纳\s+情况|履职平\s+台/);
  });

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
