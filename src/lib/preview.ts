import type { Stat } from '../content.config';

interface SectionStats<S> {
  slug: string;
  stats: readonly S[];
}

/**
 * The one figure a page's share preview shows: a section's first headline figure (else its
 * first figure); for the cover and the full report, that of the last section with figures,
 * as a review's closing result.
 */
export function previewStat<S extends Pick<Stat, 'headline'>>(
  sections: readonly SectionStats<S>[],
  pageKey: string,
): S | undefined {
  const own = sections.find((s) => s.slug === pageKey);
  const section = own ?? sections.findLast((s) => s.stats.length > 0);
  if (!section) return undefined;
  return section.stats.find((stat) => stat.headline) ?? section.stats[0];
}
