import { describe, expect, it } from 'vitest';
import { sitemapXml } from '../../src/lib/sitemap';

describe('sitemapXml', () => {
  it('lists each page with its language alternates, escaped', () => {
    const xml = sitemapXml([
      {
        loc: 'https://example.org/a/?x=1&y=2',
        alternates: [
          { hreflang: 'zh-CN', href: 'https://example.org/a/' },
          { hreflang: 'en', href: 'https://example.org/en/a/' },
        ],
      },
    ]);
    expect(xml).toContain('<loc>https://example.org/a/?x=1&amp;y=2</loc>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/a/"/>');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"/,
    );
  });
});
