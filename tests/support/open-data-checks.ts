import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { numbersIn } from '../../src/lib/numbers';
import { projectRoot } from './astro-cli';
import { LANGUAGES, printedNumber as printed, type Edition } from './edition';

/*
 * The figures as open data, checked on a built site against the content it was built from and
 * the columns README.md documents: every file a page links to answers, every CSV starts with a
 * byte-order mark and parses, its records are the page's figures in that language with the
 * sentence that states each and the address of its place, and each JSON file holds the same.
 */

/** The columns README.md documents for the data files ("The figures as open data"), in order. */
export function documentedColumns(): string[] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.split(/^## The figures as open data$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\| `([a-z_]+)` +\|/gm)].map((m) => m[1]!);
}

/** RFC 4180: CRLF between records, quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [field, i] = [`${field}"`, i + 1];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') [row, field] = [[...row, field], ''];
    else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      [row, field, i] = [[], '', i + 1];
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

type DataRecord = Record<string, string>;
const squash = (text: string) => text.replace(/\s+/g, '');

/** Fetches a data file; a problem if it does not answer, or a CSV lacks its byte-order mark. */
async function fetchData(page: Page, url: string, problems: string[]) {
  const response = await page.request.get(url);
  if (!response.ok()) {
    problems.push(`${url}: ${response.status()}`);
    return undefined;
  }
  const bytes = await response.body();
  if (url.endsWith('.csv')) {
    if (!bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])))
      problems.push(`${url}: no byte-order mark`);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    const [header, ...body] = rows;
    return {
      header: header ?? [],
      records: body.map((r) => Object.fromEntries(r.map((v, i) => [header![i], v]))),
    };
  }
  return JSON.parse(bytes.toString('utf8')) as { figures: Array<Record<string, unknown>> };
}

/** The data links of a download paragraph, resolved against the page. */
async function links(page: Page, scope: string) {
  const hrefs = await page
    .locator(`${scope} [data-downloads]`)
    .first()
    .evaluate((p) => ({
      csv: (p.querySelector('a[type="text/csv"]') as HTMLAnchorElement | null)?.href ?? '',
      json: (p.querySelector('a[type="application/json"]') as HTMLAnchorElement | null)?.href ?? '',
    }));
  return hrefs;
}

/**
 * Problems with the open data of the site served at `root` (the home page's URL, under any
 * base path), for the given edition.
 */
