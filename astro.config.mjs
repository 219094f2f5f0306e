// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { chromiumOutputs } from './src/integrations/chromium-outputs';
import { deferScripts } from './src/integrations/defer-scripts';
import { hostHeaders } from './src/integrations/host-headers';
import { inlineCss } from './src/integrations/inline-css';
import { notFoundPages } from './src/integrations/not-found-pages';
import { precompress } from './src/integrations/precompress';
import { stripImageMetadata } from './src/integrations/strip-metadata';
import { webFonts } from './src/integrations/web-fonts';
import { DEFAULT_LANG, LANG_TAG, LANGS } from './src/lib/i18n';
import { paragraphAnchors } from './src/lib/paragraph-anchors';
import { CSP_META } from './src/lib/security-headers';

// The public URL and sub-path are deploy-time choices, so a host can publish dist/ anywhere
// without a code change (README: "Deploying"). `npm start` (REPORT_PREVIEW=1) builds for its
// own preview origin; a deployable build must name the real one.
const PREVIEW_ORIGIN = 'http://localhost:4321';
const PLACEHOLDER_ORIGIN = 'https://review.example.org';
const preview = process.env['REPORT_PREVIEW'] === '1';
const site = preview ? PREVIEW_ORIGIN : (process.env['SITE_URL'] ?? PREVIEW_ORIGIN);
const base = process.env['BASE_PATH'] ?? '/';

export default defineConfig({
  site,
  base,
  outDir: process.env['OUT_DIR'] ?? './dist',
  // Tests sync fixture content into a cache of their own, never into the real one.
  cacheDir: process.env['ASTRO_CACHE_DIR'] ?? './node_modules/.astro',
  trailingSlash: 'always',
  // Each page carries its CSS (src/integrations/inline-css.ts): the first paint needs no second request.
  build: { format: 'directory', inlineStylesheets: 'always' },
  i18n: {
    locales: [...LANGS],
    defaultLocale: DEFAULT_LANG,
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: DEFAULT_LANG, locales: LANG_TAG },
      // The share-card pages are screenshotted and removed; 404 is no page to index.
      filter: (page) => !/\/(og-card\/|404\/?$)/.test(page),
      serialize(item) {
        const original = item.links?.find((link) => link.lang === LANG_TAG[DEFAULT_LANG]);
        // Search engines send readers of other languages to the original (x-default).
        return original
          ? { ...item, links: [...(item.links ?? []), { lang: 'x-default', url: original.url }] }
          : item;
      },
    }),
    // Order matters: images are cleaned before the browser prints pages that show them, and
    // precompression comes last, after every step that writes or rewrites files in dist/.
    // The 404 pages first move to where hosts look for them, so what follows sees their final names.
    notFoundPages(),
    webFonts(),
    deferScripts(),
    inlineCss(),
    stripImageMetadata(),
    chromiumOutputs(),
    hostHeaders(),
    {
      name: 'site-url',
      hooks: {
        // Canonical URLs, share links, QR codes and the PDFs' margins all carry the origin.
        'astro:config:setup': ({ command }) => {
          if (command !== 'build' || preview) return;
          const url = process.env['SITE_URL'];
          if (
            !url ||
            !URL.canParse(url) ||
            !/^https?:$/.test(new URL(url).protocol) ||
            new URL(url).origin === PLACEHOLDER_ORIGIN
          ) {
            throw new Error(
              `SITE_URL ${url ? `is ${url}, not a public origin` : 'is not set'}: build for the address the site is published at (SITE_URL=https://www.example.gov.cn npm run build), or preview it with npm start.`,
            );
          }
        },
      },
    },
    precompress(),
  ],
  image: {
    // Astro's sharp service, decoding each photo once per size for its three formats.
    service: {
      entrypoint: './src/image-service.ts',
      // AVIF at effort 0 encodes about three times faster than at 2 (and ten times than the
      // default 4), for larger files: a cold build (every CI run) spends seconds on the photos.
      // Chroma at half resolution, as in the WebP and JPEG renditions: quicker, and smaller.
      // WebP (the fallback of browsers without AVIF) at effort 2: a sixth quicker, 5 % larger.
      config: { avif: { effort: 0, chromaSubsampling: '4:2:0' }, webp: { effort: 2 } },
    },
  },
  // No code blocks in the report; Shiki's inline styles would also break the CSP. Every
  // paragraph gets its anchor, the same in both languages (src/lib/paragraph-anchors.ts).
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [paragraphAnchors] }) },
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
