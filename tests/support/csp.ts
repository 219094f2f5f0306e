import { createHash } from 'node:crypto';

/*
 * The Content-Security-Policy the site declares (README, "Security headers"), written out here
 * rather than read from src/lib/security-headers.ts, which renders it: a changed policy is a
 * visible edit in the tests. A page allows its own inline stylesheet by hash, computed here
 * from the built page.
 */

/** The hashes a page's inline <style> elements need, as CSP writes them: " 'sha256-…'" each. */
export const styleHashes = (html: string) =>
  [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)]
    .map((m) => ` 'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`)
    .join('');

/** The policy a page carries in its <meta>; without a page, the policy without hashes. */
export const cspMeta = (html?: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self'${html ? styleHashes(html) : ''}; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'`;

/** The header: the page's policy (or the one without hashes) and what only a header can carry. */
export const cspHeader = (html?: string) => `${cspMeta(html)}; frame-ancestors 'self'`;
