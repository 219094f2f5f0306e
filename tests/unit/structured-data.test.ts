import { describe, expect, it } from 'vitest';
import { reportJsonLd, type ReportFacts } from '../../src/lib/structured-data';

const report: ReportFacts = {
  language: 'en',
  reportTitle: 'Report',
  reportUrl: 'https://example.org/en/full-report/',
  publisher: 'Committee',
  year: 2023,
  description: 'About the report.',
};

describe('reportJsonLd', () => {
  it('describes the report with its publisher and the year it covers, and no invented dates', () => {
    const data = reportJsonLd(report, {
      url: 'https://example.org/en/',
      title: 'Report',
      description: 'x',
      isReport: true,
    });
    expect(data).toMatchObject({
      '@type': 'Report',
      inLanguage: 'en',
      temporalCoverage: '2023',
      publisher: { '@type': 'GovernmentOrganization', name: 'Committee' },
    });
    expect(JSON.stringify(data)).not.toMatch(/date(Published|Created|Modified)/);
  });

  it('describes a section as part of the report', () => {
    const data = reportJsonLd(report, {
      url: 'https://example.org/en/proposals/',
      title: 'Proposals',
      description: 'x',
      isReport: false,
    });
    expect(data).toMatchObject({ '@type': 'WebPage', name: 'Proposals', isPartOf: { '@type': 'Report' } });
  });
});
