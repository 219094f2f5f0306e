/**
 * deploy/nginx.conf's generated regions and the CSP map the build writes beside the pages, from
 * the headers of src/lib/security-headers.ts: `npm run nginx:config` rewrites the regions, and
 * tests/unit/security-headers.test.ts fails when the committed file differs.
 */

import {
  CACHE_CONTROL,
  CSP_HEADER,
  cspHeader,
  HASHED_DIR,
  HSTS,
  SECURITY_HEADERS,
  type PagePolicy,
} from './security-headers.ts';
import { DEFAULT_LANG, LANGS } from './i18n.ts';
import { notFoundPage } from './site-files.ts';

/** Languages with a 404 page of their own, under their folder (src/lib/site-files.ts). */
const FOLDER_LANGS = LANGS.filter((lang) => lang !== DEFAULT_LANG);

/** An nginx string literal; refuses what nginx would read as a variable or a string's end. */
function nginxString(value: string): string {
  if (/["\\$]/.test(value)) throw new Error(`Cannot write ${value} into nginx.conf`);
  return `"${value}"`;
}

/** Variables the server block's add_header lines read, set by the maps (http level). */
export const NGINX_VARIABLES = {
  cacheControl: '$report_cache_control',
  hsts: '$report_hsts',
  csp: '$report_csp',
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
function renderNginxMaps(): string {
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
function renderNginxHeaders(indent = '    '): string {
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
