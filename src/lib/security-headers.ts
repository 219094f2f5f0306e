/**
 * The headers every copy of the site is served with, in one place. The pages' CSP `<meta>`
 * (layouts, then the build adds the hashes of the inlined CSS), the `_headers` file for Netlify
 * and Cloudflare Pages and the CSP map for nginx (both written at build), and the header lines
 * of `deploy/nginx.conf` (`npm run nginx:config`, src/lib/nginx-conf.ts) are all rendered from here, and
 * tests/unit/security-headers.test.ts fails when the committed nginx file differs, so no two
 * of them can disagree.
 */

import { DEFAULT_LANG, LANGS } from './i18n.ts';
import { withSlash } from './base-path.ts';
import { notFoundPage } from './site-files.ts';

export type Header = readonly [name: string, value: string];

/** The Content-Security-Policy, one directive a row, in the order it is written. */
const CSP_DIRECTIVES: readonly Header[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'self'"],
];

/**
 * Directives a policy delivered in `<meta>` must not carry: browsers ignore them there and log
 * a console error saying so (CSP Level 3, § 6.4). Only the header sends them.
 */
export const HEADER_ONLY_DIRECTIVES: ReadonlySet<string> = new Set([
  'frame-ancestors',
  'report-uri',
  'sandbox',
]);

const policy = (directives: readonly Header[]) =>
  directives.map(([name, value]) => `${name} ${value}`).join('; ');

/**
 * The directives for a page that carries inline stylesheets: each allowed by its hash
 * ('sha256-…'), never by 'unsafe-inline'. The build inlines each page's CSS (one round trip to
 * the first paint) and writes the hashes into the page's <meta> and the hosts' headers.
 */
function pageDirectives(styleHashes: readonly string[]): Header[] {
  return CSP_DIRECTIVES.map(([name, value]) =>
    name === 'style-src' && styleHashes.length
      ? [name, [value, ...styleHashes.map((hash) => `'${hash}'`)].join(' ')]
      : [name, value],
  );
}

/** The policy in a page's `<meta http-equiv="content-security-policy">`. */
export const cspMeta = (styleHashes: readonly string[] = []) =>
  policy(pageDirectives(styleHashes).filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name)));

/** The policy in the Content-Security-Policy header: the `<meta>` one plus the header-only directives. */
export const cspHeader = (styleHashes: readonly string[] = []) => policy(pageDirectives(styleHashes));

/** The policy of a page without inline styles, and of every response that is not a page. */
export const CSP_META = cspMeta();
export const CSP_HEADER = cspHeader();

/** Sent with every response, on every host. */
export const SECURITY_HEADERS: readonly Header[] = [
  ['Content-Security-Policy', CSP_HEADER],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/**
 * Sent over HTTPS only. One year, for this host name alone: includeSubDomains and preload are
 * decisions for whoever runs the whole domain, not for one report under it.
 */
export const HSTS: Header = ['Strict-Transport-Security', 'max-age=31536000'];

/** Cache-Control: content-hashed files never change; everything else is checked on every use. */
export const CACHE_CONTROL = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'public, max-age=0, must-revalidate',
} as const;

/** The folder, below the base path, where Astro writes content-hashed files (and only those). */
export const HASHED_DIR = '_astro/';

/** A page as the hosts' header files name it: its URL path and the hashes of its inline styles. */
export interface PagePolicy {
  /** The URL path a reader asks for, under the base: /en/<slug>/. */
  path: string;
  /** The file nginx ends up serving for it ($uri after the index): /en/<slug>/index.html. */
  file: string;
  styleHashes: readonly string[];
}

/**
 * `_headers` for Netlify and Cloudflare Pages. Cache-Control is set for hashed files only:
 * Cloudflare joins the values of a header that several matching rules set, and both hosts
 * already send `public, max-age=0, must-revalidate` for everything else. For the same reason
 * the CSP, which differs from page to page by the hashes of its inline stylesheet, is set per
 * page and not on `/*` (a second policy there would refuse the page's styles).
 */
export function renderHeadersFile(base = '/', pages: readonly PagePolicy[] = []): string {
  const prefix = withSlash(base);
  const rule = (path: string, headers: readonly Header[]) =>
    [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const everywhere = pages.length
    ? SECURITY_HEADERS.filter(([name]) => name !== 'Content-Security-Policy')
    : SECURITY_HEADERS;
  return [
    '# Generated at build from src/lib/security-headers.ts: edit there, not here.',
    '# Netlify and Cloudflare Pages serve HTTPS only, so HSTS is sent everywhere.',
    rule(`${prefix}*`, [...everywhere, HSTS]),
    rule(`${prefix}${HASHED_DIR}*`, [['Cache-Control', CACHE_CONTROL.immutable]]),
    ...pages.map((page) => rule(page.path, [['Content-Security-Policy', cspHeader(page.styleHashes)]])),
    '',
  ].join('\n');
}

/** Languages with a 404 page of their own, under their folder (src/lib/site-files.ts). */
const FOLDER_LANGS = LANGS.filter((lang) => lang !== DEFAULT_LANG);

/**
 * `_redirects` for Netlify: an unknown address under a language's folder gets that language's
 * 404 page (with status 404). Cloudflare Pages needs no rule: it serves the nearest 404.html.
 */
export function renderRedirectsFile(base = '/'): string {
  const prefix = withSlash(base);
  return [
    '# Generated at build from src/lib/security-headers.ts: edit there, not here.',
    ...FOLDER_LANGS.map((lang) => `${prefix}${lang}/*  ${prefix}${notFoundPage(lang)}  404`),
    '',
  ].join('\n');
}
