/*
 * Everything that must hold across the content files and that a per-file schema cannot see,
 * by kind: the rules of a section (section-rules.ts), of the report's cover (report-rules.ts),
 * and of a language pair (pair-rules.ts), which meet here. content.config.ts runs them as the
 * content loads; src/data/report.ts again in `astro dev`, after every edit.
 */
import { isLang, LANGS } from '../i18n';
import { langOf, type ReportRecord, type SectionRecord } from './entries';
import { groupByLanguage, LANG_NAMES } from './pairing';
import { reportPairProblems, sectionPairProblems } from './pair-rules';
import { reportProblems } from './report-rules';
import { sectionProblems, uniqueAnchorProblems, uniqueFieldProblems } from './section-rules';

export type { ReportRecord, SectionRecord };

/** Checks the sections of every language; returns one message per problem. */
export function findSectionProblems(records: readonly SectionRecord[]): string[] {
  const problems: string[] = [];
  // The store's order varies between runs; messages should not.
  const sorted = [...records].sort((a, b) => a.filePath.localeCompare(b.filePath));
  const valid = sorted.filter((record) => {
    const lang = langOf(record);
    if (isLang(lang)) problems.push(...sectionProblems(record, lang));
    else
      problems.push(
        `${record.filePath}: lives in "${lang}/", but sections must be in one of ${LANGS.join(', ')}/`,
      );
    return isLang(lang);
  });
  const duplicateSlugs = uniqueFieldProblems(valid, 'slug');
  problems.push(...duplicateSlugs, ...uniqueFieldProblems(valid, 'order'));
  // Pairing languages by slug would only repeat the duplicate as a dozen confusing messages.
  if (duplicateSlugs.length > 0) return problems;
  problems.push(...uniqueAnchorProblems(valid));

  for (const { key: slug, byLang, missing, pairs } of groupByLanguage(valid, (r) => r.data.slug)) {
    const present = LANGS.map((lang) => byLang[lang]).find(Boolean)!;
    for (const lang of missing) {
      problems.push(
        `${present.filePath} → slug: "${slug}" has no ${LANG_NAMES[lang]} counterpart (expected a file in ${lang}/ with slug "${slug}")`,
      );
    }
    for (const [original, translation] of pairs) problems.push(...sectionPairProblems(original, translation));
  }
  return problems;
}

/** Checks the report's cover in every language: present once each, neutral fields agreeing, numbers stated. */
export function findReportProblems(records: readonly ReportRecord[]): string[] {
  const problems: string[] = [];
  const folder = records[0]?.filePath.replace(/\/[^/]+$/, '') ?? 'content/report';
  const [cover] = groupByLanguage(records, () => 'cover');
  for (const lang of cover?.missing ?? LANGS) {
    problems.push(`${folder}/${lang}.mdx: missing — the report cover has no entry in ${LANG_NAMES[lang]}`);
  }
  for (const record of records) {
    if (isLang(record.id)) problems.push(...reportProblems(record, record.id));
    else
      problems.push(
        `${record.filePath}: the report cover must be one of ${LANGS.map((l) => `${l}.mdx`).join(', ')}`,
      );
  }
  for (const [original, translation] of cover?.pairs ?? [])
    problems.push(...reportPairProblems(original, translation));
  return problems;
}
