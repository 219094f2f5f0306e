import type { Lang } from './i18n';

/** A page that has a share preview: the cover, the full report, or a section by its slug. */
export type OgPageKey = 'home' | 'full-report' | (string & {});

/**
 * Site path (without the base) of a page's share preview, e.g. ('en', 'proposals') →
 * '/og/en/proposals.png'. Both languages carry their code, so the images sit side by side.
 */
export function ogImagePath(lang: Lang, pageKey: OgPageKey): string {
  return `/og/${lang}/${pageKey}.png`;
}
