/*
 * The edition under test, as its content states it: what every spec derives its expectations
 * from, so that the same specs pass for any edition (tests/README.md, "One suite for any
 * edition"). Entries are read from the edition's files and validated by the site's own schema
 * (src/content.config.ts); the received text is the one file in its source/ folder; what cannot
 * be derived stands in its tests.json. Plain Node: Vitest and Playwright both use it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { z } from 'astro/zod';
import { collections } from '../../src/content.config';
import { editionBuild, projectRoot, TEST_SITE_URL, type EditionName } from './editions';
import type { GlossaryTerm } from './glossary';

export type Lang = 'zh' | 'en';
/** The site's languages, the original first (README: Chinese at /, English at /en/). */
export const LANGUAGES: ReadonlyArray<{ lang: Lang; htmlLang: string; prefix: string; other: Lang }> = [
  { lang: 'zh', htmlLang: 'zh-CN', prefix: '', other: 'en' },
  { lang: 'en', htmlLang: 'en', prefix: 'en/', other: 'zh' },
];
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export interface Stat {
  id: string;
  value: number;
  unit: string;
  label: string;
  tableLabel?: string;
  headline?: boolean;
  items?: string[];
}

export interface Photo {
  id: string;
  /** The photo's file (absolute). */
  file: string;
  caption: string;
  alt: string;
  credit?: string;
}

export interface Chart {
  id: string;
  title: string;
  /** How each group of stats is drawn (content/README.md, "Charts"); `of`: a part row's whole. */
  rows: Array<{ draw: 'none' | 'bars' | 'part' | 'meter' | 'units' | 'list'; stats: string[]; of?: string }>;
  states?: Array<{ of: string; label: string; text: string }>;
  computed?: Array<{ part: string; whole: string; label: string }>;
}

export interface Section {
  lang: Lang;
  slug: string;
  order: number;
  title: string;
  summary: string;
  stats: Stat[];
  charts: Chart[];
  photos: Photo[];
  numberExceptions: string[];
  body: string;
  /** The content file, relative to the project. */
  file: string;
}

export interface Cover {
  lang: Lang;
  id: string;
  title: string;
  subtitle: string;
  shortTitle: string;
  phoneTitle?: string;
  publisher: string;
  year: number;
  summary: string;
  photos: Photo[];
  contact?: string;
  published?: Date;
  icp?: string;
  publicSecurity?: { number: string; url: string };
  siteCode?: string;
  editions: Array<{ label: string; url: string }>;
  numberExceptions: string[];
  body: string;
  file: string;
}

/** A page of the site: its language, its path without language (`neutral`) and its path below the base. */
export interface SitePage {
  lang: Lang;
  htmlLang: string;
  kind: 'home' | 'full-report' | 'section';
  /** "", "full-report/" or "<slug>/". */
  neutral: string;
  /** Below the base path, as a relative URL: "", "en/", "<slug>/", "en/full-report/". */
  path: string;
  /** The share-preview card key: "home", "full-report" or the slug. */
  card: string;
}

/** What cannot be read from the content: the edition's tests.json (README, "Publishing next year's review"). */
export interface Expectations {
  /** How many figures the received text states; each must be a stat. */
  figures: number;
  /** The editor's mends to the received text, each with the times it matches there (content/README.md lists them for people). */
  mends: Array<{ from: string; to: string; times: number }>;
  /** At most this many pages per PDF. */
  pdfPages: Record<Lang, number>;
}

export interface Edition {
  name: EditionName;
  contentDir: string;
  /** The built site (absolute). */
  dist: string;
  /** The share-card pages the build kept (absolute). */
  cardsDir: string;
  /** "/" or "/<sub-path>/". */
  base: string;
  /** The origin the build was made for: SITE_URL. */
  site: string;
  report: Record<Lang, Cover>;
  /** Each language's sections in report order. */
  sections: Record<Lang, Section[]>;
  /** Every page, Chinese first, each language home, full report, sections. */
  pages: SitePage[];
  expects: Expectations;
  glossary: GlossaryTerm[];
  /** The received source text (the one file in source/) and its name. */
  source: { file: string; text: string };
}

const PHOTO_EXTENSIONS = /\.(jpe?g|png|webp|avif|tiff?)$/i;

function frontmatterOf(file: string) {
  const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
  return { data: frontmatter as Record<string, unknown>, body: content.trim() };
}

/** The content file's data as the site's schema reads it (defaults filled in), photos resolved to files. */
function validated<T>(collection: 'sections' | 'report', file: string): { data: T; body: string } {
  // image() stands for a photo's file; here it is its path, resolved below.
  const schemaOf = collections[collection].schema as unknown as (context: {
    image: () => z.ZodType;
  }) => z.ZodType;
  const schema = schemaOf({ image: () => z.string() });
  const { data, body } = frontmatterOf(file);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new Error(
      `${relative(projectRoot, file)} does not pass the content schema: ${parsed.error.message}`,
    );
  }
  const result = parsed.data as Record<string, unknown> & { photos: Array<{ src: string }> };
  const photos = result.photos.map(({ src, ...photo }) => ({ ...photo, file: resolve(dirname(file), src) }));
  return { data: { ...result, photos } as T, body };
}

