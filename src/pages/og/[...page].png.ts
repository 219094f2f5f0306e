import type { APIRoute, GetStaticPaths } from 'astro';
import { getReportCover, getSections } from '../../data/report';
import { t } from '../../i18n';
import { formatPartNumber } from '../../lib/format';
import { LANGS } from '../../lib/i18n';
import { renderOgPng, type OgCardModel } from '../../lib/og-card';
import { ogImagePath, type OgPageKey } from '../../lib/og-paths';
import { previewStat } from '../../lib/preview';

// One share preview per page and language (14 PNGs), at the paths ogImagePath names.
export const getStaticPaths = (async () => {
  const paths = await Promise.all(
    LANGS.map(async (lang) => {
      const cover = (await getReportCover(lang)).data;
      const sections = await getSections(lang);
      const statsBySlug = sections.map((s) => ({ slug: s.data.slug, stats: s.data.stats }));
      const common = { lang, committee: cover.publisher };
      // The cover title's two parallel phrases get a line each, as on the site's cover.
      const coverHeading = cover.title.split(/(?<=,)\s+|\s+(?=\p{Script=Han})/u).join('\n');
      const coverCard = (pageKey: OgPageKey, tag?: string): [OgPageKey, OgCardModel] => [
        pageKey,
        {
          ...common,
          kicker: t(lang, 'footerYear', { year: cover.year }),
          heading: coverHeading,
          subheading: cover.subtitle,
          stat: previewStat(statsBySlug, pageKey),
          tag,
        },
      ];
      const cards: [OgPageKey, OgCardModel][] = [
        coverCard('home'),
        coverCard('full-report', t(lang, 'fullReport')),
        ...sections.map((section): [OgPageKey, OgCardModel] => [
          section.data.slug,
          {
            ...common,
            kicker: cover.title,
            heading: section.data.title,
            stat: previewStat(statsBySlug, section.data.slug),
            tag: t(lang, 'sectionNumber', { n: formatPartNumber(section.data.order, lang) }),
          },
        ]),
      ];
      return cards.map(([pageKey, model]) => ({
        params: {
          page: ogImagePath(lang, pageKey)
            .replace(/^\/og\//, '')
            .replace(/\.png$/, ''),
        },
        props: { model },
      }));
    }),
  );
  return paths.flat();
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ model: OgCardModel }> = async ({ props }) => {
  const png = await renderOgPng(props.model);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
