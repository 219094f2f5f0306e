import type { Bar, FigureGroup, FigureRow } from './figures';

/** A figure as a home-page card shows it; a bar carries the whole group it shares a scale with. */
export interface DashboardItem {
  row: FigureRow;
  /** The bars of its group, where this figure is the last of the group on the card. */
  bars?: Bar[] | undefined;
}

/**
 * A section's figures on its home-page card: those the headline strip does not show, each with
 * its mark. A group of bars is drawn whole, with the last of its figures on the card, so a bar
 * is never drawn without the bars it is compared with (some of which may stand in the strip).
 */
export function dashboardItems(groups: readonly FigureGroup[]): DashboardItem[] {
  return groups.flatMap((group) => {
    const shown = group.rows.filter((row) => !row.figure.headline);
    return shown.map((row, index) => ({
      row,
      bars: index === shown.length - 1 ? group.bars : undefined,
    }));
  });
}
