import { chartShape } from '../chart-spec';
import type { Lang } from '../i18n';
import { bodyBlocks, numberDifference, numbersIn } from '../numbers';
import { langOf, type CheckedPhoto, type ReportRecord, type SectionRecord } from './entries';

/*
 * What an original and its translation must share: only words are translated. Figures, charts'
 * structure, photos and the numbers of every paragraph and summary are the same in both.
 */

interface Numbered {
  id: string;
  filePath: string;
  body: string;
  data: { summary: string; numberExceptions: readonly string[] };
}

const lang = (entry: { id: string }) => langOf(entry) as Lang;

/** A translated text's numbers where they differ from its original's (repeats counted), else undefined. */
function numberMismatch(originalText: string, translatedText: string, [original, translation]: Numbered[]) {
  const expected = numbersIn(originalText, lang(original!), original!.data.numberExceptions);
  const actual = numbersIn(translatedText, lang(translation!), translation!.data.numberExceptions);
  const [extra, missing] = numberDifference(actual, expected);
  return extra.length > 0 || missing.length > 0 ? { actual, expected } : undefined;
}

/**
 * The numbers of each paragraph, and of the summary, agree between the original and the
 * translation. A summary is what search results and share previews quote (description,
 * og:description, JSON-LD), so it states the same numbers whatever else its section states.
 */
function translatedNumberProblems(original: Numbered, translation: Numbered): string[] {
  const pair = [original, translation];
  const problems: string[] = [];
  const summary = numberMismatch(original.data.summary, translation.data.summary, pair);
  if (summary) {
    problems.push(
      `${translation.filePath} → summary: numbers [${summary.actual.join(', ')}] differ from [${summary.expected.join(', ')}] in the summary of ${original.filePath}`,
    );
  }
  const originalBlocks = bodyBlocks(original.body);
  const translatedBlocks = bodyBlocks(translation.body);
  const where = `${translation.filePath} → body`;
  if (originalBlocks.length !== translatedBlocks.length) {
    return [
      ...problems,
      `${where}: has ${translatedBlocks.length} paragraphs and list items, but ${original.filePath} has ${originalBlocks.length}`,
    ];
  }
  originalBlocks.forEach((block, index) => {
    const mismatch = numberMismatch(block, translatedBlocks[index]!, pair);
    if (mismatch) {
      problems.push(
        `${where}, paragraph ${index + 1}: numbers [${mismatch.actual.join(', ')}] differ from [${mismatch.expected.join(', ')}] in ${original.filePath}` +
          ' (declare a numeral that is part of a name in numberExceptions)',
      );
    }
  });
  return problems;
}

type WithPhotos = { filePath: string; data: { photos: readonly CheckedPhoto[] } };

/** Photos are the same files under the same ids in every language. */
function samePhotoProblems(original: WithPhotos, translation: WithPhotos): string[] {
  const key = (photos: readonly CheckedPhoto[]) =>
    photos.map((p) => `${p.id}=${JSON.stringify(p.src)}`).join(', ');
  return key(translation.data.photos) === key(original.data.photos)
    ? []
    : [`${translation.filePath} → photos: ids or files differ from ${original.filePath}`];
}

/** A section and its translation: the same order, stats, chart shapes, photos and numbers. */
export function sectionPairProblems(original: SectionRecord, translation: SectionRecord): string[] {
  const where = `${translation.filePath} →`;
  const problems: string[] = [];
  if (translation.data.order !== original.data.order) {
    problems.push(
      `${where} order: ${translation.data.order} here but ${original.data.order} in ${original.filePath}`,
    );
  }
  const ids = (r: SectionRecord) => r.data.stats.map((s) => s.id).join(', ');
  if (ids(translation) !== ids(original)) {
    problems.push(
      `${where} stats: ids [${ids(translation)}] differ from [${ids(original)}] in ${original.filePath}`,
    );
  } else {
    translation.data.stats.forEach((stat, index) => {
      const twin = original.data.stats[index]!;
      if (twin.value !== stat.value) {
        problems.push(
          `${where} stats[${index}].value: ${stat.value} (${stat.id}) here but ${twin.value} in ${original.filePath}`,
        );
      }
      if (Boolean(twin.headline) !== Boolean(stat.headline)) {
        problems.push(`${where} stats[${index}].headline: differs from ${original.filePath}`);
      }
      if ((twin.items?.length ?? 0) !== (stat.items?.length ?? 0)) {
        problems.push(
          `${where} stats[${index}].items: ${stat.items?.length ?? 0} here but ${twin.items?.length ?? 0} in ${original.filePath}`,
        );
      }
    });
  }
  const [mine, theirs] = [translation, original].map((r) => r.data.charts.map(chartShape));
  if (mine!.length !== theirs!.length) {
    problems.push(`${where} charts: ${mine!.length} here but ${theirs!.length} in ${original.filePath}`);
  } else {
    mine!.forEach((shape, index) => {
      if (shape !== theirs![index]) {
        problems.push(
          `${where} charts[${index}]: ids, rows, states or computed shares differ from ${original.filePath} (only titles and labels are translated)`,
        );
      }
    });
  }
  return [
    ...problems,
    ...samePhotoProblems(original, translation),
    ...translatedNumberProblems(original, translation),
  ];
}

/** Fields of the report that do not depend on the language. */
const NEUTRAL_REPORT_FIELDS = ['id', 'year', 'published', 'icp', 'publicSecurity', 'siteCode'] as const;

/** The report's cover and its translation: neutral fields, linked editions, photos and numbers. */
export function reportPairProblems(original: ReportRecord, translation: ReportRecord): string[] {
  const problems: string[] = [];
  for (const field of NEUTRAL_REPORT_FIELDS) {
    const [mine, theirs] = [translation.data[field], original.data[field]].map((v) => JSON.stringify(v));
    if (mine !== theirs) {
      problems.push(
        `${translation.filePath} → ${field}: ${mine ?? 'missing'} here but ${theirs ?? 'missing'} in ${original.filePath}`,
      );
    }
  }
  const urls = (r: ReportRecord) => JSON.stringify((r.data.editions ?? []).map((e) => e.url));
  if (urls(translation) !== urls(original)) {
    problems.push(`${translation.filePath} → editions: the linked editions differ from ${original.filePath}`);
  }
  return [
    ...problems,
    ...samePhotoProblems(original, translation),
    ...translatedNumberProblems(original, translation),
  ];
}
