import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below a folder, as paths relative to it with forward slashes. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'));
}

const ATTRIBUTE = /\s(href|src|srcset|content)="([^"]*)"/g;
const ID = /\sid="([^"]+)"/g;

/** The URLs a page refers to: href, src, every srcset candidate, and og/twitter image URLs. */
function referencesIn(html: string): string[] {
  const refs: string[] = [];
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    for (const [, name, value] of tag.matchAll(ATTRIBUTE)) {
      const decoded = value!.replaceAll('&amp;', '&');
      if (name === 'srcset') refs.push(...decoded.split(',').map((c) => c.trim().split(/\s+/)[0]!));
      else if (name === 'content') {
        if (/property="og:(image|url)"|name="twitter:image"/.test(tag)) refs.push(decoded);
      } else refs.push(decoded);
    }
  }
  return refs.filter(Boolean);
}

/**
 * Checks that every internal reference in a built site resolves to a file, and every
 * #fragment to an id on its target page. `origin` + `base` is where the site is published;
 * `elsewhere` lists addresses on the same origin that are other sites on purpose (another
 * year's edition). Returns the pages read and the references followed, so a caller can tell
 * "no broken link" from "nothing read".
 */
export function checkLinks(
  distDir: string,
  origin: string,
  base: string,
  elsewhere: string[] = [],
): { pages: string[]; references: number; problems: string[] } {
  const files = new Set(filesBelow(distDir));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) {
      const html = readFileSync(join(distDir, file), 'utf8');
      ids.set(file, new Set([...html.matchAll(ID)].map((m) => m[1]!)));
    }
    return ids.get(file)!;
  };
  const problems: string[] = [];
  const pages = [...files].filter((f) => f.endsWith('.html')).sort();
  let references = 0;
  for (const page of pages) {
    const pageUrl = new URL(`${base}${page.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    for (const ref of referencesIn(readFileSync(join(distDir, page), 'utf8'))) {
      if (/^(mailto|tel|data|javascript):/.test(ref)) continue;
      const url = new URL(ref, pageUrl);
      if (url.origin !== new URL(origin).origin || elsewhere.includes(url.href)) continue;
      references += 1;
      if (!url.pathname.startsWith(base)) {
        problems.push(`${page}: ${ref} is outside the base path ${base}`);
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(base.length));
      const target = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      if (!files.has(target)) {
        problems.push(`${page}: ${ref} → no file ${target}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
        problems.push(`${page}: ${ref} → no id "${fragment}" in ${target}`);
      }
    }
  }
  return { pages, references, problems };
}
