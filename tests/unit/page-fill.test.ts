import { describe, expect, it } from 'vitest';
import { inkedRows, pageFill, readPgm, runOnBand } from '../support/page-fill';

/** A PGM of the given rows, each row one pixel value repeated. */
function pgm(rows: number[], width = 4): Uint8Array {
  const header = new TextEncoder().encode(`P5\n# test\n${width} ${rows.length}\n255\n`);
  const pixels = rows.flatMap((value) => Array<number>(width).fill(value));
  return new Uint8Array([...header, ...pixels]);
}

describe('readPgm and inkedRows', () => {
  it('reads the picture and finds the rows with ink in a band', () => {
    const image = readPgm(pgm([0, 255, 255, 100, 255, 240]));
    expect([image.width, image.height]).toEqual([4, 6]);
    expect(inkedRows(image, 1, 6)).toEqual([false, false, true, false, false]);
    expect(inkedRows(image, 0, 6, 250)).toEqual([true, false, false, true, false, true]);
  });

  it('refuses what it cannot read', () => {
    expect(() => readPgm(new TextEncoder().encode('P6\n1 1\n255\n\0\0\0'))).toThrow(/PGM/);
  });
});

describe('pageFill', () => {
  it('measures how far the content reaches and the largest hole in it', () => {
    const rows = [true, true, false, false, false, true, false, false, false, false];
    expect(pageFill(rows)).toEqual({ extent: 0.6, largestGap: 0.3 });
  });

  it('counts a blank top as a hole', () => {
    expect(pageFill([false, false, false, false, true, false, false, false, false, false])).toEqual({
      extent: 0.5,
      largestGap: 0.4,
    });
  });

  it('calls an empty body empty', () => {
    expect(pageFill([false, false])).toEqual({ extent: 0, largestGap: 0 });
    expect(pageFill([])).toEqual({ extent: 0, largestGap: 0 });
  });

  it('counts a full page as full', () => {
    expect(pageFill([true, true, true, true])).toEqual({ extent: 1, largestGap: 0 });
  });
});

describe('runOnBand', () => {
  const rows = (pattern: string) => [...pattern].map((c) => c === '#');
  const options = { maxGap: 1, opening: 2 };

  it('is the text column’s blank top beside figures run on from the top of the rail', () => {
    // Two figure blocks a row apart, then the next part's opening two rows below them.
    expect(runOnBand(rows('....#####'), rows('##.#.....'), options)).toBe(4);
  });

  it('is nothing where the column starts at the top, or the rail is empty there', () => {
    expect(runOnBand(rows('#...#'), rows('##...'), options)).toBe(0);
    expect(runOnBand(rows('....#'), rows('.....'), options)).toBe(0);
    expect(runOnBand(rows('....#'), rows('...##'), options)).toBe(0);
  });

  it('is nothing where the column stays empty further below the figures than an opening', () => {
    expect(runOnBand(rows('......#'), rows('##.....'), options)).toBe(0);
  });
});
