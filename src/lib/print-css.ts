import { PAGE_MM } from './paper';

/** A CSS string literal, safe for any text. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}

/**
 * Turns "Page {page} of {pages}" into the value of a `content` property, with the
 * placeholders as CSS page counters.
 */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

/** The custom properties the margin boxes read from the root: where the page lives, when it was printed. */
const PAGE_URL_PROPERTY = '--print-page-url';
export const PRINT_DATE_PROPERTY = '--print-date';

/** The attribute that names a printed page (`data-print-page="home"`), so its URL can be found. */
export const PRINT_PAGE_ATTRIBUTE = 'data-print-page';

interface PrintPageOptions {
  runningHead: string;
  pageNumberTemplate: string;
  fontFamily: string;
  /** Every page of the language by its print key, with its canonical URL. */
  pages: ReadonlyArray<{ key: string; url: string }>;
}

/**
 * The @page rules for one language: A4, the report's short title as a running head, and at the
 * foot the page's canonical URL with the print date, and "page N of M". Margin boxes cannot
 * read the document, but they inherit custom properties from the root (Chromium has no
 * `string-set`): the root takes the URL of the page it holds from a rule per page, and the
 * date from the page's script. The cover page (named "cover") keeps only the URL and date.
 */
export function printPageCss({
  runningHead,
  pageNumberTemplate,
  fontFamily,
  pages,
}: PrintPageOptions): string {
  const box = `font-family: ${fontFamily}; font-size: 7.5pt; color: #555;`;
  const urls = pages
    .map(
      ({ key, url }) =>
        `:root:has([${PRINT_PAGE_ATTRIBUTE}=${cssString(key)}]) { ${PAGE_URL_PROPERTY}: ${cssString(url)}; }`,
    )
    .join('\n');
  return `@page {
  size: A4;
  margin: ${PAGE_MM.top}mm ${PAGE_MM.side}mm ${PAGE_MM.bottom}mm;
  @top-left { content: ${cssString(runningHead)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-left { content: var(${PAGE_URL_PROPERTY}, "") var(${PRINT_DATE_PROPERTY}, ""); ${box} vertical-align: top; padding-top: 4mm; white-space: nowrap; }
  @bottom-right { content: ${pageCounterContent(pageNumberTemplate)}; ${box} vertical-align: top; padding-top: 4mm; white-space: nowrap; }
}
@page cover {
  @top-left { content: none; }
  @bottom-right { content: none; }
}
${urls}
`;
}
