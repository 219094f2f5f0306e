import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-cli';

// Editors run the npm scripts on Windows, where npm hands them to cmd.exe, and on macOS; CI is
// Linux. cmd.exe runs `cmd && cmd` and double quotes, and nothing else of a POSIX shell.
const POSIX_ONLY: Array<[pattern: RegExp, why: string]> = [
  [/(^|&&|\|\||;)\s*[A-Z_][A-Z0-9_]*=\S/, 'sets a variable before a command (use cross-env)'],
  [/\bexport\s+[A-Z_]/, 'exports a variable (use cross-env)'],
  [/\$[A-Z_{(]|%[A-Z_]+%/i, 'reads a variable or runs a substitution in the shell'],
  [/'/, 'quotes with single quotes (cmd.exe passes them through)'],
  [/`/, 'runs a command substitution'],
  [/\\\s*$|\\\n/m, 'continues a line with a backslash'],
  [
    /(^|&&|\|\||;|\|)\s*(rm|cp|mv|mkdir|cat|ls|grep|sed|find|touch|chmod|which|test|true|false)\s/,
    'calls a Unix tool',
  ],
  [/(^|\s)\.{1,2}\/\S/, 'starts a command or argument with ./ or ../ (cmd.exe reads "." as a command)'],
  [/\/dev\/null|2>&1|\s>\s?\//, 'redirects to a Unix path'],
  [/;/, 'separates commands with ; (use &&)'],
  [/(^|\s)~\//, 'uses ~ for the home folder'],
];

function posixOnly(script: string): string[] {
  return POSIX_ONLY.filter(([pattern]) => pattern.test(script)).map(([, why]) => why);
}

const scripts = Object.entries(
  (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts,
);

describe('npm scripts', () => {
  it('are there to check', () => {
    expect(scripts.map(([name]) => name)).toEqual(expect.arrayContaining(['build', 'dev', 'test']));
  });

  it.each(scripts)('“%s” runs in cmd.exe as in a POSIX shell', (_name, script) => {
    expect(posixOnly(script)).toEqual([]);
  });

  it('the check above knows the usual POSIX-only forms', () => {
    for (const script of [
      'ASTRO_TELEMETRY_DISABLED=1 astro build',
      'npm run build && REPORT_PDF=off astro build',
      'export CI=1 && playwright test',
      'astro build --outDir $OUT_DIR',
      "prettier --check 'src/**/*.ts'",
      'rm -rf dist && astro build',
      'npm run build && cp -r dist out',
      './node_modules/.bin/astro build',
      'astro build > /dev/null',
      'astro sync; astro build',
      'astro build \\\n  --verbose',
    ]) {
      expect(posixOnly(script), script).not.toEqual([]);
    }
    expect(posixOnly('cross-env ASTRO_TELEMETRY_DISABLED=1 REPORT_PDF=off astro build')).toEqual([]);
    expect(posixOnly('npm run build && node scripts/static-server.mjs --dir dist')).toEqual([]);
  });
});
