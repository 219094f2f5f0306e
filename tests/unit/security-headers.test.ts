import { describe, expect, it } from 'vitest';
import {
  CACHE_CONTROL,
  CSP_HEADER,
  CSP_META,
  HEADER_ONLY_DIRECTIVES,
  HSTS,
  renderHeadersFile,
  SECURITY_HEADERS,
} from '../../src/lib/security-headers';

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
