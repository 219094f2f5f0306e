import type { APIRoute, GetStaticPaths } from 'astro';
import { t } from '../../i18n';
import { getReportCover } from '../../data/report';
import { LANGS, type Lang } from '../../lib/i18n';
import { printPageCss } from '../../lib/print-css';

// Margin boxes cannot read the page's text, so each language gets its own @page rules.
export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = params['lang'] as Lang;
  const cover = await getReportCover(lang);
  const css = printPageCss({
    runningHead: cover.data.shortTitle,
    pageNumberTemplate: t(lang, 'printPageNumber'),
    // The page context inherits from the root, where print sets the web fonts (global.css).
    fontFamily: 'var(--sans)',
  });
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
