import type { Lang } from '../lib/i18n';
import { en } from './en';
import { zh, type UiKey } from './zh';

const dictionaries: Record<Lang, Record<UiKey, string>> = { zh, en };

/** Interface text for a language, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: UiKey, values: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

export type { UiKey };
