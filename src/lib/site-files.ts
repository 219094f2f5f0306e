import { DEFAULT_LANG, type Lang } from './i18n.ts';

/*
 * Where the build puts the files it makes besides pages, relative to the site's base. Names
 * come from the content (the report's id, section slugs); nothing here names an edition.
 */

/** The web fonts' stylesheet (print and share previews only). */
export const FONTS_STYLESHEET = 'fonts/report.css';

/** The @page rules of one language (running head, page numbers). */
export const printStylesheet = (lang: Lang) => `print/${lang}.css`;

/** A page that has a share preview: the cover, the full report, or a section by its slug. */
export type CardKey = 'home' | 'full-report' | (string & {});

/** The share preview of a page: og/<lang>/<key>.png. */
export const shareImageFile = (lang: Lang, key: CardKey) => `og/${lang}/${key}.png`;

/** The HTML the build screenshots into a share preview, then removes. */
export const SHARE_CARD_ROUTE = 'og-card';

/** The full report as a PDF: downloads/<report id>-<lang>.pdf. */
export const pdfFile = (reportId: string, lang: Lang) => `downloads/${reportId}-${lang}.pdf`;

/**
 * A language's 404 page. Hosts send the default language's (bilingual) page for any unknown
 * address, and another language's for unknown addresses under its folder.
 */
export const notFoundPage = (lang: Lang) => (lang === DEFAULT_LANG ? '404.html' : `${lang}/404.html`);

/** The figures as open data, in a format: CSV (UTF-8 with a byte-order mark) or JSON. */
export type DataFormat = 'csv' | 'json';

/** Every figure of the edition in one language: data/<lang>/figures.<format>. */
export const editionDataFile = (lang: Lang, format: DataFormat) => `data/${lang}/figures.${format}`;

/**
 * One figure block's data: data/<lang>/<slug>/chart-<id>.<format> for a chart (named like its
 * anchor), data/<lang>/<slug>/figures.<format> for the figures no chart draws.
 */
export const blockDataFile = (lang: Lang, slug: string, chartId: string | undefined, format: DataFormat) =>
  `data/${lang}/${slug}/${blockDataName(chartId)}.${format}`;

/** The file name (without extension) of a figure block's data. */
const blockDataName = (chartId: string | undefined) => (chartId ? `chart-${chartId}` : 'figures');
