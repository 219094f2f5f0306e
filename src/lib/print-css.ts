/** A CSS string literal, safe for any text. */
function cssString(text: string): string {
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

interface PrintPageOptions {
  runningHead: string;
  pageNumberTemplate: string;
  fontFamily: string;
}

/**
 * The @page rules for one language: A4, the report's short title as a running head, page
 * numbers at the foot; the cover page (named "cover") carries neither.
 */
export function printPageCss({ runningHead, pageNumberTemplate, fontFamily }: PrintPageOptions): string {
  const box = `font-family: ${fontFamily}; font-size: 8pt; color: #555;`;
  return `@page {
  size: A4;
  margin: 20mm 18mm 22mm;
  @top-left { content: ${cssString(runningHead)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-center { content: ${pageCounterContent(pageNumberTemplate)}; ${box} vertical-align: top; padding-top: 4mm; }
}
@page cover {
  @top-left { content: none; }
  @bottom-center { content: none; }
}
`;
}
