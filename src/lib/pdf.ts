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

/**
 * The page (1-based) on which each section starts, from the text of each PDF page: the first
 * page after the contents that carries the section's label ("Part 3").
 */
export function sectionStartPages(
  pageTexts: string[],
  sections: Array<{ id: string; label: string }>,
  firstBodyPage: number,
): Record<string, number> {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const starts: Record<string, number> = {};
  for (const { id, label } of sections) {
    const index = pageTexts.findIndex(
      (text, i) => i + 1 >= firstBodyPage && squash(text).includes(squash(label)),
    );
    if (index < 0) throw new Error(`No page of the PDF starts section "${id}" (looked for "${label}")`);
    starts[id] = index + 1;
  }
  return starts;
}
