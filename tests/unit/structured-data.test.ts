import { describe, expect, it } from 'vitest';
import { figuresDataset, reportJsonLd, type ReportFacts } from '../../src/lib/structured-data';

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

  it('describes the figures as a Dataset with its files, where the page offers them', () => {
    const dataset = figuresDataset('en', 'The Report', (path) => `https://example.org/${path}`);
    const data = reportJsonLd(report, {
      url: 'https://example.org/en/full-report/',
      title: 'Full report',
      description: 'x',
      isReport: true,
      dataset,
    });
    expect(data).toMatchObject({
      '@type': 'Report',
      hasPart: {
        '@type': 'Dataset',
        name: expect.stringContaining('The Report'),
        inLanguage: 'en',
        isBasedOn: 'https://example.org/en/full-report/#report',
        distribution: [
          {
            '@type': 'DataDownload',
            encodingFormat: 'text/csv',
            contentUrl: 'https://example.org/data/en/figures.csv',
          },
          {
            '@type': 'DataDownload',
            encodingFormat: 'application/json',
            contentUrl: 'https://example.org/data/en/figures.json',
          },
        ],
      },
    });
    // Search engines ask for a description of 50 characters or more.
    expect((data['hasPart'] as { description: string }).description.length).toBeGreaterThanOrEqual(50);
    expect(figuresDataset('zh', '报告', (p) => p).description.length).toBeGreaterThanOrEqual(50);
    expect(JSON.stringify(data)).not.toMatch(/license|date(Published|Created|Modified)/);
  });
});
