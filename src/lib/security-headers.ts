/**
 * The headers every copy of the site is served with, in one place. The pages' CSP `<meta>`
 * (layouts), the `_headers` file for Netlify and Cloudflare Pages (written at build) and the
 * header lines of `deploy/nginx.conf` (`npm run nginx:config`) are all rendered from here, and
 * tests/unit/security-headers.test.ts fails when the committed nginx file differs, so no two
 * of them can disagree.
 */

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

/** The policy in each page's `<meta http-equiv="content-security-policy">`. */
export const CSP_META = policy(CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name)));

/** The policy in the Content-Security-Policy header: the `<meta>` one plus the header-only directives. */
export const CSP_HEADER = policy(CSP_DIRECTIVES);

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

/**
 * `_headers` for Netlify and Cloudflare Pages. Cache-Control is set for hashed files only:
 * Cloudflare joins the values of a header that several matching rules set, and both hosts
 * already send `public, max-age=0, must-revalidate` for everything else.
 */
export function renderHeadersFile(base = '/'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rule = (path: string, headers: readonly Header[]) =>
    [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return [
    '# Generated at build from src/lib/security-headers.ts: edit there, not here.',
    '# Netlify and Cloudflare Pages serve HTTPS only, so HSTS is sent everywhere.',
    rule(`${prefix}*`, [...SECURITY_HEADERS, HSTS]),
    rule(`${prefix}${HASHED_DIR}*`, [['Cache-Control', CACHE_CONTROL.immutable]]),
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
  cacheControl: '$report_cache_control',
  hsts: '$report_hsts',
} as const;

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
    ...SECURITY_HEADERS.map(([name, value]) => `add_header ${name} ${nginxString(value)} always;`),
    `add_header ${HSTS[0]} ${NGINX_VARIABLES.hsts} always;`,
    `add_header Cache-Control ${NGINX_VARIABLES.cacheControl} always;`,
  ]
    .map((line) => `${indent}${line}`)
    .join('\n');
}

const REGION = /^([ \t]*)# BEGIN generated: (\w+)[^\n]*\n[\s\S]*?^[ \t]*# END generated: \2$/gm;

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
