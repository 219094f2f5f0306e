import { describe, expect, it } from 'vitest';
import { galleryRows, photoRows } from '../../src/lib/photo-rows';

const options = { width: 170, gap: 4, target: 42, max: 60 };
const sizes = (aspects: number[]) => photoRows(aspects, options).map((row) => row.cells.length);

describe('photoRows', () => {
  it('sets four mixed photos in one row of equal height that fills the measure', () => {
    const [row, ...rest] = photoRows([16 / 9, 3 / 4, 4 / 3, 3 / 4], options);
    expect(rest).toEqual([]);
    expect(row!.cells.map((cell) => cell.index)).toEqual([0, 1, 2, 3]);
    const used = row!.cells.reduce((sum, cell) => sum + cell.width, 0) + 3 * options.gap;
    expect(used).toBeCloseTo(170, 6);
    // Equal heights: each width is its aspect ratio times the row's height.
    expect(row!.cells[0]!.width / (16 / 9)).toBeCloseTo(row!.height, 6);
    expect(row!.cells[1]!.width / (3 / 4)).toBeCloseTo(row!.height, 6);
  });

  it('breaks many photos into rows near the target height', () => {
    expect(sizes(Array(6).fill(4 / 3))).toEqual([3, 3]);
    expect(sizes(Array(8).fill(4 / 3))).toEqual([4, 4]);
    expect(sizes([3 / 4, 3 / 4, 16 / 9, 16 / 9, 16 / 9])).toEqual([3, 2]);
    for (const row of photoRows(Array(8).fill(4 / 3), options)) expect(row.height).toBeLessThanOrEqual(60);
  });

  it('keeps a lone photo at the largest height rather than the full measure', () => {
    const [row] = photoRows([4 / 3], options);
    expect(row!.height).toBe(60);
    expect(row!.cells[0]!.width).toBeCloseTo(80, 6);
  });

  it('handles no photos and refuses a photo without a shape', () => {
    expect(photoRows([], options)).toEqual([]);
    expect(() => photoRows([0], options)).toThrow(/aspect ratio/);
  });
});

describe('photoRows with a smallest width', () => {
  it('never puts a photo narrower than minWidth in a shared row', () => {
    const narrow = { width: 358, gap: 8, target: 200, max: 360, minWidth: 118 };
    for (const row of photoRows([16 / 9, 3 / 4, 4 / 3, 3 / 4], narrow)) {
      if (row.cells.length > 1) for (const cell of row.cells) expect(cell.width).toBeGreaterThanOrEqual(118);
    }
    // Without it, the cheapest rows pair a portrait photo about 100 px wide with a wide one.
    const { minWidth: _ignored, ...loose } = narrow;
    const cells = photoRows([16 / 9, 3 / 4, 4 / 3, 3 / 4], loose).flatMap((row) => row.cells);
    expect(Math.min(...cells.map((cell) => cell.width))).toBeLessThan(118);
  });
});

describe('galleryRows', () => {
  const aspects = [16 / 9, 3 / 4, 4 / 3, 3 / 4, 3 / 2, 3 / 2, 2 / 3];
  const layout = galleryRows(aspects, (aspect) => aspect);
  const flat = <T>(rows: Array<{ items?: T[]; rows?: unknown[] }>): T[] =>
    rows.flatMap((row) => (row.items ? row.items : flat(row.rows as never)));

  it('nests phone rows in screen rows in paper rows, keeping every photo once, in order', () => {
    expect(flat(layout as never)).toEqual(aspects);
    for (const paper of layout) expect(flat(paper.rows as never)).toEqual(flat([paper] as never));
  });

  it('caps a row that would be too tall: a lone portrait photo is narrower than the measure', () => {
    const [paper] = galleryRows([3 / 4], (aspect) => aspect);
    expect(paper!.share).toBeLessThan(1);
    expect(paper!.rows[0]!.share).toBeLessThan(1);
    expect(paper!.rows[0]!.rows[0]!.share).toBeLessThan(1);
    const [wide] = galleryRows([16 / 9], (aspect) => aspect);
    expect(wide!.rows[0]!.rows[0]!.share).toBe(1);
  });
});
