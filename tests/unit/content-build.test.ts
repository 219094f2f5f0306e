import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentFixture, runAstro } from '../support/astro-cli';

// Each case is a folder in tests/fixtures/content/broken/ laid over the valid fixture; the
// message must name the offending file and field so an editor can fix it without a debugger.
// One case for each way a failure reaches the editor (the schema, the photo files, and each
// family of rules in src/lib/checks/ and chart-spec.ts); the rules one by one are unit-tested
// in integrity*.test.ts, chart-spec.test.ts and photo-files.test.ts, with no Astro process.
const cases: Array<[string, RegExp[]]> = [
  ['wrong-type', [/en\/alpha/, /stats\.0\.value/]],
  ['missing-report-language', [/report\/en\.mdx: missing/]],
  ['stat-value-mismatch', [/sections\/en\/beta\.mdx → stats\[0\]\.value: 97 \(satisfaction\) here but 98/]],
  ['stat-not-in-body', [/sections\/zh\/beta\.mdx → stats\[0\]\.value: 98 \(satisfaction\) does not appear/]],
  [
    'missing-photo',
    [/sections\/zh\/alpha\.mdx → photos\[0\]\.src: no file at \.\.\/\.\.\/photos\/missing\.jpg/],
  ],
  ['missing-alt', [/en\/alpha/, /photos\.0\.alt/]],
  [
    'chart-unknown-stat',
    [
      /sections\/zh\/alpha\.mdx → charts\[0\]\.rows\[0\]\.stats\[1\]: "visitors" is not a stat of this section/,
    ],
  ],
];

// Removed once all are done: the cases run side by side.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fixture(brokenCase?: string) {
  const dir = contentFixture(brokenCase);
  made.push(dir);
  return dir;
}

// Each case is its own `astro sync` process: run them side by side.
describe.concurrent('content sync', () => {
  it('accepts the valid fixture (so every failure below is caused by its case)', async ({ expect }) => {
    const { status, output } = await runAstro('sync', fixture());
    expect(output).not.toMatch(/error/i);
    expect(status).toBe(0);
  });

  it.for(cases)('stops on %s and names the file and field', async ([brokenCase, patterns], { expect }) => {
    const { status, output } = await runAstro('sync', fixture(brokenCase));
    expect(status).not.toBe(0);
    for (const pattern of patterns) expect(output).toMatch(pattern);
  });
});

describe('content build', () => {
  it('writes nothing to the output folder when content is broken', async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'report-out-')), 'dist');
    made.push(outDir);
    const { status, output } = await runAstro('build', fixture('stat-value-mismatch'), outDir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/Content integrity check failed/);
    expect(existsSync(outDir)).toBe(false);
  });
});
