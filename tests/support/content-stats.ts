import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './astro-cli';

/** A section's stats as its content file declares them: id and value, in order. */
export function sectionStats(lang: string, slug: string): Array<{ id: string; value: number }> {
  const file = readFileSync(join(projectRoot, 'content/sections', lang, `${slug}.mdx`), 'utf8');
  const frontmatter = file.split(/^---$/m)[1] ?? '';
  // The `stats:` block runs to the next top-level key.
  const block = /^stats:\n((?:[ \t]+.*\n|\n)*)/m.exec(frontmatter)?.[1] ?? '';
  return [...block.matchAll(/^ {2}- id: (\S+)\n(?: {4}.*\n)*? {4}value: ([\d.]+)$/gm)].map((match) => ({
    id: match[1]!,
    value: Number(match[2]),
  }));
}

/** A number as the language prints a figure: "1255" in Chinese, "1,255" in English. */
export const printedNumber = (value: number, lang: string) =>
  lang === 'en' ? value.toLocaleString('en') : String(value);
