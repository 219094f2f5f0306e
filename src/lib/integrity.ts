import { chartShape, findChartProblems, type ChartSpec } from './chart-spec';
import { isLang, LANGS, type Lang } from './i18n';
import { bodyBlocks, numberDifference, numbersIn } from './numbers';

/*
 * Everything that must hold across the content files and that a per-file schema cannot see.
 * Each check returns messages of the form "<file> → <field>: <what is wrong>", so an editor
 * can fix the content without reading code.
 */

interface Photo {
  id: string;
  src: unknown;
  caption: string;
  alt: string;
}

interface Stat {
  id: string;
  value: number;
  unit: string;
  label: string;
  tableLabel?: string | undefined;
  headline?: boolean;
  items?: readonly string[] | undefined;
}

/** What the checks read of one section entry, as the content layer stores it. */
export interface SectionRecord {
  /** Entry id: `<lang>/<file name>`, e.g. `zh/<slug>`. */
  id: string;
  /** Path of the source file relative to the project root, for messages. */
  filePath: string;
  data: {
    slug: string;
    order: number;
    title: string;
    summary: string;
    stats: readonly Stat[];
    charts: readonly ChartSpec[];
    photos: readonly Photo[];
    numberExceptions: readonly string[];
  };
  /** Raw MDX body. */
  body: string;
}

/** What the checks read of the report's cover entry in one language. */
export interface ReportRecord {
  /** Entry id: the language, `zh` or `en`. */
  id: string;
  filePath: string;
  data: Record<string, unknown> & {
    id: string;
    title: string;
    subtitle: string;
    summary: string;
    year: number;
    photos: readonly Photo[];
    numberExceptions: readonly string[];
  };
  body: string;
}

const LANG_NAMES: Record<Lang, string> = { zh: 'Chinese', en: 'English' };

function langOf(record: { id: string }): string {
  return record.id.split('/')[0] ?? '';
}

function checkUnique(records: SectionRecord[], field: 'slug' | 'order', problems: string[]) {
  const seen = new Map<string, SectionRecord>();
  for (const record of records) {
    const key = `${langOf(record)}:${record.data[field]}`;
    const first = seen.get(key);
    if (first) {
      problems.push(
        `${record.filePath} → ${field}: ${JSON.stringify(record.data[field])} is also the ${field} of ${first.filePath}`,
      );
    } else seen.set(key, record);
  }
}

/** Stat and chart ids are anchors on the full report, so they must be unique across sections. */
function checkUniqueAnchors(records: SectionRecord[], problems: string[]) {
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
}

/** Numbers that may be written in a field of an entry: its stats, its body, and the report's year. */
function allowedNumbers(lang: Lang, body: string, exceptions: readonly string[], extra: number[]) {
  return new Set([...numbersIn(body, lang, exceptions), ...extra]);
}

function checkFieldNumbers(
  where: string,
  fields: Array<[field: string, text: string]>,
  lang: Lang,
  allowed: Set<number>,
  exceptions: readonly string[],
  problems: string[],
) {
  for (const [field, text] of fields) {
    const stray = numbersIn(text, lang, exceptions).filter((value) => !allowed.has(value));
    if (stray.length > 0) {
      problems.push(
        `${where} ${field}: ${stray.join(', ')} is neither a stat of this section nor in its body (${JSON.stringify(text)})`,
      );
    }
  }
}

/** The text of an entry where a declared exception may stand: its body and its other fields. */
function fileText(record: { body: string; data: Record<string, unknown> }): string {
  return `${record.body}\n${JSON.stringify({ ...record.data, numberExceptions: [] })}`;
}

function checkExceptionsStand(
  where: string,
  record: { data: { numberExceptions: readonly string[] } },
  text: string,
  problems: string[],
) {
  record.data.numberExceptions.forEach((phrase, index) => {
    if (!text.includes(phrase)) {
      problems.push(`${where} numberExceptions[${index}]: "${phrase}" does not appear in this file`);
    }
  });
}

function checkSection(record: SectionRecord, lang: Lang, problems: string[]) {
  const where = `${record.filePath} →`;
  const { stats, charts, photos, numberExceptions: exceptions } = record.data;
  const bodyNumbers = numbersIn(record.body, lang, exceptions);
  const lowerBody = record.body.toLowerCase();

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
  checkFieldNumbers(
    where,
    [
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
    ],
    lang,
    allowed,
    exceptions,
    problems,
  );
  checkExceptionsStand(where, record, fileText(record), problems);
}

