import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CACHE_CONTROL,
  CSP_HEADER,
  CSP_META,
  HEADER_ONLY_DIRECTIVES,
  HSTS,
  renderHeadersFile,
  renderNginxConf,
  renderRedirectsFile,
  SECURITY_HEADERS,
} from '../../src/lib/security-headers';

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
      expect(conf).toContain(`    add_header ${name} "${value}" always;\n`);
    expect(conf).toContain(`"${CACHE_CONTROL.immutable}"`);
    expect(conf).toContain(`"${HSTS[1]}"`);
  });

  it('has add_header only at server level, where every location inherits all of them', () => {
    const locations = [...conf.matchAll(/^ {4}location [^{]+\{([^}]*)\}/gm)].map((m) => m[1]);
    expect(locations.length).toBeGreaterThan(0);
    for (const body of locations) expect(body).not.toMatch(/add_header|expires/);
  });

  it('notices a stale or hand-edited generated region', () => {
    const edited = conf.replace('max-age=31536000, immutable', 'max-age=600');
    expect(renderNginxConf(edited)).not.toBe(edited);
    expect(() => renderNginxConf(conf.replace(/# BEGIN generated: headers/, '# BEGIN'))).toThrow(/headers/);
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
