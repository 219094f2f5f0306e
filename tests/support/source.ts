import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './astro-cli';

/**
 * The mends an editor makes to the print-layout text (content/README.md lists the same ones,
 * for people), each with the number of times it matches the source: a changed source fails loudly.
 */
export const MENDS: ReadonlyArray<[from: string, to: string, times: number]> = [
  ['决定性意\n\n义', '决定性意义', 1],
  ['信息采纳\n\n情况', '信息采纳情况', 1],
  ['履职平\n\n台', '履职平台', 1],
  ['转化转化为', '转化为', 1],
  ['履職', '履职', 2],
];

// Photo captions stand between paragraphs in the source; galleries place them.
export const PHOTO_CAPTIONS = [
  '朝阳区政协主席班子围绕重点提案督办开展调研',
  '朝阳区政协召开十四届七次常委会会议',
  '朝阳区政协召开界别工作会议',
  '全国、北京市、朝阳区三级政协支部联合开展主题党日活动',
];

function readSource(): string {
  return readFileSync(join(projectRoot, 'content/source/review-2023.zh.txt'), 'utf8');
}

/** The source with the editor's mends applied. */
export function mendedSource(): string {
  let text = readSource();
  for (const [from, to, times] of MENDS) {
    const count = text.split(from).length - 1;
    if (count !== times) {
      throw new Error(
        `Mend "${from}" matches the source ${count} times, not ${times}: has the source changed?`,
      );
    }
    text = text.replaceAll(from, to);
  }
  return text;
}

/**
 * Every paragraph of running text the site must show verbatim: not headings, the subtitle,
 * photo captions, or the running header repeated after the captions.
 */
export function bodyParagraphs(): string[] {
  const blocks = mendedSource()
    .split(/\n\s*\n/)
    .flatMap((block) => block.split('\n'))
    .map((line) => line.trim())
    .filter(Boolean);
  const headings = new Set(blocks.filter((b) => b.startsWith('#')).map((b) => b.replace(/^#+\s*/, '')));
  return blocks
    .filter((b) => !b.startsWith('#') && !b.startsWith('——'))
    .filter((b) => !PHOTO_CAPTIONS.includes(b) && !headings.has(b))
    .map((b) => b.replace(/^- ◆\s*/, ''));
}

/** Headings of the source in order, level and text. */
export function sourceHeadings(): Array<{ level: number; text: string }> {
  return [...readSource().matchAll(/^(#+)\s*(.+)$/gm)].map((m) => ({
    level: m[1]!.length,
    text: m[2]!.trim(),
  }));
}
