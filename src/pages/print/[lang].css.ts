import type { APIRoute, GetStaticPaths } from 'astro';
import { t } from '../../i18n';
import { absolutePageUrl, getReportCover, getSections } from '../../data/report';
import { LANGS, type Lang } from '../../lib/i18n';
import { printPageCss } from '../../lib/print-css';

// Margin boxes cannot read the page's text, so each language gets its own @page rules, with
// the canonical URL of each of its pages (the page names itself with data-print-page).
export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = params['lang'] as Lang;
  const cover = await getReportCover(lang);
  const sections = await getSections(lang);
  const css = printPageCss({
    runningHead: cover.data.shortTitle,
    pageNumberTemplate: t(lang, 'printPageNumber'),
    // The page context inherits from the root, where print sets the web fonts (src/styles/print.css).
    fontFamily: 'var(--sans)',
    pages: [
      { key: 'home', url: absolutePageUrl(lang) },
      { key: 'full-report', url: absolutePageUrl(lang, 'full-report/') },
      ...sections.map(({ data }) => ({ key: data.slug, url: absolutePageUrl(lang, `${data.slug}/`) })),
    ],
  });
  return new Response(css, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
};
