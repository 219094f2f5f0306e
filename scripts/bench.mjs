// Measures what a reader pays and what a build costs, against the budgets (README, "Budgets"),
// and exits with status 1 when one is broken:
//   - the build, cold (a fresh clone: no dist/, no cache) and warm, and where its time goes;
//   - every page of the built sitemap (and the 404 page) loaded through nginx with
//     deploy/nginx.conf on a 390 px phone with an empty cache, as readers get it: bytes on the
//     wire by kind, the HTML with its render-blocking CSS, the requests the first paint waits
//     for, print-only requests;
//   - the PDFs: size, pages, the fonts they embed (pdffonts);
//   - Lighthouse mobile scores for the home page, the heaviest section and the full report.
// Usage: npm run bench   (builds into .bench/dist, leaves dist/ alone)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findBrowser, launchChromium } from './browser.mjs';
import { BUDGET } from './budgets.mjs';
import { startNginx } from './serve-nginx.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, '.bench/dist');
const CACHE = join(ROOT, '.bench/cache');
const PORT = 4330;
const SITE = `http://localhost:${PORT}`;
const KB = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const RUNS = 3;

const results = [];
/** Records a budget's verdict and prints it. */
function check(label, ok, detail) {
  results.push(ok);
  console.log(`  ${label}: ${detail} — ${ok ? 'met' : 'MISSED'}`);
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/**
 * Runs `astro build` into .bench/, timing each line of its log as it arrives: the time between
 * two milestones (an integration's message, a phase's heading) is what the later one cost.
 */
function build() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        FORCE_COLOR: '0',
        OUT_DIR: OUT,
        ASTRO_CACHE_DIR: CACHE,
        SITE_URL: SITE,
      },
    });
    const phases = [];
    let last = 0;
    let buffer = '';
    let log = '';
    const milestone = (label) => {
      const now = performance.now() - started;
      phases.push([label, now - last]);
      last = now;
    };
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      log += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trim();
        if (/Building static entrypoints/.test(line)) milestone('start-up, content sync and checks, types');
        else if (/generating static routes/.test(line)) milestone('bundling (Vite)');
        else if (/generating optimized images/.test(line)) milestone('rendering the pages');
        else if (/^\S+ ✓ Completed in/.test(line) && phases.at(-1)?.[0] === 'rendering the pages')
          milestone('optimized images');
        else {
          const match = /^\S+ \[([\w@/.-]+)\] (.*)$/.exec(line);
          if (match && !['build', 'WARN', 'vite', 'content', 'types'].includes(match[1]))
            milestone(`${match[1]}: ${match[2].slice(0, 60)}`);
        }
      }
    });
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`The build failed:\n${log}`));
      milestone('finishing');
      resolve({ seconds: (performance.now() - started) / 1000, phases });
    });
  });
}

function printBuild(name, { seconds, phases }, loadBefore) {
  console.log(`\n${name} build: ${seconds.toFixed(1)} s (load average before: ${loadBefore})`);
  for (const [label, ms] of phases)
    if (ms >= 100) console.log(`  ${(ms / 1000).toFixed(1).padStart(5)} s  ${label}`);
}

/** The pages readers reach: every <loc> of the built sitemap, and the 404 page. */
function sitemapPages() {
  const index = readFileSync(join(OUT, 'sitemap-index.xml'), 'utf8');
  const locs = (xml) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]));
  const pages = locs(index).flatMap((sitemap) =>
    locs(readFileSync(join(OUT, sitemap.pathname), 'utf8')).map((url) => url.pathname),
  );
  if (pages.length === 0) throw new Error('The built sitemap lists no page');
  return [...pages, '/no-such-page/'];
}

