/*
 * How full a printed page is, measured from its picture: the rows of the page body (between
 * the top and bottom margins, where the running head, URL and page number live) that hold ink.
 */

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white, row by row. */
  pixels: Uint8Array;
}

/** Reads a binary PGM (P5, 8-bit), as `pdftoppm -gray` writes it. */
export function readPgm(file: Uint8Array): GrayImage {
  const header = new TextDecoder('latin1').decode(file.subarray(0, 64));
  const match = /^P5\s+(?:#[^\n]*\s+)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('Not an 8-bit binary PGM');
  const [whole, width, height, max] = match;
  if (Number(max) > 255) throw new Error('Only 8-bit PGM is read');
  const start = whole.length;
  return {
    width: Number(width),
    height: Number(height),
    pixels: file.subarray(start, start + Number(width) * Number(height)),
  };
}

/** For each row from `top` to `bottom` (pixels, exclusive), whether any pixel is darker than `threshold`. */
export function inkedRows(image: GrayImage, top: number, bottom: number, threshold = 230): boolean[] {
  const rows: boolean[] = [];
  for (let y = Math.max(0, top); y < Math.min(image.height, bottom); y++) {
    const row = image.pixels.subarray(y * image.width, (y + 1) * image.width);
    rows.push(row.some((value) => value < threshold));
  }
  return rows;
}

export interface PageFill {
  /** How far down the body the content reaches: the last inked row, as a share of the body. */
  extent: number;
  /**
   * The tallest run of empty rows above the last inked row (a blank top counts: content that
   * starts half-way down leaves a hole), as a share of the body.
   */
  largestGap: number;
}

/** The fill of a page body from its inked rows (top to bottom). */
export function pageFill(rows: readonly boolean[]): PageFill {
  const last = rows.lastIndexOf(true);
  if (last < 0) return { extent: 0, largestGap: 0 };
  let largestGap = 0;
  let gap = 0;
  for (let y = 0; y <= last; y++) {
    gap = rows[y] ? 0 : gap + 1;
    largestGap = Math.max(largestGap, gap);
  }
  return { extent: (last + 1) / rows.length, largestGap: largestGap / rows.length };
}

/**
 * The empty band at the top of a page's text column that stands beside figures a part before
 * ran on into the rail: the next part clears them (global.css, "Sections flow on from one
 * another"), so its opening starts just below them. Its height in rows: as far down as the
 * rail's figures reach from the top of the body (blocks apart by at most `maxGap` rows), plus
 * at most `opening` rows (the part's opening margin); 0 where the column's top is anything else.
 */
export function runOnBand(
  text: readonly boolean[],
  rail: readonly boolean[],
  { maxGap, opening }: { maxGap: number; opening: number },
): number {
  const lead = text.indexOf(true);
  const railTop = rail.indexOf(true);
  if (lead <= 0 || railTop < 0 || railTop > maxGap) return 0;
  let railEnd = railTop;
  for (let y = railTop, gap = 0; y < rail.length && gap <= maxGap; y++) {
    gap = rail[y] ? 0 : gap + 1;
    if (rail[y]) railEnd = y;
  }
  return lead <= railEnd + 1 + opening ? lead : 0;
}
