/*
 * The site's base path (BASE_PATH, Astro's `base`: "/", "/review-2023/"), which Astro's config
 * and `import.meta.env.BASE_URL` give with or without its trailing slash.
 */

/** The base with its trailing slash: what every path of the site starts with. */
export const withSlash = (base: string): string => (base.endsWith('/') ? base : `${base}/`);

/** A URL pathname without the base, from its slash on ("/review-2023/en/" → "/en/"). */
export function withoutBase(base: string, pathname: string): string {
  const trimmed = withSlash(base).slice(0, -1);
  return trimmed && pathname.startsWith(trimmed) ? pathname.slice(trimmed.length) || '/' : pathname;
}
