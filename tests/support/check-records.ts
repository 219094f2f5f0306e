import type { ReportRecord, SectionRecord } from '../../src/lib/checks';

/** A section entry as the content checks read it: one figure, no photos, unless `data` says so. */
export function sectionRecord(
  lang: string,
  body: string,
  data: Partial<SectionRecord['data']> = {},
): SectionRecord {
  return {
    id: `${lang}/a`,
    filePath: `content/sections/${lang}/a.mdx`,
    data: {
      slug: 'a',
      order: 1,
      title: 'T',
      summary: 'S',
      stats: [{ id: 'groups', value: 4, unit: lang === 'zh' ? '个' : 'groups', label: 'L' }],
      charts: [],
      photos: [],
      numberExceptions: [],
      ...data,
    },
    body,
  };
}

/** The report's cover as the content checks read it, in one language. */
export function reportRecord(
  lang: string,
  body: string,
  data: Partial<ReportRecord['data']> = {},
): ReportRecord {
  return {
    id: lang,
    filePath: `content/report/${lang}.mdx`,
    data: {
      id: 'r',
      title: 'T',
      subtitle: 'S',
      summary: 'S',
      year: 2000,
      photos: [],
      numberExceptions: [],
      ...data,
    },
    body,
  };
}
