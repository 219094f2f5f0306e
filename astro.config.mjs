// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { hostHeaders } from './src/integrations/host-headers';
import { precompress } from './src/integrations/precompress';
import { reportPdf } from './src/integrations/report-pdf';
import { stripImageMetadata } from './src/integrations/strip-metadata';
import { CSP_META } from './src/lib/security-headers';

// The public URL and sub-path are deploy-time choices, so a host can publish dist/ anywhere
// without a code change (README: "Deploy").
const site = process.env.SITE_URL ?? 'https://review-2023.example.org';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  // Tests sync fixture content into a cache of their own, never into the real one.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Order matters: images are cleaned before the PDF step prints pages that show them, and
  // precompression comes last, after every step that writes or rewrites files in dist/.
  integrations: [mdx(), stripImageMetadata(), reportPdf(), hostHeaders(), precompress()],
  // No code blocks in the report; Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  // No security.csp: Astro's per-page <meta> would list hashes of island scripts and styles this
  // site never inlines, so no static header could equal it. The layouts write the policy from
  // src/lib/security-headers.ts instead, the one source of the <meta>, _headers and nginx.
  vite: {
    plugins: [tailwindcss()],
    // The layouts' CSP <meta>, as a constant: imported by both layouts, the module would share a
    // chunk with global.css and give the stylesheet its name (_astro/security-headers.*.css).
    define: { 'import.meta.env.CSP_META': JSON.stringify(CSP_META) },
    // Ship even tiny scripts as files, so the header CSP can say script-src 'self' without hashes.
    build: { assetsInlineLimit: 0 },
  },
});
