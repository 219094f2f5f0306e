import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { getAbsoluteLocaleUrl, getRelativeLocaleUrl } from 'astro:i18n';
import { contentFailure, type ContentEntry } from '../lib/checked-glob';
import { findReportProblems, findSectionProblems } from '../lib/checks';
import { withSlash } from '../lib/base-path';
import type { Lang } from '../lib/i18n';

export type Section = CollectionEntry<'sections'>;
export type ReportCover = CollectionEntry<'report'>;

const checked = <Data>(
  entry: CollectionEntry<'sections' | 'report'> & { data: Data },
): ContentEntry<Data> => ({
  id: entry.id,
  filePath: entry.filePath ?? entry.id,
  data: entry.data,
  body: entry.body ?? '',
});

/**
 * In `astro dev` the glob loader reloads an edited file without the collection's checks
 * (src/lib/checked-glob.ts), so every page runs them as it reads the content: content that
 * fails them stops the page, with the reasons in the error overlay. A build has run them already.
 */
async function assertContentIsSound() {
  if (!import.meta.env.DEV) return;
  const failure =
    contentFailure('sections', findSectionProblems((await getCollection('sections')).map(checked))) ??
    contentFailure('report', findReportProblems((await getCollection('report')).map(checked)));
  if (failure) throw new Error(failure);
}

/** The sections of one language, in report order. */
export async function getSections(lang: Lang): Promise<Section[]> {
  await assertContentIsSound();
  const sections = await getCollection('sections', (entry) => entry.id.startsWith(`${lang}/`));
  return sections.sort((a, b) => a.data.order - b.data.order);
}

/** The cover (title, subtitle, lead) of one language; the content check guarantees it exists. */
export async function getReportCover(lang: Lang): Promise<ReportCover> {
  await assertContentIsSound();
  const cover = await getEntry('report', lang);
  if (!cover) throw new Error(`The report cover has no entry for "${lang}"`);
  return cover;
}

/** The report in one language: its cover and its sections, in order. */
export async function getReport(lang: Lang): Promise<{ cover: ReportCover; sections: Section[] }> {
  return { cover: await getReportCover(lang), sections: await getSections(lang) };
}

/** A page of the site in a language, with base and trailing slash as configured: ("en", "<slug>/"). */
export function pageUrl(lang: Lang, path = '', hash?: string): string {
  return `${getRelativeLocaleUrl(lang, path)}${hash ? `#${hash}` : ''}`;
}

/** The canonical absolute URL of a page, on the published origin. */
export function absolutePageUrl(lang: Lang, path = '', hash?: string): string {
  return `${getAbsoluteLocaleUrl(lang, path)}${hash ? `#${hash}` : ''}`;
}

/** A file of the built site (not a page): "og/zh/home.png" under the base path. */
export function assetUrl(path: string): string {
  return `${withSlash(import.meta.env.BASE_URL)}${path.replace(/^\//, '')}`;
}

/** The absolute URL of a file of the built site. */
export function absoluteAssetUrl(site: URL | undefined, path: string): string {
  return new URL(assetUrl(path), site).href;
}
