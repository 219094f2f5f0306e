import type { APIRoute } from 'astro';
import { getSections } from '../data/report';
import { absoluteUrl, counterpartPath, DEFAULT_LANG, LANG_TAG, LANGS, localizedPath } from '../lib/i18n';
import { sitemapXml } from '../lib/sitemap';

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string) => absoluteUrl(site, import.meta.env.BASE_URL, path);
  const sections = await getSections(DEFAULT_LANG);
  const neutralPaths = ['/', '/full-report/', ...sections.map((s) => `/${s.data.slug}/`)];
  const entries = LANGS.flatMap((lang) =>
    neutralPaths.map((path) => ({
      loc: absolute(localizedPath(lang, path)),
      alternates: [
        ...LANGS.map((l) => ({ hreflang: LANG_TAG[l], href: absolute(counterpartPath(path, l)) })),
        { hreflang: 'x-default', href: absolute(counterpartPath(path, DEFAULT_LANG)) },
      ],
    })),
  );
  return new Response(sitemapXml(entries), { headers: { 'Content-Type': 'application/xml' } });
};
