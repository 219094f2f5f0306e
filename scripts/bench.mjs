// Measures what a reader pays, against the budgets (issue "quality gates"), and prints figures:
//   build time cold (no image cache) and warm; per page, the bytes a 390 px phone fetches on
//   first load, compressed as a host would send them, by kind, and the same measured through
//   nginx with deploy/nginx.conf (real transfer sizes); image bytes in dist/; the PDFs;
//   Lighthouse mobile scores for three pages.
// Usage: npm run bench   (builds into .bench/dist, leaves dist/ alone)
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumLaunchOptions, CHROMIUM_ARGS, findBrowser } from './browser.mjs';
import { startNginx } from './serve-nginx.mjs';
import { startStaticServer } from './static-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, '.bench/dist');
const CACHE = join(ROOT, '.bench/cache');
const PORT = 4330;
const SITE = `http://localhost:${PORT}`;
const KB = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const BUDGET = {
  firstLoad: 300 * 1024,
  withoutImages: 100 * 1024,
  js: 10 * 1024,
  performance: 98,
  other: 100,
};
const verdict = (ok) => (ok ? 'met' : 'MISSED');
const RUNS = 3;

function build() {
  const started = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      OUT_DIR: OUT,
      ASTRO_CACHE_DIR: CACHE,
      SITE_URL: SITE,
    },
  });
  return (performance.now() - started) / 1000;
}

function kindOf(contentType = '') {
  if (contentType.includes('html')) return 'html';
  if (contentType.includes('css')) return 'css';
  if (contentType.includes('javascript')) return 'js';
  if (contentType.includes('font')) return 'fonts';
  if (contentType.startsWith('image/')) return 'images';
  return 'other';
}

const compressible = (kind) => ['html', 'css', 'js', 'other'].includes(kind);
const transferSize = (body, kind) =>
  compressible(kind)
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
    : body.length;

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const KINDS = ['html', 'css', 'js', 'fonts', 'images', 'total'];

function printRows(rows) {
  console.log('page'.padEnd(28) + KINDS.map((h) => h.padStart(10)).join(''));
  for (const row of rows)
    console.log(row.path.padEnd(28) + KINDS.map((k) => KB(row[k]).padStart(10)).join(''));
}

async function firstLoads(paths) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const context = await browser.newContext(PHONE);
  const rows = [];
  for (const path of paths) {
    const page = await context.newPage();
    const sizes = { html: 0, css: 0, js: 0, fonts: 0, images: 0, other: 0 };
    const pending = [];
    page.on('response', (response) => {
      pending.push(
        response.body().then(
          (body) => {
            const kind = kindOf(response.headers()['content-type']);
            sizes[kind] += transferSize(body, kind);
          },
          () => undefined,
        ),
      );
    });
    await page.goto(`${SITE}${path}`, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    rows.push({ path, ...sizes, total });
    await page.close();
  }
  await browser.close();
  return rows;
}

/**
 * The same first loads, served by nginx with the shipped configuration: each page in a fresh
 * browser (empty cache), counting the bytes on the wire as Chromium reports them (compressed
 * body, plus response headers in their own column), and the encodings nginx chose.
 */
async function firstLoadsThroughNginx(paths) {
  const nginx = await startNginx({ dir: OUT });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const rows = [];
  const encodings = new Set();
  let headerSet;
  try {
    for (const path of paths) {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      const sizes = { html: 0, css: 0, js: 0, fonts: 0, images: 0, other: 0, headers: 0 };
      const pending = [];
      page.on('requestfinished', (request) => {
        pending.push(
          (async () => {
            const response = await request.response();
            if (!response) return;
            const headers = response.headers();
            const { responseBodySize, responseHeadersSize } = await request.sizes();
            sizes[kindOf(headers['content-type'])] += responseBodySize;
            sizes.headers += responseHeadersSize;
            if (headers['content-encoding']) encodings.add(headers['content-encoding']);
            if (request.resourceType() === 'document') headerSet ??= headers;
          })(),
        );
      });
      await page.goto(`${nginx.origin}${path}`, { waitUntil: 'networkidle' });
      await Promise.all(pending);
      const total = Object.entries(sizes).reduce((sum, [kind, n]) => (kind === 'headers' ? sum : sum + n), 0);
      rows.push({ path, ...sizes, total });
      await context.close();
    }
  } finally {
    await browser.close();
    await nginx.close();
  }
  return { rows, encodings: [...encodings], brotli: nginx.brotli, headerSet };
}

