import { t } from '../i18n';
import type { Lang } from './i18n';
import { editionDataFile, type DataFormat } from './site-files';

/** What schema.org markup needs to know about the report, in one language. */
export interface ReportFacts {
  /** BCP 47 tag of the page's language. */
  language: string;
  reportTitle: string;
  reportUrl: string;
  publisher: string;
  /** The year the review covers. */
  year: number;
  /** When this edition was published, where the content says so; never invented. */
  published?: Date | undefined;
  description: string;
}

/** The report's figures as open data: the files of one language. */
export interface DatasetFacts {
  name: string;
  description: string;
  /** Absolute URLs of the files, with their media types. */
  files: Array<{ url: string; type: string }>;
}

/** The page being described: the report itself, or one of its sections. */
export interface PageFacts {
  url: string;
  title: string;
  description: string;
  isReport: boolean;
  /** The figures as data, described where the page offers them (the full report). */
  dataset?: DatasetFacts | undefined;
}

/**
 * JSON-LD for a page: the report as a schema.org Report (on the full report, with its figures
 * as a Dataset and the files to download), or a section as a WebPage that is part of it. Only
 * facts the content states: no publication date or licence is invented.
 */
export function reportJsonLd(report: ReportFacts, page: PageFacts): Record<string, unknown> {
  const reportNode = {
    '@type': 'Report',
    '@id': `${report.reportUrl}#report`,
    name: report.reportTitle,
    url: report.reportUrl,
    inLanguage: report.language,
    temporalCoverage: String(report.year),
    ...(report.published && { datePublished: report.published.toISOString().slice(0, 10) }),
    description: report.description,
    publisher: { '@type': 'GovernmentOrganization', name: report.publisher },
  };
  if (page.isReport) {
    const dataset = page.dataset && {
      '@type': 'Dataset',
      name: page.dataset.name,
      description: page.dataset.description,
      inLanguage: report.language,
      temporalCoverage: String(report.year),
      isBasedOn: `${report.reportUrl}#report`,
      creator: reportNode.publisher,
      distribution: page.dataset.files.map(({ url, type }) => ({
        '@type': 'DataDownload',
        encodingFormat: type,
        contentUrl: url,
      })),
    };
    return {
      '@context': 'https://schema.org',
      ...reportNode,
      url: page.url,
      ...(dataset && { hasPart: dataset }),
    };
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: page.title,
    url: page.url,
    description: page.description,
    inLanguage: report.language,
    isPartOf: reportNode,
    publisher: reportNode.publisher,
  };
}

const MEDIA_TYPES: Record<DataFormat, string> = { csv: 'text/csv', json: 'application/json' };

/** The edition's figures files in one language, described for JSON-LD; `absolute` makes a file's URL. */
export function figuresDataset(
  lang: Lang,
  reportTitle: string,
  absolute: (path: string) => string,
): DatasetFacts {
  return {
    name: t(lang, 'dataSetName', { title: reportTitle }),
    description: t(lang, 'dataSetDescription', { title: reportTitle }),
    files: (['csv', 'json'] as const).map((format) => ({
      url: absolute(editionDataFile(lang, format)),
      type: MEDIA_TYPES[format],
    })),
  };
}
