import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The content-build tests run real `astro sync` processes, a few seconds each.
    testTimeout: 60_000,
    fileParallelism: false,
  },
});
