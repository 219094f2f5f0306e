// Stands in for Astro's virtual astro:content module where tests import src/content.config.ts
// to read content through its schema (tests/tsconfig.json, vitest.config.ts): the collections'
// definitions are plain objects; their loaders are never run here.
export const defineCollection = <T>(config: T): T => config;