interface Numbered {
  filePath: string;
  body: string;
  data: { summary: string; numberExceptions: readonly string[] };
}

/** A translated text's numbers where they differ from its original's (repeats counted), else undefined. */
function numberMismatch(
  originalText: string,
  translatedText: string,
  [original, translation]: [Numbered, Numbered],
  [originalLang, translatedLang]: [Lang, Lang],
): { actual: number[]; expected: number[] } | undefined {
  const expected = numbersIn(originalText, originalLang, original.data.numberExceptions);
  const actual = numbersIn(translatedText, translatedLang, translation.data.numberExceptions);
  const [extra, missing] = numberDifference(actual, expected);
  return extra.length > 0 || missing.length > 0 ? { actual, expected } : undefined;
}

/**
 * The numbers of each paragraph, and of the summary, agree between the original and the
 * translation. A summary is what search results and share previews quote (description,
 * og:description, JSON-LD), so it states the same numbers whatever else its section states.
 */
function checkTranslatedNumbers(original: Numbered, translation: Numbered, problems: string[]) {
  const pair: [Numbered, Numbered] = [original, translation];
  const languages: [Lang, Lang] = ['zh', 'en'];
  const summary = numberMismatch(original.data.summary, translation.data.summary, pair, languages);
  if (summary) {
    problems.push(
      `${translation.filePath} → summary: numbers [${summary.actual.join(', ')}] differ from [${summary.expected.join(', ')}] in the summary of ${original.filePath}`,
    );
  }
  const originalBlocks = bodyBlocks(original.body);
  const translatedBlocks = bodyBlocks(translation.body);
  const where = `${translation.filePath} → body`;
  if (originalBlocks.length !== translatedBlocks.length) {
    problems.push(
      `${where}: has ${translatedBlocks.length} paragraphs and list items, but ${original.filePath} has ${originalBlocks.length}`,
    );
    return;
  }
  originalBlocks.forEach((block, index) => {
    const mismatch = numberMismatch(block, translatedBlocks[index]!, pair, languages);
    if (mismatch) {
      problems.push(
        `${where}, paragraph ${index + 1}: numbers [${mismatch.actual.join(', ')}] differ from [${mismatch.expected.join(', ')}] in ${original.filePath}` +
          ' (declare a numeral that is part of a name in numberExceptions)',
      );
    }
  });
}

/** Photos are the same files under the same ids in every language; only words are translated. */
function checkSamePhotos(
  original: { filePath: string; data: { photos: readonly Photo[] } },
  translation: { filePath: string; data: { photos: readonly Photo[] } },
  problems: string[],
) {
  const key = (photos: readonly Photo[]) => photos.map((p) => `${p.id}=${JSON.stringify(p.src)}`).join(', ');
  if (key(translation.data.photos) !== key(original.data.photos)) {
    problems.push(`${translation.filePath} → photos: ids or files differ from ${original.filePath}`);
  }
}

function checkPair(original: SectionRecord, translation: SectionRecord, problems: string[]) {
  const where = `${translation.filePath} →`;
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
      const twin = original.data.stats[index];
      if (twin && twin.value !== stat.value) {
        problems.push(
          `${where} stats[${index}].value: ${stat.value} (${stat.id}) here but ${twin.value} in ${original.filePath}`,
        );
      }
      if (twin && Boolean(twin.headline) !== Boolean(stat.headline)) {
        problems.push(`${where} stats[${index}].headline: differs from ${original.filePath}`);
      }
      if (twin && (twin.items?.length ?? 0) !== (stat.items?.length ?? 0)) {
        problems.push(
          `${where} stats[${index}].items: ${stat.items?.length ?? 0} here but ${twin.items?.length ?? 0} in ${original.filePath}`,
        );
      }
    });
  }
  const shapes = (r: SectionRecord) => r.data.charts.map(chartShape);
  const [mine, theirs] = [shapes(translation), shapes(original)];
  if (mine.length !== theirs.length) {
    problems.push(`${where} charts: ${mine.length} here but ${theirs.length} in ${original.filePath}`);
  } else {
    mine.forEach((shape, index) => {
      if (shape !== theirs[index]) {
        problems.push(
          `${where} charts[${index}]: ids, rows, states or computed shares differ from ${original.filePath} (only titles and labels are translated)`,
        );
      }
    });
  }
  checkSamePhotos(original, translation, problems);
  checkTranslatedNumbers(original, translation, problems);
}

