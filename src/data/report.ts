import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Lang } from '../lib/i18n';

export type Section = CollectionEntry<'sections'>;
export type ReportCover = CollectionEntry<'report'>;

/** The sections of one language, in report order. */
export async function getSections(lang: Lang): Promise<Section[]> {
  const sections = await getCollection('sections', (entry) => entry.id.startsWith(`${lang}/`));
  return sections.sort((a, b) => a.data.order - b.data.order);
}

/** The cover (title, subtitle, lead) of one language; the content check guarantees it exists. */
export async function getReportCover(lang: Lang): Promise<ReportCover> {
  const cover = await getEntry('report', lang);
  if (!cover) throw new Error(`content/report/${lang}.mdx is missing`);
  return cover;
}