function readSections(contentDir: string, lang: Lang): Section[] {
  const dir = join(contentDir, 'sections', lang);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const file = join(dir, name);
      const { data, body } = validated<Omit<Section, 'lang' | 'body' | 'file'>>('sections', file);
      return { ...data, lang, body, file: relative(projectRoot, file) };
    })
    .sort((a, b) => a.order - b.order);
}

function readCover(contentDir: string, lang: Lang): Cover {
  const file = join(contentDir, 'report', `${lang}.mdx`);
  const { data, body } = validated<Omit<Cover, 'lang' | 'body' | 'file'>>('report', file);
  return { ...data, lang, body, file: relative(projectRoot, file) };
}

/** The received text: the one text file in the edition's source/ folder, whatever its name. */
function readSource(contentDir: string): { file: string; text: string } {
  const dir = join(contentDir, 'source');
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.txt')) : [];
  if (files.length !== 1) {
    throw new Error(
      `${relative(projectRoot, dir)}/ must hold the received text as one .txt file (found ${files.length})`,
    );
  }
  const file = join(dir, files[0]!);
  return { file, text: readFileSync(file, 'utf8') };
}

function readExpectations(contentDir: string): Expectations {
  const file = join(contentDir, 'tests.json');
  if (!existsSync(file))
    throw new Error(`${relative(projectRoot, file)} is missing (README, "Publishing next year's review")`);
  return JSON.parse(readFileSync(file, 'utf8')) as Expectations;
}

function readGlossary(contentDir: string): GlossaryTerm[] {
  const file = join(contentDir, 'glossary.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { terms: GlossaryTerm[] }).terms : [];
}

const loaded = new Map<EditionName, Edition>();

/** The edition `name` (tests/support/editions.ts), read once per process. */
export function loadEdition(name: EditionName): Edition {
  const cached = loaded.get(name);
  if (cached) return cached;
  const build = editionBuild(name);
  const { contentDir } = build;
  const sections = { zh: readSections(contentDir, 'zh'), en: readSections(contentDir, 'en') };
  const pages = LANGUAGES.flatMap(({ lang, htmlLang, prefix }): SitePage[] => [
    { lang, htmlLang, kind: 'home', neutral: '', path: prefix, card: 'home' },
    {
      lang,
      htmlLang,
      kind: 'full-report',
      neutral: 'full-report/',
      path: `${prefix}full-report/`,
      card: 'full-report',
    },
    ...sections[lang].map(({ slug }) => ({
      lang,
      htmlLang,
      kind: 'section' as const,
      neutral: `${slug}/`,
      path: `${prefix}${slug}/`,
      card: slug,
    })),
  ]);
  const edition: Edition = {
    name,
    contentDir,
    dist: build.outDir,
    cardsDir: build.cardsDir,
    base: build.base,
    site: TEST_SITE_URL,
    report: { zh: readCover(contentDir, 'zh'), en: readCover(contentDir, 'en') },
    sections,
    pages,
    expects: readExpectations(contentDir),
    glossary: readGlossary(contentDir),
    source: readSource(contentDir),
  };
  loaded.set(name, edition);
  return edition;
}

/* Helpers every spec uses: paths, URLs and the content in page order. */

/** A page's path below the base: ("en", "<slug>/") → "en/<slug>/". */
export const pagePath = (lang: Lang, neutral = '') => `${lang === 'zh' ? '' : 'en/'}${neutral}`;

/** The page's path from the origin, as links and `location.pathname` have it: "/<base>/en/<slug>/". */
export const sitePath = (edition: Edition, lang: Lang, neutral = '') =>
  `${edition.base}${pagePath(lang, neutral)}`;

/** The canonical URL of a page (and place), on the origin the edition was built for. */
export const canonical = (edition: Edition, lang: Lang, neutral = '', hash?: string) =>
  `${edition.site}${sitePath(edition, lang, neutral)}${hash ? `#${hash}` : ''}`;

/** Every stat of a language in report order, with its section's slug. */
export const statsOf = (edition: Edition, lang: Lang) =>
  edition.sections[lang].flatMap((section) => section.stats.map((stat) => ({ ...stat, slug: section.slug })));

/** Every photo of a language in page order on the full report: the cover's, then each section's. */
export const photosOf = (edition: Edition, lang: Lang) => [
  ...edition.report[lang].photos.map((photo) => ({ ...photo, slug: undefined as string | undefined })),
  ...edition.sections[lang].flatMap((section) =>
    section.photos.map((photo) => ({ ...photo, slug: section.slug })),
  ),
];

/** The PDF of a language, below the base (README: named after the report id). */
export const pdfPath = (edition: Edition, lang: Lang) => `downloads/${edition.report.zh.id}-${lang}.pdf`;

/** Every photo file the edition's content folder holds. */
export const photoFiles = (edition: Edition) =>
  readdirSync(join(edition.contentDir, 'photos'))
    .filter((name) => PHOTO_EXTENSIONS.test(name))
    .map((name) => join(edition.contentDir, 'photos', name));

/** A number as the language prints a figure: "1255" in Chinese (grouped from 10,000), "1,255" in English. */
export const printedNumber = (value: number, lang: Lang) =>
  lang === 'en' || value >= 10_000 ? value.toLocaleString('en') : String(value);