/** Checks the sections of every language; returns one message per problem. */
export function findSectionProblems(records: SectionRecord[]): string[] {
  const problems: string[] = [];
  const valid: SectionRecord[] = [];
  // The store's order varies between runs; messages should not.
  const sorted = [...records].sort((a, b) => a.filePath.localeCompare(b.filePath));
  for (const record of sorted) {
    const lang = langOf(record);
    if (!isLang(lang)) {
      problems.push(
        `${record.filePath}: lives in "${lang}/", but sections must be in one of ${LANGS.join(', ')}/`,
      );
      continue;
    }
    valid.push(record);
    checkSection(record, lang, problems);
  }
  checkUnique(valid, 'slug', problems);
  checkUnique(valid, 'order', problems);
  if (problems.some((problem) => problem.includes('→ slug:'))) {
    // Pairing languages by slug would only repeat the duplicate as a dozen confusing messages.
    return problems;
  }
  checkUniqueAnchors(valid, problems);

  const bySlug = new Map<string, Partial<Record<Lang, SectionRecord>>>();
  for (const record of valid) {
    const group = bySlug.get(record.data.slug) ?? {};
    group[langOf(record) as Lang] = record;
    bySlug.set(record.data.slug, group);
  }
  for (const [slug, group] of bySlug) {
    const present = LANGS.find((lang) => group[lang]);
    for (const lang of LANGS) {
      const other = present && group[present];
      if (!group[lang] && other) {
        problems.push(
          `${other.filePath} → slug: "${slug}" has no ${LANG_NAMES[lang]} counterpart (expected a file in ${lang}/ with slug "${slug}")`,
        );
      }
    }
    if (group.zh && group.en) checkPair(group.zh, group.en, problems);
  }
  return problems;
}

/** Fields of the report that do not depend on the language. */
const NEUTRAL_REPORT_FIELDS = ['id', 'year', 'published', 'icp', 'publicSecurity', 'siteCode'] as const;

/** Checks the report's cover in every language: present once each, neutral fields agreeing, numbers stated. */
export function findReportProblems(records: ReportRecord[]): string[] {
  const problems: string[] = [];
  const folder = records[0]?.filePath.replace(/\/[^/]+$/, '') ?? 'content/report';
  for (const lang of LANGS) {
    if (!records.some((record) => record.id === lang)) {
      problems.push(`${folder}/${lang}.mdx: missing — the report cover has no entry in ${LANG_NAMES[lang]}`);
    }
  }
  for (const record of records) {
    const lang = record.id;
    if (!isLang(lang)) {
      problems.push(
        `${record.filePath}: the report cover must be one of ${LANGS.map((l) => `${l}.mdx`).join(', ')}`,
      );
      continue;
    }
    const where = `${record.filePath} →`;
    const { data } = record;
    const titled = [data.title, data.subtitle].join('\n');
    const allowed = allowedNumbers(lang, `${record.body}\n${titled}`, data.numberExceptions, [data.year]);
    checkFieldNumbers(
      where,
      [
        ['summary', data.summary],
        ...data.photos.flatMap((photo, i): Array<[string, string]> => [
          [`photos[${i}].caption`, photo.caption],
          [`photos[${i}].alt`, photo.alt],
        ]),
      ],
      lang,
      allowed,
      data.numberExceptions,
      problems,
    );
    checkExceptionsStand(where, record, fileText(record), problems);
  }
  const original = records.find((record) => record.id === 'zh');
  const translation = records.find((record) => record.id === 'en');
  if (original && translation) {
    for (const field of NEUTRAL_REPORT_FIELDS) {
      const [mine, theirs] = [translation.data[field], original.data[field]].map((v) => JSON.stringify(v));
      if (mine !== theirs) {
        problems.push(
          `${translation.filePath} → ${field}: ${mine ?? 'missing'} here but ${theirs ?? 'missing'} in ${original.filePath}`,
        );
      }
    }
    const urls = (r: ReportRecord) =>
      JSON.stringify(((r.data['editions'] ?? []) as Array<{ url: string }>).map((e) => e.url));
    if (urls(translation) !== urls(original)) {
      problems.push(
        `${translation.filePath} → editions: the linked editions differ from ${original.filePath}`,
      );
    }
    checkSamePhotos(original, translation, problems);
    checkTranslatedNumbers(original, translation, problems);
  }
  return problems;
}
