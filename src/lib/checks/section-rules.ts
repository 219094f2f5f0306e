import { findChartProblems } from '../chart-spec';
import { LANGS, type Lang } from '../i18n';
import { numbersIn } from '../numbers';
import { langOf, type SectionRecord } from './entries';
import { allowedNumbers, exceptionProblems, strayNumberProblems } from './stated-numbers';

/*
 * The rules of one section in one language, and those the sections of a language keep
 * together: unique slugs, orders and anchors.
 */

/** Every stat and named item stands in the body; charts follow the grammar; fields state no other number. */
export function sectionProblems(record: SectionRecord, lang: Lang): string[] {
  const where = `${record.filePath} →`;
  const { stats, charts, photos, numberExceptions: exceptions } = record.data;
  const bodyNumbers = numbersIn(record.body, lang, exceptions);
  const lowerBody = record.body.toLowerCase();
  const problems: string[] = [];

  stats.forEach((stat, index) => {
    if (!bodyNumbers.includes(stat.value)) {
      problems.push(
        `${where} stats[${index}].value: ${stat.value} (${stat.id}) does not appear in the body text`,
      );
    }
    if (!stat.items) return;
    if (stat.items.length !== stat.value) {
      problems.push(
        `${where} stats[${index}].items: lists ${stat.items.length} but the value counts ${stat.value}`,
      );
    }
    stat.items.forEach((item, itemIndex) => {
      if (!lowerBody.includes(item.toLowerCase())) {
        problems.push(
          `${where} stats[${index}].items[${itemIndex}]: "${item}" does not appear in the body text`,
        );
      }
    });
  });

  problems.push(...findChartProblems(charts, stats).map((problem) => `${where} ${problem}`));
  charts.forEach((chart, c) =>
    (chart.states ?? []).forEach((state, s) => {
      if (!record.body.includes(state.text)) {
        problems.push(
          `${where} charts[${c}].states[${s}].text: "${state.text}" does not stand in the body text`,
        );
      }
    }),
  );

  const allowed = allowedNumbers(
    lang,
    record.body,
    exceptions,
    stats.map((stat) => stat.value),
  );
  const fields: Array<[string, string]> = [
    ['summary', record.data.summary],
    ...stats.flatMap((stat, i): Array<[string, string]> => [
      [`stats[${i}].label`, stat.label],
      [`stats[${i}].tableLabel`, stat.tableLabel ?? ''],
    ]),
    ...photos.flatMap((photo, i): Array<[string, string]> => [
      [`photos[${i}].caption`, photo.caption],
      [`photos[${i}].alt`, photo.alt],
    ]),
    ...charts.flatMap((chart, c): Array<[string, string]> => [
      [`charts[${c}].title`, chart.title],
      ...(chart.states ?? []).map((state, s): [string, string] => [
        `charts[${c}].states[${s}].label`,
        state.label,
      ]),
      ...(chart.computed ?? []).map((share, s): [string, string] => [
        `charts[${c}].computed[${s}].label`,
        share.label,
      ]),
    ]),
  ];
  problems.push(...strayNumberProblems(where, fields, lang, allowed, exceptions));
  problems.push(...exceptionProblems(where, record));
  return problems;
}

/** No two sections of a language share a slug or an order. */
export function uniqueFieldProblems(records: readonly SectionRecord[], field: 'slug' | 'order'): string[] {
  const seen = new Map<string, SectionRecord>();
  return records.flatMap((record) => {
    const key = `${langOf(record)}:${record.data[field]}`;
    const first = seen.get(key);
    if (!first) seen.set(key, record);
    return first
      ? [
          `${record.filePath} → ${field}: ${JSON.stringify(record.data[field])} is also the ${field} of ${first.filePath}`,
        ]
      : [];
  });
}

/** Stat, chart and photo ids are anchors on the full report, so they are unique across sections. */
export function uniqueAnchorProblems(records: readonly SectionRecord[]): string[] {
  const problems: string[] = [];
  for (const lang of LANGS) {
    const seen = new Map<string, string>();
    for (const record of records.filter((r) => langOf(r) === lang)) {
      const ids = [
        ...record.data.stats.map((stat, i) => [stat.id, `stats[${i}].id`] as const),
        ...record.data.charts.map((chart, i) => [`chart-${chart.id}`, `charts[${i}].id`] as const),
        ...record.data.photos.map((photo, i) => [photo.id, `photos[${i}].id`] as const),
        [record.data.slug, 'slug'] as const,
      ];
      for (const [id, field] of ids) {
        const first = seen.get(id);
        if (first)
          problems.push(`${record.filePath} → ${field}: "${id}" is already an anchor id in ${first}`);
        else seen.set(id, record.filePath);
      }
    }
  }
  return problems;
}
