/*
 * What the content checks read. Every check returns messages of the form
 * "<file> → <field>: <what is wrong>", so an editor can fix the content without reading code.
 */
import type { ContentEntry } from '../checked-glob';
import type { Photo, ReportData, SectionData } from '../../content.config';

/** While content loads, a photo's `src` is still its file's path: Astro resolves it later. */
export type CheckedPhoto = Omit<Photo, 'src'> & { src: unknown };

/** A section in one language, as the checks read it (entry id `<lang>/<file name>`). */
export type SectionRecord = ContentEntry<Omit<SectionData, 'photos'> & { photos: readonly CheckedPhoto[] }>;

/** The report's cover in one language (entry id: the language). */
export type ReportRecord = ContentEntry<
  Pick<ReportData, 'id' | 'title' | 'subtitle' | 'summary' | 'year' | 'numberExceptions'> &
    Partial<Omit<ReportData, 'photos'>> & { photos: readonly CheckedPhoto[] }
>;

/** The language folder of an entry: `zh/<slug>` → `zh`; the report's `en` → `en`. */
export const langOf = (entry: { id: string }): string => entry.id.split('/')[0] ?? '';
