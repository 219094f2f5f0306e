/**
 * The headers every copy of the site is served with, in one place. The pages' CSP `<meta>`
 * (layouts, then the build adds the hashes of the inlined CSS), the `_headers` file for Netlify
 * and Cloudflare Pages and the CSP map for nginx (both written at build), and the header lines
 * of `deploy/nginx.conf` (`npm run nginx:config`) are all rendered from here, and
 * tests/unit/security-headers.test.ts fails when the committed nginx file differs, so no two
 * of them can disagree.
 */

import { DEFAULT_LANG, LANGS } from './i18n.ts';
import { withSlash } from './base-path.ts';
import { notFoundPage } from './site-files.ts';

export type Header = readonly [name: string, value: string];

/** The Content-Security-Policy, one directive a row, in the order it is written. */
export const CSP_DIRECTIVES: readonly Header[] = [
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

/** An nginx string literal; refuses what nginx would read as a variable or a string's end. */
function nginxString(value: string): string {
  if (/["\\$]/.test(value)) throw new Error(`Cannot write ${value} into nginx.conf`);
  return `"${value}"`;
}

/** Variables the server block's add_header lines read, set by the maps (http level). */
export const NGINX_VARIABLES = {
  cacheControl: '$review2023_cache_control',
  hsts: '$review2023_hsts',
  csp: '$review2023_csp',
} as const;

/** A path as an exact, anchored nginx regular expression, written without backslashes. */
function nginxExactPath(path: string): string {
  if (!/^[\w./-]+$/.test(path)) throw new Error(`Cannot write ${path} into an nginx map`);
  return `"~^${path.replaceAll('.', '[.]')}$"`;
}

/** The file the build writes beside the pages, which deploy/nginx.conf includes (at http level). */
export const NGINX_CSP_FILE = '_csp.nginx';

/**
 * The map that gives each response its Content-Security-Policy: each page's, with the hashes
 * of its inline stylesheet, by the file nginx serves for it ($uri after `index` and
 * `error_page`), and the policy without hashes for everything else. Written at every build
 * (dist/_csp.nginx), since the hashes change with every change of the CSS.
 */
export function renderNginxCspMap(pages: readonly PagePolicy[]): string {
  return [
    '# Generated at build from src/lib/security-headers.ts and the pages: do not edit.',
    `map $uri ${NGINX_VARIABLES.csp} {`,
    `    default ${nginxString(CSP_HEADER)};`,
    // Each path as an anchored regular expression: exact, and kept out of the map's hash, whose
    // 64-byte buckets a deep page under a sub-path outgrows (and whose size an include cannot set).
    ...pages.map((page) => `    ${nginxExactPath(page.file)} ${nginxString(cspHeader(page.styleHashes))};`),
    '}',
    '',
  ].join('\n');
}

/** The `map` blocks of deploy/nginx.conf: Cache-Control by path, HSTS by scheme. */
export function renderNginxMaps(): string {
  return [
    `map $uri ${NGINX_VARIABLES.cacheControl} {`,
    `    ~/${HASHED_DIR}  ${nginxString(CACHE_CONTROL.immutable)};`,
    `    default    ${nginxString(CACHE_CONTROL.revalidate)};`,
    '}',
    `map $https ${NGINX_VARIABLES.hsts} {`,
    `    on         ${nginxString(HSTS[1])};`,
    '    default    "";',
    '}',
  ].join('\n');
}

/**
 * The add_header lines of deploy/nginx.conf's server block. `always` puts them on error pages
 * too; an empty value (HSTS over plain HTTP) sends no header.
 */
export function renderNginxHeaders(indent = '    '): string {
  return [
    ...SECURITY_HEADERS.map(([name, value]) =>
      name === 'Content-Security-Policy'
        ? `add_header ${name} ${NGINX_VARIABLES.csp} always;`
        : `add_header ${name} ${nginxString(value)} always;`,
    ),
    `add_header ${HSTS[0]} ${NGINX_VARIABLES.hsts} always;`,
    `add_header Cache-Control ${NGINX_VARIABLES.cacheControl} always;`,
  ]
    .map((line) => `${indent}${line}`)
    .join('\n');
}

/**
 * A location per language folder whose unknown addresses get that language's 404 page; the
 * server's own error_page lines serve the default language's everywhere else.
 */
export function renderNginxNotFound(indent = '    '): string {
  return FOLDER_LANGS.flatMap((lang) => [
    `location /${lang}/ {`,
    `    error_page 404 /${notFoundPage(lang)};`,
    `    error_page 403 =404 /${notFoundPage(lang)};`,
    '    try_files $uri $uri/ =404;',
    '}',
  ])
    .map((line) => `${indent}${line}`)
    .join('\n');
}

const REGION = /^([ \t]*)# BEGIN generated: ([\w-]+)[^\n]*\n[\s\S]*?^[ \t]*# END generated: \2$/gm;

/**
 * deploy/nginx.conf with its generated regions (`# BEGIN generated: maps` … `# END generated:
 * maps`, and `headers`) rendered afresh; the rest of the file is left as written.
 */
export function renderNginxConf(conf: string): string {
  const renderers: Record<string, (indent: string) => string> = {
    maps: (indent) =>
      renderNginxMaps()
        .split('\n')
        .map((line) => indent + line)
        .join('\n'),
    headers: (indent) => renderNginxHeaders(indent),
    'not-found': (indent) => renderNginxNotFound(indent),
  };
  const seen = new Set<string>();
  const rendered = conf.replace(REGION, (_match, indent: string, name: string) => {
    const render = renderers[name];
    if (!render) throw new Error(`deploy/nginx.conf: unknown generated region "${name}"`);
    seen.add(name);
    return [
      `${indent}# BEGIN generated: ${name} (from src/lib/security-headers.ts by npm run nginx:config; do not edit)`,
      render(indent),
      `${indent}# END generated: ${name}`,
    ].join('\n');
  });
  const missing = Object.keys(renderers).filter((name) => !seen.has(name));
  if (missing.length) throw new Error(`deploy/nginx.conf: no generated region for ${missing.join(', ')}`);
  return rendered;
}
