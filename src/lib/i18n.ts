/** The report's languages: Chinese is the original and lives at the site root. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';

/** BCP 47 tags for `lang`, `hreflang` and `Intl`. */
export const LANG_TAG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The `[...lang]` route parameter for a language: the default language has no prefix. */
export function langParam(lang: Lang): string | undefined {
  return lang === DEFAULT_LANG ? undefined : lang;
}

/** Inverse of {@link langParam}; unknown values are a routing bug, so they throw. */
export function langFromParam(param: string | undefined): Lang {
  if (param === undefined || param === '') return DEFAULT_LANG;
  if (isLang(param)) return param;
  throw new Error(`Unknown language segment "${param}"`);
}

/** `getStaticPaths` entries for a page that exists once per language. */
export function langStaticPaths() {
  return LANGS.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}

/** A site path (without base) in a language, e.g. ('en', '/proposals/') → '/en/proposals/'. */
export function localizedPath(lang: Lang, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return lang === DEFAULT_LANG ? clean : `/${lang}${clean}`;
}

/** Splits a site path (without base) into its language and the language-neutral rest. */
export function splitLangPath(path: string): { lang: Lang; rest: string } {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(path);
  if (match?.[1] && isLang(match[1]) && match[1] !== DEFAULT_LANG) {
    return { lang: match[1], rest: match[2] ?? '/' };
  }
  return { lang: DEFAULT_LANG, rest: path };
}

/** The same page in the other language; anchors are language-neutral, so a hash carries over. */
export function counterpartPath(path: string, target: Lang): string {
  return localizedPath(target, splitLangPath(path).rest);
}

/** Joins the configured base path and a site path without doubling slashes. */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const clean = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${clean}`;
}

/** The absolute URL of a site path, under the configured base, on the published origin. */
export function absoluteUrl(site: URL | string | undefined, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

/** Removes the configured base path from a URL pathname. */
export function withoutBase(base: string, pathname: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return trimmedBase && pathname.startsWith(trimmedBase)
    ? pathname.slice(trimmedBase.length) || '/'
    : pathname;
}
