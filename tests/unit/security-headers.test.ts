import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CACHE_CONTROL,
  CSP_HEADER,
  CSP_META,
  cspHeader,
  cspMeta,
  HEADER_ONLY_DIRECTIVES,
  HSTS,
  renderHeadersFile,
  renderRedirectsFile,
  SECURITY_HEADERS,
} from '../../src/lib/security-headers';
import {
  NGINX_CSP_FILE,
  NGINX_VARIABLES,
  renderNginxConf,
  renderNginxCspMap,
} from '../../src/lib/nginx-conf';

const NGINX_CONF = join(import.meta.dirname, '../../deploy/nginx.conf');
const README = join(import.meta.dirname, '../../README.md');
const directives = (policy: string) => policy.split(';').map((directive) => directive.trim());

describe('the Content-Security-Policy', () => {
  it('is strict: self only, no inline code, no eval', () => {
    expect(directives(CSP_HEADER)).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
      ]),
    );
    expect(CSP_HEADER).not.toMatch(/unsafe-|sha256-|\*/);
  });

  it('allows a page’s inline stylesheets by their hashes, in the <meta> and the header alike', () => {
    const hashes = ['sha256-AAAA', 'sha256-BBBB'];
    for (const policy of [cspMeta(hashes), cspHeader(hashes)]) {
      expect(directives(policy)).toContain("style-src 'self' 'sha256-AAAA' 'sha256-BBBB'");
      expect(policy).not.toMatch(/unsafe-/);
    }
    expect(directives(cspHeader(hashes)).filter((d) => !d.startsWith('frame-ancestors'))).toEqual(
      directives(cspMeta(hashes)),
    );
  });

  it('is the same in the header and the <meta>, but for the directives a <meta> may not carry', () => {
    const headerOnly = directives(CSP_HEADER).filter((d) => HEADER_ONLY_DIRECTIVES.has(d.split(' ')[0]!));
    expect(headerOnly).toEqual(["frame-ancestors 'self'"]);
    expect(directives(CSP_META)).toEqual(directives(CSP_HEADER).filter((d) => !headerOnly.includes(d)));
  });
});

describe('_headers for Netlify and Cloudflare Pages', () => {
  it('sends every security header and HSTS on every path, and a year of caching on hashed files only', () => {
    expect(renderHeadersFile('/')).toBe(
      [
        '# Generated at build from src/lib/security-headers.ts: edit there, not here.',
        '# Netlify and Cloudflare Pages serve HTTPS only, so HSTS is sent everywhere.',
        '/*',
        ...[...SECURITY_HEADERS, HSTS].map(([name, value]) => `  ${name}: ${value}`),
        '/_astro/*',
        `  Cache-Control: ${CACHE_CONTROL.immutable}`,
        '',
      ].join('\n'),
    );
  });

  it('sends each page its own CSP, with its stylesheet’s hash, and no second policy on /*', () => {
    const file = renderHeadersFile('/', [
      { path: '/', file: '/index.html', styleHashes: ['sha256-AAAA'] },
      { path: '/en/consensus/', file: '/en/consensus/index.html', styleHashes: ['sha256-BBBB'] },
    ]);
    const rules = file.trimEnd().split(/\n(?=\S)/);
    const everywhere = rules.find((rule) => rule.startsWith('/*\n'))!;
    expect(everywhere).not.toMatch(/Content-Security-Policy/);
    for (const [name, value] of SECURITY_HEADERS.filter(([n]) => n !== 'Content-Security-Policy'))
      expect(everywhere).toContain(`  ${name}: ${value}`);
    expect(rules).toContain(`/en/consensus/\n  Content-Security-Policy: ${cspHeader(['sha256-BBBB'])}`);
    expect(rules).toContain(`/\n  Content-Security-Policy: ${cspHeader(['sha256-AAAA'])}`);
  });

  it('puts its paths under the base path', () => {
    const file = renderHeadersFile('/review-2023/');
    expect(file).toMatch(/^\/review-2023\/\*$/m);
    expect(file).toMatch(/^\/review-2023\/_astro\/\*$/m);
    expect(file).not.toMatch(/^\/(\*|_astro)/m);
  });
});

