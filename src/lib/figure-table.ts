/*
 * Figures as the rows of a data table: the chart's table under each chart, the home page's
 * table of every figure on paper (components/figures/DataTable.astro sets both).
 */
import { t } from '../i18n';
import type { FigureRow } from './figures';
import type { Lang } from './i18n';

export interface TableRow {
  name: string;
  value: string;
  details: string;
  /** A share the site computed, not a figure the source states. */
  computed?: boolean | undefined;
}

/**
 * A row per figure, its named items and state as details; a computed share follows its part's
 * row, labelled as computed (not in the home page's table, which lists the stated figures).
 */
export function tableRows(rows: readonly FigureRow[], lang: Lang, { shares = true } = {}): TableRow[] {
  const listSep = t(lang, 'chartListSeparator');
  return rows.flatMap(({ figure, mark, state }) => [
    {
      name: figure.name,
      value: figure.valueText,
      details: [figure.items.join(listSep), state?.label].filter(Boolean).join(listSep),
    },
    ...(shares && mark.kind === 'part' && mark.share
      ? [{ name: mark.share.label, value: mark.share.percentText, details: mark.share.sum, computed: true }]
      : []),
  ]);
}
