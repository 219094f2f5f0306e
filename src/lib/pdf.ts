import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import type { Lang } from './i18n';

/** Stands in the built HTML where the PDF's size goes, until the PDF exists and is measured. */
export function pdfSizeMarker(lang: Lang): string {
  return `{{pdf-size:${lang}}}`;
}

/** "1.2 MB", "860 KB": decimal units, as operating systems show downloads. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/** Puts the measured size into a page, or removes the download link when there is no PDF. */
export function patchPdfLinks(html: string, lang: Lang, bytes: number | undefined): string {
  if (bytes !== undefined) return html.replaceAll(pdfSizeMarker(lang), formatFileSize(bytes));
  return html.replace(new RegExp(`<p[^>]*data-pdf-link="${lang}"[^>]*>[\\s\\S]*?</p>`, 'g'), '');
}

/** A bookmark of a PDF: its title as printed, and the page (1-based) it leads to. */
export interface Bookmark {
  title: string;
  page: number;
}

/** A PDF's bookmarks (its outline), depth first, each with its entry to rename it by. */
export function bookmarksOf(pdf: PDFDocument): Array<Bookmark & { entry: PDFDict }> {
  const pages = pdf.getPages().map((page) => page.ref);
  const found: Array<Bookmark & { entry: PDFDict }> = [];
  const visit = (first: PDFObject | undefined) => {
    for (let entry = first && pdf.context.lookupMaybe(first, PDFDict); entry;) {
      const title = entry.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      const target = entry.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0);
      found.push({ title, page: pages.findIndex((ref) => ref === target) + 1, entry });
      visit(entry.get(PDFName.of('First')));
      const next = entry.get(PDFName.of('Next'));
      entry = next && pdf.context.lookupMaybe(next, PDFDict);
    }
  };
  visit(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.get(PDFName.of('First')));
  return found;
}

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * The page (1-based) on which each section starts: where its heading's bookmark leads (the
 * browser bookmarks every heading it prints).
 */
export function sectionStartPages(
  bookmarks: readonly Bookmark[],
  sections: ReadonlyArray<{ id: string; title: string }>,
): Record<string, number> {
  const starts: Record<string, number> = {};
  for (const { id, title } of sections) {
    const bookmark = bookmarks.find((b) => b.page > 0 && squash(b.title) === squash(title));
    if (!bookmark)
      throw new Error(`No bookmark of the PDF leads to section "${id}" (its heading: "${title}")`);
    starts[id] = bookmark.page;
  }
  return starts;
}

/**
 * A bookmark's title with its heading's spaces. Chromium names a bookmark after the heading's
 * printed lines and drops the space where a line wrapped ("Offering Adviceon Governance"); the
 * heading of the same letters gives them back. A title no heading matches stays as it is.
 */
export function spacedTitle(title: string, headings: readonly string[]): string {
  const heading = headings.find((text) => squash(text) === squash(title));
  return heading === undefined ? title : heading.replace(/\s+/g, ' ').trim();
}