async function lighthouseScores(paths) {
  const chrome = await chromeLauncher.launch({
    chromePath: findBrowser(),
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const results = [];
  try {
    for (const path of paths) {
      // Lighthouse varies from run to run; as its docs advise, report the median of several.
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        const { lhr } = await lighthouse(`${SITE}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        runs.push({
          path,
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
          lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
        });
      }
      runs.sort((a, b) => a.performance - b.performance || b.cls - a.cls);
      const median = runs[Math.floor(runs.length / 2)];
      results.push({ ...median, range: runs.map((r) => `${r.performance}/${r.cls.toFixed(3)}`).join(' ') });
    }
  } finally {
    chrome.kill();
  }
  return results;
}

rmSync(join(ROOT, '.bench'), { recursive: true, force: true });
const cold = build();
const warm = build();
console.log(`\nBuild time (includes the two PDFs): cold ${cold.toFixed(1)} s, warm ${warm.toFixed(1)} s`);

const server = await startStaticServer({ dir: OUT, port: PORT });
const pages = [
  '/',
  '/full-report/',
  '/political-guidance/',
  '/democratic-oversight/',
  '/deliberation/',
  '/consensus/',
  '/proposals/',
];
const paths = [...pages, ...pages.map((p) => `/en${p}`), '/404.html'];
const rows = await firstLoads(paths);
console.log('\nFirst load on a 390 px phone (DPR 3), brotli-compressed where a host would compress:');
printRows(rows);
const heaviest = rows.reduce((a, b) => (b.total > a.total ? b : a));
const heaviestNoImages = Math.max(...rows.map((r) => r.total - r.images));
const maxJs = Math.max(...rows.map((r) => r.js));

const viaNginx = await firstLoadsThroughNginx(paths);
console.log(
  '\nFirst load through nginx (deploy/nginx.conf; bytes on the wire, encodings ' +
    `${viaNginx.encodings.join(', ') || 'none'}${viaNginx.brotli ? '' : '; no brotli module'}), ` +
    'each page with an empty cache; response headers apart:',
);
printRows(viaNginx.rows);
const headersTotal = Math.max(...viaNginx.rows.map((r) => r.headers));
console.log(`(response headers: up to ${KB(headersTotal)} a page)`);
console.log('\nHeaders nginx sends with a page:');
for (const [name, value] of Object.entries(viaNginx.headerSet ?? {}).sort())
  if (!['date', 'content-length', 'etag', 'last-modified'].includes(name)) console.log(`  ${name}: ${value}`);

const imageBytes = execFileSync(
  'find',
  [
    OUT,
    '-type',
    'f',
    '(',
    '-name',
    '*.avif',
    '-o',
    '-name',
    '*.webp',
    '-o',
    '-name',
    '*.jpg',
    '-o',
    '-name',
    '*.png',
    ')',
    '-printf',
    '%s\\n',
  ],
  { encoding: 'utf8' },
)
  .split('\n')
  .filter(Boolean)
  .reduce((a, b) => a + Number(b), 0);
console.log(`\nImages in dist/: ${(imageBytes / 1_000_000).toFixed(2)} MB`);
for (const lang of ['zh', 'en']) {
  const pdf = readdirSync(join(OUT, 'downloads')).find((name) => name.endsWith(`-${lang}.pdf`));
  const file = join(OUT, 'downloads', pdf);
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
  console.log(`PDF ${lang}: ${(statSync(file).size / 1_000_000).toFixed(2)} MB, ${pages} pages`);
}

// Lighthouse through nginx, as readers get the site: compressed, with its caching headers.
await server.close();
const host = await startNginx({ dir: OUT, port: PORT });
const scores = await lighthouseScores(['/', '/democratic-oversight/', '/full-report/']);
await host.close();
console.log(
  `\nLighthouse (mobile, through nginx), median of ${RUNS} runs (all runs as performance/CLS in brackets):`,
);
for (const s of scores) {
  console.log(
    `${s.path.padEnd(24)} performance ${s.performance}  accessibility ${s.accessibility}  best practices ${s.bestPractices}  SEO ${s.seo}  CLS ${s.cls.toFixed(3)}  LCP ${(s.lcp / 1000).toFixed(2)} s  [${s.range}]`,
  );
}

console.log('\nBudgets:');
console.log(
  `  heaviest first load ≤ 300 KB: ${KB(heaviest.total)} (${heaviest.path}) — ${verdict(heaviest.total <= BUDGET.firstLoad)}`,
);
console.log(
  `  heaviest first load without images ≤ 100 KB: ${KB(heaviestNoImages)} — ${verdict(heaviestNoImages <= BUDGET.withoutImages)}`,
);
console.log(`  JavaScript on any page ≤ 10 KB: ${KB(maxJs)} — ${verdict(maxJs <= BUDGET.js)}`);
const viaNginxHeaviest = viaNginx.rows.reduce((a, b) => (b.total > a.total ? b : a));
const viaNginxNoImages = Math.max(...viaNginx.rows.map((r) => r.total - r.images));
console.log(
  `  through nginx, heaviest first load ≤ 300 KB: ${KB(viaNginxHeaviest.total)} (${viaNginxHeaviest.path}) — ` +
    `${verdict(viaNginxHeaviest.total <= BUDGET.firstLoad)}; without images ≤ 100 KB: ${KB(viaNginxNoImages)} — ` +
    verdict(viaNginxNoImages <= BUDGET.withoutImages),
);
const minPerf = Math.min(...scores.map((s) => s.performance));
const others = scores.every((s) => s.accessibility === 100 && s.bestPractices === 100 && s.seo === 100);
const maxCls = Math.max(...scores.map((s) => s.cls));
console.log(`  Lighthouse performance ≥ 98: lowest ${minPerf} — ${verdict(minPerf >= BUDGET.performance)}`);
console.log(`  Lighthouse accessibility, best practices, SEO = 100: ${verdict(others)}`);
console.log(`  CLS = 0: highest ${maxCls.toFixed(3)} — ${verdict(maxCls === 0)}`);