export async function openDataProblems(page: Page, edition: Edition, root: string): Promise<string[]> {
  const problems: string[] = [];
  const columns = documentedColumns();
  if (columns.length < 8) problems.push(`README.md documents ${columns.length} columns`);
  await page.goto(root);
  const published = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
  const local = (url: string) => (url.startsWith(published) ? `${root}${url.slice(published.length)}` : url);

  for (const { lang } of LANGUAGES) {
    const home = new URL(lang === 'zh' ? '' : 'en/', root).href;
    const stats = edition.sections[lang].flatMap((section) =>
      section.stats.map((stat) => ({ section, stat })),
    );
    await page.goto(home);
    const editionFiles = await links(page, '#key-figures');
    const csv = await fetchData(page, editionFiles.csv, problems);
    const json = await fetchData(page, editionFiles.json, problems);
    if (!csv || !json || !('header' in csv) || 'header' in json) continue;
    if (csv.header.join() !== columns.join())
      problems.push(`${editionFiles.csv}: columns ${csv.header} not as documented`);
    const expected = stats.map(({ section, stat }) => [section.slug, stat.id, String(stat.value), stat.unit]);
    const got = csv.records.map((r: DataRecord) => [r['section'], r['stat_id'], r['value'], r['unit']]);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      problems.push(
        `${editionFiles.csv}: records ${JSON.stringify(got)} are not the content's ${JSON.stringify(expected)}`,
      );
    }
    const asJson = csv.records.map((r: DataRecord) => ({
      ...r,
      value: Number(r['value']),
      items: r['items'] ? r['items'].split('; ') : [],
    }));
    if (JSON.stringify(json.figures) !== JSON.stringify(asJson))
      problems.push(`${editionFiles.json}: not the CSV's records`);

    // Each record against its page: the figure at the address, its number, unit, name and sentence.
    for (const record of csv.records as DataRecord[]) {
      const { section, stat } = stats.find(({ stat }) => stat.id === record['stat_id']) ?? {};
      if (!section || !stat) continue;
      const at = `${lang} ${record['stat_id']}`;
      await page.goto(local(record['url']!));
      const row = page.locator(`[data-figure-row][id="${stat.id}"]`);
      if ((await row.count()) !== 1) {
        problems.push(`${at}: ${record['url']} has no figure ${stat.id}`);
        continue;
      }
      const number = (await row.locator('[data-value]').innerText()).trim();
      const text = (await row.locator('[data-figure]').innerText()).replace(/\s+/g, ' ');
      if (number !== printed(stat.value, lang)) problems.push(`${at}: the page shows ${number}`);
      if (!text.includes(record['unit']!))
        problems.push(`${at}: unit "${record['unit']}" is not in "${text}"`);
      const name = record['label']!;
      if (
        stat.tableLabel ? name !== stat.tableLabel : !name.toLowerCase().includes(stat.label.toLowerCase())
      ) {
        problems.push(`${at}: label "${name}" does not name "${stat.label}"`);
      }
      const sentence = record['source_sentence']!;
      const prose = squash((await page.locator('main .report-prose').allInnerTexts()).join(''));
      if (!sentence || !numbersIn(sentence, lang).includes(stat.value) || !prose.includes(squash(sentence))) {
        problems.push(`${at}: "${sentence}" is not a sentence of the page stating ${stat.value}`);
      }
    }

    // Each figure block's files hold that block's figures.
    for (const section of edition.sections[lang]) {
      await page.goto(new URL(`${lang === 'zh' ? '' : 'en/'}${section.slug}/`, root).href);
      for (const block of await page.locator('main .figure-block').all()) {
        const ids = await block.locator('[data-figure-row]').evaluateAll((rows) => rows.map((row) => row.id));
        const files = await block
          .locator('[data-downloads]')
          .evaluate((p) => [...p.querySelectorAll('a')].map((a) => a.href));
        if (files.length !== 2) problems.push(`${section.slug}: a block links ${files.length} data files`);
        for (const file of files) {
          const data = await fetchData(page, file, problems);
          const got =
            data && 'header' in data
              ? data.records.map((r: DataRecord) => `${r['stat_id']}=${r['value']}`)
              : (data?.figures ?? []).map((f) => `${f['stat_id']}=${f['value']}`);
          const want = ids.map((id) => `${id}=${section.stats.find((s) => s.id === id)?.value}`);
          if (got.join() !== want.join()) problems.push(`${file}: ${got} is not the block's ${want}`);
        }
      }
    }

    // The full report describes the edition's files as a Dataset.
    await page.goto(new URL(`${lang === 'zh' ? '' : 'en/'}full-report/`, root).href);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    const dataset = jsonLd.hasPart;
    if (dataset?.['@type'] !== 'Dataset') problems.push(`${lang} full report: no Dataset in its JSON-LD`);
    const files = (dataset?.distribution ?? []).map((d: { contentUrl: string; encodingFormat: string }) => [
      local(d.contentUrl),
      d.encodingFormat,
    ]);
    const want = [
      [editionFiles.csv, 'text/csv'],
      [editionFiles.json, 'application/json'],
    ];
    if (JSON.stringify(files) !== JSON.stringify(want)) {
      problems.push(`${lang} Dataset distribution ${JSON.stringify(files)}, not ${JSON.stringify(want)}`);
    }
    const reportLinks = await links(page, '#download');
    if (reportLinks.csv !== editionFiles.csv || reportLinks.json !== editionFiles.json) {
      problems.push(`${lang} full report links ${JSON.stringify(reportLinks)}, not the home page's files`);
    }
  }
  return problems;
}
