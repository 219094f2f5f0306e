/*
 * The site's languages. Astro's i18n routing (astro.config.mjs) puts the default language at
 * the root and the others under /<lang>/; these constants configure it and name the tags.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';

/** BCP 47 tags for `lang`, `hreflang` and `Intl`. */
export const LANG_TAG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}

/** The language of the page being rendered (`Astro.currentLocale`); a route outside the locales is a bug. */
export function pageLang(currentLocale: string | undefined): Lang {
  if (isLang(currentLocale)) return currentLocale;
  throw new Error(`Page rendered outside the configured languages (currentLocale: ${String(currentLocale)})`);
}

/** `getStaticPaths` entries for a page that exists once per language (`[...lang]` routes). */
export function langStaticPaths() {
  return LANGS.map((lang) => ({ params: { lang: langParam(lang) } }));
}

/** The `[...lang]` route parameter of a language: none for the default language. */
export function langParam(lang: Lang): string | undefined {
  return lang === DEFAULT_LANG ? undefined : lang;
}

/** The language of a site path (without the base): its first segment where that is a language. */
export function pathLang(sitePath: string): Lang {
  const first = sitePath.split('/').find(Boolean);
  return isLang(first) ? first : DEFAULT_LANG;
}

/**
 * The language-neutral path of a page ("/en/<slug>/" → "<slug>/"), given its path
 * without the base. Anchors are identical in every language, so this plus a hash is a place.
 */
export function neutralPath(sitePath: string): string {
  const segments = sitePath.split('/').filter(Boolean);
  if (pathLang(sitePath) !== DEFAULT_LANG) segments.shift();
  return segments.length ? `${segments.join('/')}/` : '';
}
