/*
 * Photos in rows in which every photo of a row has the same height and the row fills the
 * measure (a "justified" grid), so no photo is cropped and no cell is left empty. Pure: aspect
 * ratios in, rows out.
 */
import { MEASURE_MM } from './paper';

export interface PhotoRowOptions {
  /** Width of the measure, in mm. */
  width: number;
  /** Space between photos of a row, in mm. */
  gap: number;
  /** The row height to aim at, in mm. */
  target: number;
  /** A row is never taller than this: a lone photo is then narrower than the measure. */
  max: number;
  /** No photo that shares its row is narrower than this. */
  minWidth?: number;
}

export interface PhotoCell {
  /** Index of the photo in the gallery. */
  index: number;
  /** Width of the photo in mm. */
  width: number;
  /** How many photos share its row (the number of gaps is one less). */
  rowSize: number;
}

export interface PhotoRow {
  cells: PhotoCell[];
  /** Height of the row's photos in mm. */
  height: number;
}

/** Height of a row of photos that fills the width: (width − gaps) ÷ Σ aspect ratios, at most max. */
function rowHeight(aspects: readonly number[], { width, gap, max }: PhotoRowOptions): number {
  const sum = aspects.reduce((total, aspect) => total + aspect, 0);
  return Math.min(max, (width - gap * (aspects.length - 1)) / sum);
}

/**
 * Splits photos (in order) into rows whose heights come closest to the target: every
 * partition into consecutive rows is weighed by the sum of (height − target)² over its rows
 * (squared, so one very short or very tall row weighs more than several near misses),
 * and among equals the one with fewer rows wins (dynamic programming over where rows start).
 */
export function photoRows(aspects: readonly number[], options: PhotoRowOptions): PhotoRow[] {
  if (aspects.some((aspect) => !(aspect > 0))) throw new Error('Every photo needs a positive aspect ratio');
  const n = aspects.length;
  // best[i]: the cheapest way to lay out photos i…n−1, as [cost, row sizes].
  const best: Array<[number, number[]]> = [];
  best[n] = [0, []];
  for (let start = n - 1; start >= 0; start--) {
    let choice: [number, number[]] | undefined;
    for (let size = 1; size <= n - start; size++) {
      const rowAspects = aspects.slice(start, start + size);
      const height = rowHeight(rowAspects, options);
      const [restCost, restSizes] = best[start + size]!;
      const tooNarrow = size > 1 && Math.min(...rowAspects) * height < (options.minWidth ?? 0);
      const cost = (tooNarrow ? Infinity : (height - options.target) ** 2) + restCost;
      const better =
        !choice ||
        cost < choice[0] - 1e-9 ||
        (Math.abs(cost - choice[0]) <= 1e-9 && restSizes.length + 1 < choice[1].length);
      if (better) choice = [cost, [size, ...restSizes]];
    }
    best[start] = choice!;
  }
  const rows: PhotoRow[] = [];
  let index = 0;
  for (const size of best[0]![1]) {
    const rowAspects = aspects.slice(index, index + size);
    const height = rowHeight(rowAspects, options);
    rows.push({
      height,
      cells: rowAspects.map((aspect, i) => ({ index: index + i, width: aspect * height, rowSize: size })),
    });
    index += size;
  }
  return rows;
}

/** Paper: the measure, in mm; photos a little over 4 cm high. */
export const PRINT_PHOTO_ROWS: PhotoRowOptions = { width: MEASURE_MM, gap: 4, target: 42, max: 60 };
/** A wide screen: a section's column (40rem), in CSS px; photos about 15rem high; no photo of a shared row under some 28 % of it. */
export const WIDE_PHOTO_ROWS: PhotoRowOptions = { width: 640, gap: 16, target: 240, max: 420, minWidth: 180 };
/** A 390 px phone: the column between 1rem margins; no photo of a shared row under a third of it. */
export const NARROW_PHOTO_ROWS: PhotoRowOptions = {
  width: 358,
  gap: 8,
  target: 200,
  max: 360,
  minWidth: 118,
};

/** A row at one measure: the photos in it, and the share of the measure it takes when capped. */
export interface LaidRow<T> {
  items: T[];
  /** Under 1 where the row would be taller than the options' max: it is set narrower, centred. */
  share: number;
}

function layRows<T>(
  items: readonly T[],
  aspectOf: (item: T) => number,
  options: PhotoRowOptions,
): LaidRow<T>[] {
  return photoRows(items.map(aspectOf), options).map((row) => {
    const used = row.cells.reduce((sum, cell) => sum + cell.width, 0) + options.gap * (row.cells.length - 1);
    return { items: row.cells.map((cell) => items[cell.index]!), share: Math.min(1, used / options.width) };
  });
}

/**
 * A gallery's justified rows at three measures, nested so that one markup serves them all:
 * rows on paper, each split into rows for a wide screen, each split into rows for a phone.
 * The browser then sizes every photo of a row to one height (components/PhotoGallery).
 */
export function galleryRows<T>(photos: readonly T[], aspectOf: (item: T) => number) {
  return layRows(photos, aspectOf, PRINT_PHOTO_ROWS).map((paper) => ({
    share: paper.share,
    rows: layRows(paper.items, aspectOf, WIDE_PHOTO_ROWS).map((wide) => ({
      share: wide.share,
      rows: layRows(wide.items, aspectOf, NARROW_PHOTO_ROWS),
    })),
  }));
}
