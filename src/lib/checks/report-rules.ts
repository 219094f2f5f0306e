import type { Lang } from '../i18n';
import type { ReportRecord } from './entries';
import { allowedNumbers, exceptionProblems, strayNumberProblems } from './stated-numbers';

/** The report's cover in one language: its summary, captions and alt texts state only its own numbers. */
export function reportProblems(record: ReportRecord, lang: Lang): string[] {
  const where = `${record.filePath} →`;
  const { data } = record;
  const titled = [data.title, data.subtitle].join('\n');
  const allowed = allowedNumbers(lang, `${record.body}\n${titled}`, data.numberExceptions, [data.year]);
  const fields: Array<[string, string]> = [
    ['summary', data.summary],
    ...data.photos.flatMap((photo, i): Array<[string, string]> => [
      [`photos[${i}].caption`, photo.caption],
      [`photos[${i}].alt`, photo.alt],
    ]),
  ];
  return [
    ...strayNumberProblems(where, fields, lang, allowed, data.numberExceptions),
    ...exceptionProblems(where, record),
  ];
}
