/*
 * The chart declarations of a section's frontmatter, and the rules that keep them drawable:
 * every reference names a stat of the section, a shared scale holds like quantities only, a
 * meter is a share of 100, unit marks stay countable. Messages name the field.
 */

/** How a chart row draws its stats. */
export const CHART_DRAWINGS = ['bars', 'units', 'meter', 'list'] as const;
export type ChartDrawing = (typeof CHART_DRAWINGS)[number];

/** Unit marks come in blocks of 100; beyond this many, marks no longer read as a count. */
export const MAX_UNIT_MARKS = 2000;

export interface SpecStat {
  id: string;
  value: number;
  unit: string;
  items?: readonly string[] | undefined;
}

export interface ChartSpec {
  id: string;
  title: string;
  rows: ReadonlyArray<{ draw: ChartDrawing; stats: readonly string[] }>;
  states?: ReadonlyArray<{ of: string; label: string; text: string }> | undefined;
  computed?: ReadonlyArray<{ part: string; whole: string; label: string }> | undefined;
}

/** Problems with a section's charts, each as "field: what is wrong". */
export function findChartProblems(charts: readonly ChartSpec[], stats: readonly SpecStat[]): string[] {
  const problems: string[] = [];
  const byId = new Map(stats.map((stat) => [stat.id, stat]));
  const known = stats.map((stat) => stat.id).join(', ') || 'none';
  const drawnAt = new Map<string, string>();
  const chartIds = new Set<string>();

  const lookup = (field: string, id: string): SpecStat | undefined => {
    const stat = byId.get(id);
    if (!stat) problems.push(`${field}: "${id}" is not a stat of this section (stats: ${known})`);
    return stat;
  };

  charts.forEach((chart, c) => {
    const at = `charts[${c}]`;
    if (chartIds.has(chart.id)) problems.push(`${at}.id: "${chart.id}" is the id of another chart`);
    chartIds.add(chart.id);

    chart.rows.forEach((row, r) => {
      const field = `${at}.rows[${r}].stats`;
      const rowStats = row.stats.flatMap((id, s) => {
        const stat = lookup(`${field}[${s}]`, id);
        const earlier = drawnAt.get(id);
        if (stat && earlier) problems.push(`${field}[${s}]: "${id}" is already drawn at ${earlier}`);
        if (stat) drawnAt.set(id, `${field}[${s}]`);
        return stat ? [stat] : [];
      });
      problems.push(...rowProblems(row.draw, rowStats, field));
    });

    (chart.states ?? []).forEach((state, s) => lookup(`${at}.states[${s}].of`, state.of));

    (chart.computed ?? []).forEach((share, s) => {
      const part = lookup(`${at}.computed[${s}].part`, share.part);
      const whole = lookup(`${at}.computed[${s}].whole`, share.whole);
      if (!part || !whole) return;
      if (part.unit !== whole.unit) {
        problems.push(
          `${at}.computed[${s}]: a share needs one unit, but "${part.id}" counts ${JSON.stringify(part.unit)} and "${whole.id}" ${JSON.stringify(whole.unit)}`,
        );
      }
      if (whole.value <= 0 || part.value > whole.value) {
        problems.push(
          `${at}.computed[${s}]: "${part.id}" (${part.value}) is not a part of "${whole.id}" (${whole.value})`,
        );
      }
    });
  });
  return problems;
}

function rowProblems(draw: ChartDrawing, stats: readonly SpecStat[], field: string): string[] {
  switch (draw) {
    case 'bars': {
      if (stats.length < 2) {
        return [`${field}: bars compare figures on one scale; a lone figure needs "units" or no chart`];
      }
      const units = [...new Set(stats.map((stat) => stat.unit))];
      return units.length > 1
        ? [
            `${field}: bars share one scale, so their stats need one unit, not ${units.map((u) => JSON.stringify(u)).join(' and ')} (${stats.map((s) => `${s.id}: ${JSON.stringify(s.unit)}`).join(', ')})`,
          ]
        : [];
    }
    case 'meter':
      return stats.flatMap((stat) =>
        stat.unit !== '%' || stat.value > 100
          ? [
              `${field}: a meter shows a share of 100, but "${stat.id}" is ${stat.value} ${JSON.stringify(stat.unit)}`,
            ]
          : [],
      );
    case 'units':
      return stats.flatMap((stat) =>
        !Number.isInteger(stat.value) || stat.value > MAX_UNIT_MARKS
          ? [
              `${field}: unit marks draw whole counts up to ${MAX_UNIT_MARKS}, but "${stat.id}" is ${stat.value}; use "bars" or no chart`,
            ]
          : [],
      );
    case 'list':
      return stats.flatMap((stat) =>
        stat.items?.length
          ? []
          : [`${field}: a list draws a stat's named items, but "${stat.id}" has no items`],
      );
  }
}

/** The language-neutral shape of a chart: what must be the same in every language. */
export function chartShape(chart: ChartSpec): string {
  return JSON.stringify({
    id: chart.id,
    rows: chart.rows.map((row) => [row.draw, ...row.stats]),
    states: (chart.states ?? []).map((state) => state.of),
    computed: (chart.computed ?? []).map((share) => [share.part, share.whole]),
  });
}