function kindOf(contentType = '') {
  if (contentType.includes('html')) return 'html';
  if (contentType.includes('css')) return 'css';
  if (contentType.includes('javascript')) return 'js';
  if (contentType.includes('font')) return 'fonts';
  if (contentType.startsWith('image/')) return 'images';
  return 'other';
}

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/**
 * Each page in a fresh browser context (an empty cache) on a 390 px phone, not scrolled: bytes on
 * the wire (compressed bodies) by kind, and from the page's own resource timing, what the first
 * paint waited for (the document and every render-blocking resource) and what only paper needs
 * (fonts, stylesheets whose media is not the screen).
 */
async function firstLoads(origin, paths) {
  const browser = await launchChromium();
  const rows = [];
  const encodings = new Set();
  let headerSet;
  try {
    for (const path of paths) {
      const context = await browser.newContext({ ...PHONE, ignoreHTTPSErrors: true });
      const page = await context.newPage();
      const sizes = { html: 0, css: 0, js: 0, fonts: 0, images: 0, other: 0 };
      const bodyBytes = new Map();
      const pending = [];
      page.on('requestfinished', (request) => {
        pending.push(
          (async () => {
            const response = await request.response();
            if (!response) return;
            const headers = response.headers();
            const { responseBodySize } = await request.sizes();
            sizes[kindOf(headers['content-type'])] += responseBodySize;
            bodyBytes.set(request.url(), responseBodySize);
            if (headers['content-encoding']) encodings.add(headers['content-encoding']);
            if (request.resourceType() === 'document') headerSet ??= headers;
          })(),
        );
      });
      await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
      await Promise.all(pending);
      const timing = await page.evaluate(() => {
        const resources = performance.getEntriesByType('resource');
        const offScreenSheets = [...document.querySelectorAll('link[rel~="stylesheet"]')]
          .filter((link) => link.media && !matchMedia(link.media).matches)
          .map((link) => link.href);
        return {
          blocking: resources.filter((r) => r.renderBlockingStatus === 'blocking').map((r) => r.name),
          printOnly: resources
            .filter((r) => offScreenSheets.includes(r.name) || /\.(woff2?|ttf|otf)$/.test(r.name))
            .map((r) => r.name),
        };
      });
      await context.close();
      const blockingBytes = timing.blocking.reduce((sum, url) => sum + (bodyBytes.get(url) ?? 0), 0);
      const total = Object.values(sizes).reduce((a, b) => a + b, 0);
      rows.push({
        path,
        ...sizes,
        total,
        htmlAndBlocking: sizes.html + blockingBytes,
        paintRequests: 1 + timing.blocking.length,
        printOnly: timing.printOnly.length,
        printOnlyUrls: timing.printOnly,
      });
    }
  } finally {
    await browser.close();
  }
  return { rows, encodings: [...encodings], headerSet };
}

const COLUMNS = [
  ['html', 'HTML'],
  ['htmlAndBlocking', 'HTML+CSS'],
  ['paintRequests', 'to paint'],
  ['css', 'CSS'],
  ['js', 'JS'],
  ['fonts', 'fonts'],
  ['images', 'images'],
  ['total', 'total'],
  ['printOnly', 'print-only'],
];

function printRows(rows) {
  console.log('page'.padEnd(30) + COLUMNS.map(([, h]) => h.padStart(11)).join(''));
  for (const row of rows)
    console.log(
      row.path.padEnd(30) +
        COLUMNS.map(([key]) =>
          (['paintRequests', 'printOnly'].includes(key) ? String(row[key]) : KB(row[key])).padStart(11),
        ).join(''),
    );
}

async function lighthouseScores(paths) {
  const chrome = await chromeLauncher.launch({
    chromePath: findBrowser(),
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const scores = [];
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
      scores.push({ ...median, range: runs.map((r) => `${r.performance}/${r.cls.toFixed(3)}`).join(' ') });
    }
  } finally {
    chrome.kill();
  }
  return scores;
}

