import type { APIRoute } from 'astro';
import { absoluteAssetUrl } from '../data/report';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteAssetUrl(site, 'sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
