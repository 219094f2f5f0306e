import { readdirSync, readFileSync } from 'node:fs';
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

/** The content folder being built (REPORT_CONTENT_DIR, as astro.config.mjs reads it). */
const contentDir = () => join(projectRoot, process.env['REPORT_CONTENT_DIR'] ?? 'content');

/** Each section's slug and photo ids, in order, as the content files of a language declare them. */
export function sectionGalleries(lang: string): Array<{ slug: string; photos: string[] }> {
  const dir = join(contentDir(), 'sections', lang);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const frontmatter = readFileSync(join(dir, file), 'utf8').split(/^---$/m)[1] ?? '';
      const block = /^photos:\n((?:[ \t]+.*\n|\n)*)/m.exec(frontmatter)?.[1] ?? '';
      return {
        slug: /^slug: *["']?([\w-]+)/m.exec(frontmatter)?.[1] ?? '',
        order: Number(/^order: *(\d+)/m.exec(frontmatter)?.[1]),
        photos: [...block.matchAll(/^ {2}- id: *["']?([\w-]+)/gm)].map((match) => match[1]!),
      };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ slug, photos }) => ({ slug, photos }));
}

/** A field of the report's frontmatter in a language (e.g. `published`), or undefined. */
export function reportField(lang: string, field: string): string | undefined {
  const file = readFileSync(join(contentDir(), 'report', `${lang}.mdx`), 'utf8');
  const frontmatter = file.split(/^---$/m)[1] ?? '';
  return new RegExp(`^${field}: *["']?(.*?)["']?$`, 'm').exec(frontmatter)?.[1];
}
