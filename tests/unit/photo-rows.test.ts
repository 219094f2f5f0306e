import { describe, expect, it } from 'vitest';
import { cellWidthCss, photoGridCss, photoRows, PRINT_PHOTO_GRID } from '../../src/lib/photo-rows';

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

describe('cellWidthCss', () => {
  it('is a share of the gallery after its gaps, rounded down so a row never wraps', () => {
    expect(cellWidthCss({ index: 0, width: 83, rowSize: 2 }, options)).toBe('calc((100% - 4mm) * 0.5)');
    expect(cellWidthCss({ index: 0, width: 80, rowSize: 1 }, options)).toBe('calc(100% * 0.4705)');
  });
});

describe('photoGridCss', () => {
  it('gives every photo of every gallery its width, by id', () => {
    const css = photoGridCss(
      [
        [{ id: 'a', aspect: 1 }],
        [
          { id: 'b', aspect: 1 },
          { id: 'c', aspect: 1 },
        ],
      ],
      PRINT_PHOTO_GRID,
    );
    expect(css.split('\n')).toHaveLength(3);
    expect(css).toContain('[data-photo-grid] [id="a"] { width: calc(100% * 0.3529); }');
    expect(css).toMatch(/\[data-photo-grid\] \[id="c"\] \{ width: calc\(\(100% - 4mm\) \* 0\.\d+\); \}/);
  });
});
