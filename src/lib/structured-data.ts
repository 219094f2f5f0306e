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

/** The page being described: the report itself, or one of its sections. */
export interface PageFacts {
  url: string;
  title: string;
  description: string;
  isReport: boolean;
}

/**
 * JSON-LD for a page: the report as a schema.org Report, or a section as a WebPage that is
 * part of it. Only facts the content states: no publication date is invented.
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
  if (page.isReport) return { '@context': 'https://schema.org', ...reportNode, url: page.url };
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
