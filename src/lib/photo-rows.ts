import { cssString } from './print-css';

/*
 * Photos on paper: a compact grid of rows in which every photo of a row has the same height
 * and the row fills the measure (a "justified" grid), so no photo is cropped and no cell is
 * left empty. Pure: aspect ratios in, each photo's share of its row out.
 */

export interface PhotoRowOptions {
  /** Width of the measure, in mm. */
  width: number;
  /** Space between photos of a row, in mm. */
  gap: number;
  /** The row height to aim at, in mm. */
  target: number;
  /** A row is never taller than this: a lone photo is then narrower than the measure. */
  max: number;
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
      const height = rowHeight(aspects.slice(start, start + size), options);
      const [restCost, restSizes] = best[start + size]!;
      const cost = (height - options.target) ** 2 + restCost;
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

/** The grid on A4 paper: the measure between 20 mm margins, photos a little over 4 cm high. */
export const PRINT_PHOTO_GRID: PhotoRowOptions = { width: 170, gap: 4, target: 42, max: 60 };

/**
 * A photo's width in its row as CSS, relative to the gallery so any paper size keeps the
 * proportions: the row's share of the measure after its gaps.
 */
export function cellWidthCss(cell: PhotoCell, { width, gap }: PhotoRowOptions): string {
  const gaps = gap * (cell.rowSize - 1);
  // Rounded down, so a full row never sums past the measure and wraps.
  const share = Math.floor((cell.width / (width - gaps)) * 10000) / 10000;
  return gaps > 0 ? `calc((100% - ${gaps}mm) * ${share})` : `calc(100% * ${share})`;
}

/** The attribute of a gallery laid out as a print grid (components/PhotoGallery). */
export const PHOTO_GRID_ATTRIBUTE = 'data-photo-grid';

/** Print rules giving each photo of each gallery its width in the grid, by the photo's id. */
export function photoGridCss(
  galleries: ReadonlyArray<ReadonlyArray<{ id: string; aspect: number }>>,
  options: PhotoRowOptions = PRINT_PHOTO_GRID,
): string {
  return galleries
    .flatMap((photos) =>
      photoRows(
        photos.map((photo) => photo.aspect),
        options,
      ).flatMap((row) =>
        row.cells.map(
          (cell) =>
            `[${PHOTO_GRID_ATTRIBUTE}] [id=${cssString(photos[cell.index]!.id)}] { width: ${cellWidthCss(cell, options)}; }`,
        ),
      ),
    )
    .join('\n');
}
