/*
 * The chart declarations of a section's frontmatter, and the rules that keep every mark a
 * comparison the reader can name from the figure itself (content/README.md, "Charts"): a lone
 * count draws no mark; bars share one scale and one unit; a part stands on its whole's track;
 * a meter is a share of 100; counted units stay few enough to see each one; a computed share
 * stands with its part. Messages name the field.
 */
import type { Chart, Stat } from '../content.config';

/** How a chart row draws its stats. */
export const CHART_DRAWINGS = ['none', 'bars', 'part', 'meter', 'units', 'list'] as const;
export type ChartDrawing = (typeof CHART_DRAWINGS)[number];

/**
 * Counted units: one mark per thing counted, set in groups of five, so a reader can check each
 * mark against the number. Above this many the marks are a texture, not a count: the number
 * stands alone.
 */
export const MAX_UNIT_MARKS = 20;

/** What the chart rules read of a stat. */
export type ChartStat = Pick<Stat, 'id' | 'value' | 'unit' | 'items'>;

/** Problems with a section's charts, each as "field: what is wrong". */
export function findChartProblems(charts: readonly Chart[], stats: readonly ChartStat[]): string[] {
  const problems: string[] = [];
  const byId = new Map(stats.map((stat) => [stat.id, stat]));
  const known = stats.map((stat) => stat.id).join(', ') || 'none';
  const drawnAt = new Map<string, string>();
  const chartIds = new Set<string>();

  const lookup = (field: string, id: string): ChartStat | undefined => {
    const stat = byId.get(id);
    if (!stat) problems.push(`${field}: "${id}" is not a stat of this section (stats: ${known})`);
    return stat;
  };
  const drawn = (field: string, id: string) => {
    const earlier = drawnAt.get(id);
    if (earlier) problems.push(`${field}: "${id}" is already drawn at ${earlier}`);
    else drawnAt.set(id, field);
  };

  charts.forEach((chart, c) => {
    const at = `charts[${c}]`;
    if (chartIds.has(chart.id)) problems.push(`${at}.id: "${chart.id}" is the id of another chart`);
    chartIds.add(chart.id);
    /** Each part, with the whole its row draws it against. */
    const partOf = new Map<string, string>();

    chart.rows.forEach((row, r) => {
      const field = `${at}.rows[${r}]`;
      let whole: ChartStat | undefined;
      if (row.draw === 'part') {
        if (row.of === undefined) {
          problems.push(`${field}.of: a part row names the stat that is its whole`);
        } else {
          whole = lookup(`${field}.of`, row.of);
          if (whole) drawn(`${field}.of`, whole.id);
        }
      } else if (row.of !== undefined) {
        problems.push(`${field}.of: only a "part" row has a whole, not a "${row.draw}" row`);
      }
      const rowStats = row.stats.flatMap((id, s) => {
        const stat = lookup(`${field}.stats[${s}]`, id);
        if (stat) drawn(`${field}.stats[${s}]`, id);
        if (stat && whole) partOf.set(stat.id, whole.id);
        return stat ? [stat] : [];
      });
      problems.push(...rowProblems(row.draw, rowStats, whole, `${field}.stats`));
    });

    (chart.states ?? []).forEach((state, s) => lookup(`${at}.states[${s}].of`, state.of));

    (chart.computed ?? []).forEach((share, s) => {
      const part = lookup(`${at}.computed[${s}].part`, share.part);
      const whole = lookup(`${at}.computed[${s}].whole`, share.whole);
      if (!part || !whole) return;
      if (partOf.get(part.id) !== whole.id) {
        problems.push(
          `${at}.computed[${s}]: a computed share stands in its part's row, but no row of this chart draws "${part.id}" as a part of "${whole.id}" (add a row: draw: part, of: ${whole.id}, stats: [${part.id}])`,
        );
      }
    });
  });
  return problems;
}

const quoted = (text: string) => JSON.stringify(text);

function rowProblems(
  draw: ChartDrawing,
  stats: readonly ChartStat[],
  whole: ChartStat | undefined,
  field: string,
): string[] {
  switch (draw) {
    case 'none':
      return [];
    case 'bars': {
      if (stats.length < 2) {
        return [
          `${field}: bars compare figures on one scale; a lone figure is drawn "none" (its number alone)`,
        ];
      }
      const units = [...new Set(stats.map((stat) => stat.unit))];
      if (units.length > 1) {
        return [
          `${field}: bars share one scale, so their stats need one unit, not ${units.map(quoted).join(' and ')} (${stats.map((s) => `${s.id}: ${quoted(s.unit)}`).join(', ')})`,
        ];
      }
      return units[0] === '%'
        ? [`${field}: a percentage is a share of 100, drawn as a "meter", not as bars`]
        : [];
    }
    case 'part':
      if (!whole) return [];
      if (whole.unit === '%') {
        return [`${field}: "${whole.id}" is a percentage, a share of 100: draw it as a "meter"`];
      }
      return stats.flatMap((stat) => {
        if (stat.unit !== whole.unit) {
          return [
            `${field}: a part counts what its whole counts, but "${stat.id}" counts ${quoted(stat.unit)} and "${whole.id}" ${quoted(whole.unit)}`,
          ];
        }
        return whole.value <= 0 || stat.value > whole.value
          ? [`${field}: "${stat.id}" (${stat.value}) is not a part of "${whole.id}" (${whole.value})`]
          : [];
      });
    case 'meter':
      return stats.flatMap((stat) =>
        stat.unit !== '%' || stat.value > 100
          ? [`${field}: a meter shows a share of 100, but "${stat.id}" is ${stat.value} ${quoted(stat.unit)}`]
          : [],
      );
    case 'units':
      return stats.flatMap((stat) =>
        !Number.isInteger(stat.value) || stat.value < 1 || stat.value > MAX_UNIT_MARKS
          ? [
              `${field}: counted units draw one mark per thing, for whole counts from 1 to ${MAX_UNIT_MARKS}, but "${stat.id}" is ${stat.value}; draw it "none" (its number alone)`,
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
export function chartShape(chart: Chart): string {
  return JSON.stringify({
    id: chart.id,
    rows: chart.rows.map((row) => [row.draw, row.of ?? null, ...row.stats]),
    states: (chart.states ?? []).map((state) => state.of),
    computed: (chart.computed ?? []).map((share) => [share.part, share.whole]),
  });
}
