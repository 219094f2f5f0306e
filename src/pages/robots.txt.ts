import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/i18n';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl(site, import.meta.env.BASE_URL, '/sitemap.xml');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
