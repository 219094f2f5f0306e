import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { projectRoot } from './astro-cli';

/*
 * An edition's content as its files declare it, read without the site's code, so tests can
 * derive what pages and data files must show from the edition being built (any edition: the
 * 2023 content, the sample edition, next year's).
 */

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export interface EditionStat {
  id: string;
  value: number;
  unit: string;
  label: string;
  tableLabel?: string;
  headline?: boolean;
  items?: string[];
}

export interface EditionRow {
  draw: 'none' | 'bars' | 'part' | 'meter' | 'units' | 'list';
  stats: string[];
  of?: string;
}

export interface EditionChart {
  id: string;
  title: string;
  rows: EditionRow[];
  states?: Array<{ of: string; label: string; text: string }>;
  computed?: Array<{ part: string; whole: string; label: string }>;
}

export interface EditionSection {
  lang: Lang;
  slug: string;
  order: number;
  title: string;
  summary: string;
  stats: EditionStat[];
  charts: EditionChart[];
  body: string;
}

export interface Edition {
  dir: string;
  report: Record<Lang, { id: string; title: string; year: number }>;
  sections: Record<Lang, EditionSection[]>;
}

/** The content folder the build reads: REPORT_CONTENT_DIR, as astro.config.mjs takes it. */
export const contentDir = () => join(projectRoot, process.env['REPORT_CONTENT_DIR'] ?? 'content');

function read(file: string): { data: Record<string, any>; body: string } {
  const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
  return { data: frontmatter as Record<string, any>, body: content };
}

export function readEdition(dir = contentDir()): Edition {
  const report = {} as Edition['report'];
  const sections = {} as Edition['sections'];
  for (const lang of LANGS) {
    const cover = read(join(dir, 'report', `${lang}.mdx`)).data;
    report[lang] = { id: cover['id'], title: cover['title'], year: cover['year'] };
    const folder = join(dir, 'sections', lang);
    sections[lang] = readdirSync(folder)
      .filter((file) => file.endsWith('.mdx'))
      .map((file) => {
        const { data, body } = read(join(folder, file));
        return {
          lang,
          slug: data['slug'],
          order: data['order'],
          title: data['title'],
          summary: data['summary'],
          stats: data['stats'] ?? [],
          charts: data['charts'] ?? [],
          body,
        } satisfies EditionSection;
      })
      .sort((a, b) => a.order - b.order);
  }
  return { dir, report, sections };
}

/** Every page of an edition, by path under the base: home, full report, each section; both languages. */
export function editionPages(edition: Edition): Array<{ lang: Lang; path: string }> {
  return LANGS.flatMap((lang) => {
    const prefix = lang === 'zh' ? '' : 'en/';
    return ['', 'full-report/', ...edition.sections[lang].map((s) => `${s.slug}/`)].map((path) => ({
      lang,
      path: `${prefix}${path}`,
    }));
  });
}

/** How the content says a stat is drawn: its chart row's kind (a part's whole, and stats no chart draws: "none"). */
export function drawOf(
  section: EditionSection,
  statId: string,
): { row?: EditionRow; draw: EditionRow['draw'] } {
  for (const chart of section.charts) {
    for (const row of chart.rows) {
      if (row.stats.includes(statId)) return { row, draw: row.draw };
      if (row.of === statId) return { row, draw: 'none' };
    }
  }
  return { draw: 'none' };
}

/** A number as the language prints a figure: "1255" in Chinese, "1,255" in English. */
export const printed = (value: number, lang: Lang) =>
  lang === 'en' ? value.toLocaleString('en') : String(value);

/** A share in per cent, to one decimal, as the pages round it. */
export const percentOf = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
