import type { StatLike } from './format';

interface SectionStats<S extends StatLike> {
  slug: string;
  stats: readonly (S & { headline?: boolean })[];
}

/**
 * The one figure a page's share preview shows: a section's first headline figure, and for the
 * cover and the full report the first headline figure of the last section (the proposals
 * record, the review's closing result).
 */
export function previewStat<S extends StatLike>(
  sections: readonly SectionStats<S>[],
  pageKey: string,
): S | undefined {
  const section = sections.find((s) => s.slug === pageKey) ?? sections.at(-1);
  if (!section) return undefined;
  return section.stats.find((stat) => stat.headline) ?? section.stats[0];
}