/** Size, pages and embedded fonts (by type, italic faces apart) of each PDF the build printed. */
function pdfFacts() {
  const dir = join(OUT, 'downloads');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pdf'))
    .map((name) => {
      const file = join(dir, name);
      const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean);
      const types = {};
      for (const font of fonts) {
        const type = /\s(Type 3|CID TrueType|TrueType|Type 1C?|CID Type 0C?)\s/.exec(font)?.[1] ?? 'other';
        types[type] = (types[type] ?? 0) + 1;
      }
      const faces = new Set(fonts.map((font) => font.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')));
      return { name, bytes: statSync(file).size, pages, fonts: fonts.length, types, faces: [...faces] };
    });
}

// ---------------------------------------------------------------------------------------------

rmSync(join(ROOT, '.bench'), { recursive: true, force: true });
const coldLoad = load();
const cold = await build();
const warmLoad = load();
const warm = await build();
printBuild('Cold', cold, coldLoad);
printBuild('Warm', warm, warmLoad);

/**
 * A throwaway certificate, so that the pages are measured over HTTPS as readers get them:
 * Chromium offers brotli only on secure connections (on plain HTTP to 127.0.0.1 it varies).
 */
function throwawayCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tls-'));
  const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  const args = ['-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'];
  execFileSync('openssl', ['req', ...args, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { tls: { cert, key }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const paths = sitemapPages();
const certificate = throwawayCertificate();
const secure = await startNginx({ dir: OUT, tls: certificate.tls });
let loads;
try {
  loads = await firstLoads(secure.origin, paths);
} finally {
  await secure.close();
  certificate.remove();
}
const nginx = await startNginx({ dir: OUT, port: PORT });
let scores;
try {
  const heaviestSection = loads.rows
    .filter(
      (r) =>
        r.path.replace(/^\/en\//, '/') !== '/' &&
        !/full-report\/$/.test(r.path) &&
        r.path !== '/no-such-page/',
    )
    .reduce((a, b) => (b.total > a.total ? b : a));
  const lighthousePaths = ['/', heaviestSection.path, paths.find((p) => /^\/full-report\/$/.test(p))].filter(
    Boolean,
  );
  scores = await lighthouseScores(lighthousePaths);
} finally {
  await nginx.close();
}

console.log(
  `\nFirst load of each page through nginx over HTTPS (deploy/nginx.conf, encodings ${loads.encodings.join(', ') || 'none'}${nginx.brotli ? '' : '; no brotli module'}),\n` +
    'on a 390 px phone (DPR 3) with an empty cache, not scrolled; bytes on the wire, headers aside.\n' +
    '"to paint": requests the first paint waits for (the HTML and any render-blocking file).',
);
printRows(loads.rows);
console.log('\nHeaders nginx sends with a page:');
for (const [name, value] of Object.entries(loads.headerSet ?? {}).sort())
  if (!['date', 'content-length', 'etag', 'last-modified'].includes(name)) console.log(`  ${name}: ${value}`);

const pdfs = pdfFacts();
console.log('\nPDFs:');
for (const pdf of pdfs)
  console.log(
    `  ${pdf.name}: ${KB(pdf.bytes)}, ${pdf.pages} pages, ${pdf.fonts} fonts embedded (` +
      `${Object.entries(pdf.types)
        .map(([type, n]) => `${n} ${type}`)
        .join(', ')}): ${pdf.faces.join(', ')}`,
  );

console.log(
  `\nLighthouse (mobile, through nginx), median of ${RUNS} runs (all runs as performance/CLS in brackets):`,
);
for (const s of scores)
  console.log(
    `  ${s.path.padEnd(28)} performance ${s.performance}  accessibility ${s.accessibility}  best practices ${s.bestPractices}  SEO ${s.seo}  CLS ${s.cls.toFixed(3)}  LCP ${(s.lcp / 1000).toFixed(2)} s  [${s.range}]`,
  );

console.log('\nBudgets:');
const worst = (rows, key) => rows.reduce((a, b) => (b[key] > a[key] ? b : a));
const rows = loads.rows;
const heaviest = worst(rows, 'total');
check(
  `first load ≤ ${KB(BUDGET.firstLoad)}`,
  heaviest.total <= BUDGET.firstLoad,
  `heaviest ${KB(heaviest.total)} (${heaviest.path})`,
);
const withoutImages = rows.map((r) => ({ ...r, bare: r.total - r.images }));
const heaviestBare = worst(withoutImages, 'bare');
check(
  `first load without images ≤ ${KB(BUDGET.withoutImages)}`,
  heaviestBare.bare <= BUDGET.withoutImages,
  `heaviest ${KB(heaviestBare.bare)} (${heaviestBare.path})`,
);
const sections = withoutImages.filter(
  (r) => r.path !== '/' && r.path !== '/en/' && !/full-report\/$/.test(r.path) && r.path !== '/no-such-page/',
);
const heaviestSectionScreen = worst(sections, 'bare');
check(
  `a section page’s first screen ≤ ${KB(BUDGET.sectionFirstScreen)} (images aside)`,
  heaviestSectionScreen.bare <= BUDGET.sectionFirstScreen,
  `heaviest ${KB(heaviestSectionScreen.bare)} (${heaviestSectionScreen.path})`,
);
const notFullReport = rows.filter((r) => !/full-report\/$/.test(r.path));
const heaviestStart = worst(notFullReport, 'htmlAndBlocking');
check(
  `HTML + render-blocking CSS ≤ ${KB(BUDGET.htmlAndBlockingCss)} (every page but the full report)`,
  heaviestStart.htmlAndBlocking <= BUDGET.htmlAndBlockingCss,
  `heaviest ${KB(heaviestStart.htmlAndBlocking)} (${heaviestStart.path})`,
);
const mostPaintRequests = worst(rows, 'paintRequests');
check(
  'the first paint waits for the HTML alone',
  mostPaintRequests.paintRequests <= BUDGET.paintRequests,
  `at most ${mostPaintRequests.paintRequests} request(s) (${mostPaintRequests.path})`,
);
const mostJs = worst(rows, 'js');
check(`JavaScript ≤ ${KB(BUDGET.js)}`, mostJs.js <= BUDGET.js, `heaviest ${KB(mostJs.js)} (${mostJs.path})`);
const printOnly = rows.flatMap((r) => r.printOnlyUrls.map((url) => `${r.path} → ${new URL(url).pathname}`));
check(
  'no print-only request on screen',
  printOnly.length <= BUDGET.printOnlyRequests,
  printOnly.length ? printOnly.slice(0, 3).join('; ') + (printOnly.length > 3 ? ' …' : '') : 'none',
);
const type3 = pdfs.filter((pdf) => pdf.types['Type 3']);
check('PDFs embed no Type 3 font', type3.length === 0, type3.map((pdf) => pdf.name).join(', ') || 'none');
const minPerf = Math.min(...scores.map((s) => s.performance));
check(`Lighthouse performance ≥ ${BUDGET.performance}`, minPerf >= BUDGET.performance, `lowest ${minPerf}`);
check(
  `Lighthouse accessibility, best practices, SEO ≥ ${BUDGET.otherScores}`,
  scores.every((s) => [s.accessibility, s.bestPractices, s.seo].every((n) => n >= BUDGET.otherScores)),
  scores.map((s) => `${s.accessibility}/${s.bestPractices}/${s.seo}`).join(', '),
);
const maxCls = Math.max(...scores.map((s) => s.cls));
check('CLS = 0', maxCls === 0, `highest ${maxCls.toFixed(3)}`);
check(
  `cold build ≤ ${BUDGET.coldBuildSeconds} s`,
  cold.seconds <= BUDGET.coldBuildSeconds,
  `${cold.seconds.toFixed(1)} s (load average before: ${coldLoad}); warm ${warm.seconds.toFixed(1)} s`,
);

const missed = results.filter((ok) => !ok).length;
console.log(missed ? `\n${missed} budget(s) missed.` : '\nEvery budget met.');
process.exitCode = missed ? 1 : 0;
