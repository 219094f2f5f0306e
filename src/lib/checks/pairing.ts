import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../i18n';
import { langOf } from './entries';

/** The languages' names in messages. */
export const LANG_NAMES: Record<Lang, string> = { zh: 'Chinese', en: 'English' };

/** The entries that share a key (a section's slug; the report's cover), by language. */
export interface LanguageGroup<E> {
  key: string;
  byLang: Partial<Record<Lang, E>>;
  /** The languages with no entry in the group. */
  missing: Lang[];
  /** The original and each of its translations present: what the pair rules compare. */
  pairs: Array<[original: E, translation: E]>;
}

/** Groups entries of the report's languages by what the languages share, original first. */
export function groupByLanguage<E extends { id: string }>(
  entries: readonly E[],
  key: (entry: E) => string,
): LanguageGroup<E>[] {
  const groups = new Map<string, Partial<Record<Lang, E>>>();
  for (const entry of entries) {
    const lang = langOf(entry);
    if (!isLang(lang)) continue;
    const group = groups.get(key(entry)) ?? {};
    group[lang] = entry;
    groups.set(key(entry), group);
  }
  return [...groups].map(([groupKey, byLang]) => {
    const original = byLang[DEFAULT_LANG];
    const translations = LANGS.filter((lang) => lang !== DEFAULT_LANG).flatMap((lang) => byLang[lang] ?? []);
    return {
      key: groupKey,
      byLang,
      missing: LANGS.filter((lang) => !byLang[lang]),
      pairs: original ? translations.map((translation): [E, E] => [original, translation]) : [],
    };
  });
}