describe('_redirects for Netlify', () => {
  it('gives unknown addresses under the English folder the English 404 page, with status 404', () => {
    const rules = renderRedirectsFile('/')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(rules).toEqual(['/en/*  /en/404.html  404']);
    expect(renderRedirectsFile('/review-2025')).toContain('/review-2025/en/*  /review-2025/en/404.html  404');
  });
});

describe('deploy/nginx.conf', () => {
  const conf = readFileSync(NGINX_CONF, 'utf8');

  it('serves the English 404 page under /en/, the bilingual one elsewhere', () => {
    const english = /^ {4}location \/en\/ \{([^}]*)\}/m.exec(conf)?.[1] ?? '';
    expect(english).toContain('error_page 404 /en/404.html;');
    expect(english).toContain('error_page 403 =404 /en/404.html;');
    expect(english).toContain('try_files $uri $uri/ =404;');
    expect(conf).toMatch(/^ {4}error_page 404 \/404\.html;$/m);
  });

  it('is what src/lib/security-headers.ts renders (else: npm run nginx:config)', () => {
    expect(conf).toBe(renderNginxConf(conf));
  });

  it('sends every security header on every response, error pages included', () => {
    for (const [name, value] of SECURITY_HEADERS)
      expect(conf).toContain(
        name === 'Content-Security-Policy'
          ? `    add_header ${name} ${NGINX_VARIABLES.csp} always;\n`
          : `    add_header ${name} "${value}" always;\n`,
      );
    expect(conf).toContain(`"${CACHE_CONTROL.immutable}"`);
    expect(conf).toContain(`"${HSTS[1]}"`);
  });

  it('has add_header only at server level, where every location inherits all of them', () => {
    const locations = [...conf.matchAll(/^ {4}location [^{]+\{([^}]*)\}/gm)].map((m) => m[1]);
    expect(locations.length).toBeGreaterThan(0);
    for (const body of locations) expect(body).not.toMatch(/add_header|expires/);
  });

  it('includes the CSP map the build writes beside the pages, at http level, before the server', () => {
    const include = new RegExp(`^include \\S+/${NGINX_CSP_FILE.replace('.', '\\.')};$`, 'm');
    expect(conf).toMatch(include);
    expect(conf.search(include)).toBeLessThan(conf.indexOf('server {'));
    // The map itself is never served.
    expect(conf).toMatch(/location ~ \/_\(\?:headers\|redirects\|csp\\\.nginx\)\$ \{\s*return 404;/);
  });

  it('notices a stale or hand-edited generated region', () => {
    const edited = conf.replace('max-age=31536000, immutable', 'max-age=600');
    expect(renderNginxConf(edited)).not.toBe(edited);
    expect(() => renderNginxConf(conf.replace(/# BEGIN generated: headers/, '# BEGIN'))).toThrow(/headers/);
  });
});

describe('the CSP map for nginx (dist/_csp.nginx)', () => {
  it('gives each page’s file its policy, and everything else the policy without hashes', () => {
    const map = renderNginxCspMap([
      { path: '/en/', file: '/en/index.html', styleHashes: ['sha256-AAAA'] },
      { path: '/404.html', file: '/404.html', styleHashes: ['sha256-BBBB'] },
    ]);
    expect(map).toMatch(new RegExp(`^map \\$uri \\${NGINX_VARIABLES.csp} \\{$`, 'm'));
    expect(map).toContain(`    default "${CSP_HEADER}";\n`);
    // Exact paths, as anchored regular expressions.
    expect(map).toContain(`    "~^/en/index[.]html$" "${cspHeader(['sha256-AAAA'])}";\n`);
    expect(map).toContain(`    "~^/404[.]html$" "${cspHeader(['sha256-BBBB'])}";\n`);
    expect(map.trimEnd().endsWith('}')).toBe(true);
  });
});

describe('README.md', () => {
  it('shows the headers as they are sent', () => {
    const readme = readFileSync(README, 'utf8');
    for (const [name, value] of [
      ...SECURITY_HEADERS,
      HSTS,
      ['Cache-Control', CACHE_CONTROL.immutable],
      ['Cache-Control', CACHE_CONTROL.revalidate],
    ])
      expect(readme).toContain(`${name}: ${value}`);
  });
});
