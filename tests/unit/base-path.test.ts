import { describe, expect, it } from 'vitest';
import { withoutBase, withSlash } from '../../src/lib/base-path';

describe('the base path', () => {
  it('ends in a slash however the config writes it', () => {
    expect(withSlash('/')).toBe('/');
    expect(withSlash('/review')).toBe('/review/');
    expect(withSlash('/review/')).toBe('/review/');
  });

  it('comes off a pathname, leaving the path from its slash', () => {
    expect(withoutBase('/review/', '/review/en/consensus/')).toBe('/en/consensus/');
    expect(withoutBase('/review', '/review/')).toBe('/');
    expect(withoutBase('/review', '/review')).toBe('/');
    expect(withoutBase('/', '/en/')).toBe('/en/');
    expect(withoutBase('/review/', '/elsewhere/')).toBe('/elsewhere/');
  });
});
