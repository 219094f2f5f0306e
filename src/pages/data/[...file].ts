import type { APIRoute, GetStaticPaths } from 'astro';
import { t } from '../../i18n';
import { absolutePageUrl, getReportCover, getSections, type Section } from '../../data/report';
import { sharePercent } from '../../lib/figures';
import { LANG_TAG, LANGS, type Lang } from '../../lib/i18n';
import { chartStatIds, DATA_COLUMNS, figureRecords, toCsv, type FigureRecord } from '../../lib/open-data';
import { blockDataFile, editionDataFile, type DataFormat } from '../../lib/site-files';

// The figures as open data, built from the same content as the pages: per language, one file
// of every figure (data/<lang>/figures.*) and one per figure block of each section (the
// files each block links to). README.md, "The figures as open data", documents the columns.

const TYPES: Record<DataFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

/** Both formats of one file: its path under the site's base, and its text in each format. */
function bothFormats(path: (format: DataFormat) => string, records: FigureRecord[], extra: object) {
  return [
    { path: path('csv'), format: 'csv' as const, body: toCsv(records) },
    {
      path: path('json'),
      format: 'json' as const,
      body: json({ ...extra, columns: DATA_COLUMNS, figures: records }),
    },
  ];
}

async function languageFiles(lang: Lang) {
  const cover = (await getReportCover(lang)).data;
  const sections = await getSections(lang);
  const report = {
    id: cover.id,
    title: cover.title,
    publisher: cover.publisher,
    year: cover.year,
    language: LANG_TAG[lang],
    url: absolutePageUrl(lang, 'full-report/'),
  };
  const recordsOf = ({ data, body }: Section, only?: Set<string>) =>
    figureRecords(
      { ...data, body: body ?? '' },
      lang,
      (id) => absolutePageUrl(lang, `${data.slug}/`, id),
      only,
    );

  const perBlock = sections.flatMap((section) => {
    const { slug, title, stats, charts } = section.data;
    const inCharts = new Set(charts.flatMap((chart) => [...chartStatIds(chart)]));
    const sectionFacts = { slug, title, url: absolutePageUrl(lang, `${slug}/`) };
    const chartFiles = charts.flatMap((chart) =>
      bothFormats(
        (format) => blockDataFile(lang, slug, chart.id, format),
        recordsOf(section, chartStatIds(chart)),
        {
          name: chart.title,
          report,
          section: sectionFacts,
          chart: {
            id: chart.id,
            title: chart.title,
            url: absolutePageUrl(lang, `${slug}/`, `chart-${chart.id}`),
            rows: chart.rows,
            states: chart.states ?? [],
            computed: (chart.computed ?? []).map((share) => {
              const value = (id: string) => stats.find((stat) => stat.id === id)?.value ?? 0;
              return { ...share, value: sharePercent(value(share.part), value(share.whole)), unit: '%' };
            }),
          },
        },
      ),
    );
    const rest = new Set(stats.map((stat) => stat.id).filter((id) => !inCharts.has(id)));
    const restFiles =
      rest.size > 0
        ? bothFormats((format) => blockDataFile(lang, slug, undefined, format), recordsOf(section, rest), {
            name: title,
            report,
            section: sectionFacts,
            chart: null,
          })
        : [];
    return [...chartFiles, ...restFiles];
  });
  const edition = bothFormats(
    (format) => editionDataFile(lang, format),
    sections.flatMap((s) => recordsOf(s)),
    {
      name: t(lang, 'dataSetName', { title: cover.title }),
      report,
    },
  );
  return [...edition, ...perBlock];
}

export const getStaticPaths = (async () => {
  const files = (await Promise.all(LANGS.map(languageFiles))).flat();
  return files.map(({ path, format, body }) => ({
    params: { file: path.replace(/^data\//, '') },
    props: { format, body },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props['body'] as string, {
    headers: { 'Content-Type': TYPES[props['format'] as DataFormat] },
  });
