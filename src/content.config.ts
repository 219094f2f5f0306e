import { defineCollection, type SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { checkedGlob } from './lib/checked-glob';
import { findMissingLanguages, findSectionProblems, type SectionRecord } from './lib/integrity';
import { findPhotoFileProblems } from './lib/photo-files';

// Tests point this at fixtures to prove that bad content stops the build.
const contentRoot = process.env['REPORT_CONTENT_DIR'] ?? './content';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const stat = z.object({
  /** Stable ASCII id, identical in both languages; also the figure's anchor id. */
  id: z.string().regex(slugPattern, 'use lowercase ASCII words joined by hyphens'),
  /** The figure as a plain number (1255, not "1,255"); must appear in the body text. */
  value: z.number().nonnegative(),
  /** Unit printed after the number in this language: "人次", "participations", "%". */
  unit: z.string(),
  /** What is counted, in this language; reads naturally with value and unit as one phrase. */
  label: z.string().min(1),
  /** Shown among the report's headline figures on the home page. */
  headline: z.boolean().default(false),
  /** The named things counted, where the source names them; each must appear in the body. */
  items: z.array(z.string().min(1)).optional(),
});

const photo = ({ image }: SchemaContext) =>
  z.object({
    /** Stable ASCII id, identical in both languages; the photo's anchor id. */
    id: z.string().regex(slugPattern, 'use lowercase ASCII words joined by hyphens'),
    /** Image file, relative to this MDX file; a missing file stops the build. */
    src: image(),
    /** Caption in this language (for Chinese, the source's own caption). */
    caption: z.string().min(1),
    /** Alternative text in this language, describing what the picture shows. */
    alt: z.string().min(1),
    /** Photographer or source, when known. */
    credit: z.string().optional(),
  });

const sections = defineCollection({
  loader: checkedGlob({ pattern: '*/*.mdx', base: `${contentRoot}/sections` }, async (entries) => [
    ...(await findPhotoFileProblems(entries, process.cwd())),
    ...findSectionProblems(entries as unknown as SectionRecord[]),
  ]),
  schema: (context) =>
    z.object({
      /** URL segment, identical in both languages: /<slug>/ and /en/<slug>/. */
      slug: z.string().regex(slugPattern, 'use lowercase ASCII words joined by hyphens'),
      /** Position in the report, from 1; identical in both languages. */
      order: z.number().int().positive(),
      /** Section heading in this language. */
      title: z.string().min(1),
      /** One or two sentences drawn from the section, for previews and the contents list. */
      summary: z.string().min(1),
      /** Every figure the section states. */
      stats: z.array(stat).default([]),
      /** Photos shown with the section, in source order. */
      photos: z.array(photo(context)).default([]),
    }),
});

const report = defineCollection({
  loader: checkedGlob({ pattern: '*.mdx', base: `${contentRoot}/report` }, async (entries) => [
    ...(await findPhotoFileProblems(entries, process.cwd())),
    ...findMissingLanguages(
      entries.map((entry) => entry.id),
      'report cover',
      `${contentRoot.replace(/^\.\//, '')}/report`,
    ),
  ]),
  schema: (context) =>
    z.object({
      /** The report's title in this language. */
      title: z.string().min(1),
      /** The subtitle naming the committee and year, as the source prints it. */
      subtitle: z.string().min(1),
      /** Short title for the header, page titles and the printed running head. */
      shortTitle: z.string().min(1),
      /** A still shorter title for the header on a phone, where the short title is too long. */
      phoneTitle: z.string().min(1).optional(),
      /** The publishing body, for the footer and metadata. */
      publisher: z.string().min(1),
      /** The year the review covers. */
      year: z.number().int(),
      /** One or two sentences about the whole report, for previews. */
      summary: z.string().min(1),
      /** Photos that open the report, after the lead. */
      photos: z.array(photo(context)).default([]),
    }),
});

export const collections = { sections, report };
