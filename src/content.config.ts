import { defineCollection, type SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { checkedGlob } from './lib/checked-glob';
import { findReportProblems, findSectionProblems, type ReportRecord, type SectionRecord } from './lib/checks';
import { findPhotoFileProblems } from './lib/photo-files';
import { CHART_DRAWINGS } from './lib/chart-spec';

// The edition to build: ./content by default; README "Publishing next year's review".
const contentRoot = process.env['REPORT_CONTENT_DIR'] ?? './content';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const asciiId = () => z.string().regex(slugPattern, 'use lowercase ASCII words joined by hyphens');

const stat = z.object({
  /** Stable ASCII id, identical in both languages and unique in the report; the figure's anchor id. */
  id: asciiId(),
  /** The figure as a plain number (1255, not "1,255"); must appear in the body text. */
  value: z.number().nonnegative(),
  /** Unit printed after the number in this language: "members", "%". */
  unit: z.string(),
  /** What is counted; "{value} {unit} {label}" reads as one phrase in this language. */
  label: z.string().min(1),
  /** The figure's name in a data table, where "{unit} {label}" does not read as a name. */
  tableLabel: z.string().min(1).optional(),
  /** Shown among the report's headline figures on the cover and in share previews. */
  headline: z.boolean().optional(),
  /** The named things counted, where the source names them; each must appear in the body. */
  items: z.array(z.string().min(1)).optional(),
});

const chart = z.object({
  /** Stable ASCII id, identical in both languages; the chart's anchor is "chart-<id>". */
  id: asciiId(),
  /** The chart's title in this language. */
  title: z.string().min(1),
  /** The chart's rows, top to bottom: how each group of stats is drawn. */
  rows: z
    .array(
      z.object({
        /** none: the figures alone; bars: like quantities on one labelled scale; part: parts on their whole's track; meter: a percentage on 0–100 %; units: one mark per thing counted (a few only); list: the named items. content/README.md, "Charts". */
        draw: z.enum(CHART_DRAWINGS),
        /** Ids of the stats drawn this way, from this section's `stats` (for `part`: the parts). */
        stats: z.array(z.string()).min(1),
        /** `part` rows only: id of the stat that is the whole, shown first in the row and named beside each part's bar. */
        of: z.string().optional(),
      }),
    )
    .min(1),
  /** States the source gives without a number ("all requests have been handled"), shown with a stat. */
  states: z
    .array(
      z.object({
        /** Id of the stat the state belongs to. */
        of: z.string(),
        /** A short label shown beside the stat's mark ("all handled"). */
        label: z.string().min(1),
        /** The state as a sentence; must stand verbatim in the body. */
        text: z.string().min(1),
      }),
    )
    .optional(),
  /** Shares computed from two stated figures, always labelled as computed; each stands in the `part` row that draws its part against its whole. */
  computed: z
    .array(
      z.object({
        /** Id of the stat that is the part. */
        part: z.string(),
        /** Id of the stat that is the whole. */
        whole: z.string(),
        /** What the share is, in this language ("share of requests accepted"). */
        label: z.string().min(1),
      }),
    )
    .optional(),
});

const photo = ({ image }: SchemaContext) =>
  z.object({
    /** Stable ASCII id, identical in both languages; the photo's anchor id. */
    id: asciiId(),
    /** Image file, relative to this MDX file; a missing file stops the build. */
    src: image(),
    /** Caption in this language (for Chinese, the source's own caption). */
    caption: z.string().min(1),
    /** Alternative text in this language, describing what the picture shows. */
    alt: z.string().min(1),
    /** Photographer or source, when known. */
    credit: z.string().optional(),
  });

/** Phrases whose numerals are names, not quantities; the number checks skip them. */
const numberExceptions = z.array(z.string().min(1)).default([]);

const sectionSchema = (context: SchemaContext) =>
  z.object({
    /** URL segment, identical in both languages: /<slug>/ and /en/<slug>/. */
    slug: asciiId(),
    /** Position in the report, from 1; identical in both languages. */
    order: z.number().int().positive(),
    /** Section heading in this language. */
    title: z.string().min(1),
    /** One or two sentences drawn from the section, for previews and the contents list. */
    summary: z.string().min(1),
    /** Every figure the section states. */
    stats: z.array(stat).default([]),
    /** Charts of the stats; stats no chart draws still show as figures. */
    charts: z.array(chart).default([]),
    /** Photos shown with the section, in source order. */
    photos: z.array(photo(context)).default([]),
    /** Phrases whose numerals are names, not quantities; the number checks skip them. */
    numberExceptions,
  });

const reportSchema = (context: SchemaContext) =>
  z.object({
    /** The edition's ASCII id, identical in both languages; names the PDF files. */
    id: asciiId(),
    /** The report's title in this language. */
    title: z.string().min(1),
    /** The subtitle naming the committee and year, as the source prints it. */
    subtitle: z.string().min(1),
    /** Short title for the header, page titles, share previews and the printed running head. */
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
    /** How to reach the publisher (address, telephone), for the footer; shown only when set. */
    contact: z.string().min(1).optional(),
    /** Publication date of this edition (YYYY-MM-DD), for the footer and metadata. */
    published: z.coerce.date().optional(),
    /** ICP filing number (ICP bei'an), shown in the footer with a link to the MIIT register when set. */
    icp: z.string().min(1).optional(),
    /** Public security filing number and the register's record URL, shown in the footer when set. */
    publicSecurity: z.object({ number: z.string().min(1), url: z.url() }).optional(),
    /** Government website identification code, shown in the footer when set. */
    siteCode: z.string().min(1).optional(),
    /** Other years' editions (label and absolute or site-relative URL), linked from the footer. */
    editions: z.array(z.object({ label: z.string().min(1), url: z.string().min(1) })).default([]),
    /** Phrases whose numerals are names, not quantities; the number checks skip them. */
    numberExceptions,
  });

/** One figure of a section, as its frontmatter declares it. */
export type Stat = z.infer<typeof stat>;
/** One chart of a section: its rows, states and computed shares. */
export type Chart = z.infer<typeof chart>;
export type Photo = z.infer<ReturnType<typeof photo>>;
export type SectionData = z.infer<ReturnType<typeof sectionSchema>>;
export type ReportData = z.infer<ReturnType<typeof reportSchema>>;

const sections = defineCollection({
  loader: checkedGlob<SectionRecord['data']>(
    { pattern: '*/*.mdx', base: `${contentRoot}/sections` },
    async (entries) => [
      ...(await findPhotoFileProblems(entries, process.cwd())),
      ...findSectionProblems(entries),
    ],
  ),
  schema: sectionSchema,
});

const report = defineCollection({
  loader: checkedGlob<ReportRecord['data']>(
    { pattern: '*.mdx', base: `${contentRoot}/report` },
    async (entries) => [
      ...(await findPhotoFileProblems(entries, process.cwd())),
      ...findReportProblems(entries),
    ],
  ),
  schema: reportSchema,
});

export const collections = { sections, report };
