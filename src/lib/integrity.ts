import { valueSpellings } from './format';
import { isLang, LANGS, type Lang } from './i18n';

/** What the integrity check reads of one section entry, as the content layer stores it. */
export interface SectionRecord {
  /** Entry id: `<lang>/<file name>`, e.g. `zh/proposals`. */
  id: string;
  /** Path of the source file relative to the project root, for messages. */
  filePath: string;
  data: {
    slug: string;
    order: number;
    stats: ReadonlyArray<{ id: string; value: number; headline?: boolean; items?: readonly string[] }>;
    photos: ReadonlyArray<{ id: string; src: unknown }>;
  };
  /** Raw MDX body. */
  body: string;
}

const LANG_NAMES: Record<Lang, string> = { zh: 'Chinese', en: 'English' };

function langOf(record: SectionRecord): string {
  return record.id.split('/')[0] ?? '';
}

function appearsIn(body: string, spelling: string): boolean {
  const escaped = spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A figure must stand as a whole number: "4" does not count inside "404" or "1,255".
  return new RegExp(`(?<![\\d.,])${escaped}(?![\\d]|[.,]\\d)`).test(body);
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

function checkStatsInBody(record: SectionRecord, lang: Lang, problems: string[]) {
  const body = record.body.toLowerCase();
  record.data.stats.forEach((stat, index) => {
    const where = `${record.filePath} → stats[${index}]`;
    if (!valueSpellings(stat.value, lang).some((spelling) => appearsIn(record.body, spelling))) {
      problems.push(`${where}.value: ${stat.value} (${stat.id}) does not appear in the body text`);
    }
    if (!stat.items) return;
    if (stat.items.length !== stat.value) {
      problems.push(`${where}.items: lists ${stat.items.length} but the value counts ${stat.value}`);
    }
    stat.items.forEach((item, itemIndex) => {
      if (!body.includes(item.toLowerCase())) {
        problems.push(`${where}.items[${itemIndex}]: "${item}" does not appear in the body text`);
      }
    });
  });
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
    });
  }
  const photos = (r: SectionRecord) =>
    r.data.photos.map((p) => `${p.id}=${JSON.stringify(p.src)}`).join(', ');
  if (photos(translation) !== photos(original)) {
    problems.push(`${where} photos: ids or files differ from ${original.filePath}`);
  }
}

/**
 * Everything that must hold across section files and that a per-file schema cannot see.
 * Returns one message per problem, each naming the file and the field.
 */
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
    checkStatsInBody(record, lang, problems);
  }
  checkUnique(valid, 'slug', problems);
  checkUnique(valid, 'order', problems);
  if (problems.some((problem) => problem.includes('→ slug:'))) {
    // Pairing languages by slug would only repeat the duplicate as a dozen confusing messages.
    return problems;
  }

  const bySlug = new Map<string, Partial<Record<Lang, SectionRecord>>>();
  for (const record of valid) {
    const lang = langOf(record) as Lang;
    const group = bySlug.get(record.data.slug) ?? {};
    group[lang] = record;
    bySlug.set(record.data.slug, group);
  }
  for (const [slug, group] of bySlug) {
    const present = LANGS.filter((lang) => group[lang]);
    for (const lang of LANGS) {
      const other = present[0] ? group[present[0]] : undefined;
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

/** Single-entry collections (the report's cover) need each language exactly once. */
export function findMissingLanguages(ids: string[], collection: string, folder: string): string[] {
  return LANGS.filter((lang) => !ids.includes(lang)).map(
    (lang) => `${folder}/${lang}.mdx: missing — the ${collection} has no entry in ${LANG_NAMES[lang]}`,
  );
}
