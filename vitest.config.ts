import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests read content through the site's own schema (tests/support/edition.ts).
  resolve: {
    alias: { 'astro:content': fileURLToPath(new URL('tests/support/astro-content.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The content-build tests run real `astro sync` processes, a few seconds each on an idle
    // machine: no more at once than there are cores (more only thrash), each given five minutes,
    // for a machine that other work keeps busy.
    maxConcurrency: Math.max(2, availableParallelism()),
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
