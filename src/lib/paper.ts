/*
 * The printed page, one constant per measure: the @page rules (src/lib/print-css.ts), the
 * photos' rows on paper (src/lib/photo-rows.ts) and the width at which the build lays out the
 * PDFs (src/integrations/report-pdfs.ts) read them from here; print.css sets the rail beside
 * the text (--print-rail, --print-gutter).
 */

const WIDTH = 210;
const SIDE = 20;

/** A4 and its margins, in mm (the foot's is taller: it carries the page's URL). */
export const PAGE_MM = { width: WIDTH, height: 297, top: 18, side: SIDE, bottom: 20 } as const;

/** The measure: the width between the side margins, in mm, at which paper is laid out. */
export const MEASURE_MM = WIDTH - 2 * SIDE;
