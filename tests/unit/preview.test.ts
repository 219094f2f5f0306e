import { describe, expect, it } from 'vitest';
import { previewStat } from '../../src/lib/preview';

const stat = (label: string, headline = false) => ({ value: 1, unit: '', label, headline });
const sections = [
  { slug: 'a', stats: [stat('a1'), stat('a2', true)] },
  { slug: 'b', stats: [stat('b1')] },
  { slug: 'c', stats: [stat('c1', true), stat('c2', true)] },
];

describe('previewStat', () => {
  it('takes a section’s first headline figure, else its first figure', () => {
    expect(previewStat(sections, 'a')?.label).toBe('a2');
    expect(previewStat(sections, 'b')?.label).toBe('b1');
  });

  it('takes the last section’s headline figure for the cover and the full report', () => {
    expect(previewStat(sections, 'home')?.label).toBe('c1');
    expect(previewStat(sections, 'full-report')?.label).toBe('c1');
  });
});

describe('previewStat without figures', () => {
  it('shows none for a section without figures, and skips it for the cover', () => {
    const withEmptyLast = [...sections, { slug: 'd', stats: [] }];
    expect(previewStat(withEmptyLast, 'd')).toBeUndefined();
    expect(previewStat(withEmptyLast, 'home')?.label).toBe('c1');
  });
});
