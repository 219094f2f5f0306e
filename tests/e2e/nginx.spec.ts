// The built site as nginx serves it with the shipped deploy/nginx.conf: types, compression,
// caching, security headers, the 404 page, and what hostile requests get. Each test starts real
// nginx (scripts/serve-nginx.mjs) on a free port; raw node:http requests keep `..` and odd
// paths exactly as written, where a browser or fetch() would normalise them.
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { freePort, startNginx } from '../../scripts/serve-nginx.mjs';
import { COMPRESSIBLE } from '../../src/integrations/precompress';
import { renderNginxCspMap } from '../../src/lib/nginx-conf';
import { cspHeader } from '../support/csp';
import type { Edition } from '../support/edition';
import { filesBelow } from '../support/link-check';
import { offOriginAndRefused } from '../support/privacy';
import { expect, test as base, type Response } from './fixtures';

const ROOT = join(import.meta.dirname, '../..');
type Nginx = Awaited<ReturnType<typeof startNginx>>;

/** One nginx per worker, serving the edition with the shipped configuration, under its base path. */
const test = base.extend<object, { nginx: Nginx }>({
  nginx: [
    async ({ edition }, use) => {
      const nginx = await startNginx({ dir: edition.dist, base: edition.base });
      await use(nginx);
      await nginx.close();
    },
    { scope: 'worker' },
  ],
});

/*
 * The headers every response carries (README, "Deploying"), written out here rather than read
 * from src/lib/security-headers.ts, which renders them: a changed header is a visible edit. The
 * CSP (tests/support/csp.ts) is each page's own, with its inline stylesheet's hash, and the
 * policy without hashes on everything else.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};
const HSTS = 'max-age=31536000';
const CACHE_CONTROL = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'public, max-age=0, must-revalidate',
};

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request, sent as written (no normalisation, no decompression). */
function send(
  origin: string,
  path: string,
  { method = 'GET', headers = {} as Record<string, string> } = {},
): Promise<Answer> {
  const url = new URL(origin);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method, headers, agent: false, rejectUnauthorized: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? 'a=1' : undefined);
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

/** Files the build writes for hosts, which no host serves: other hosts' headers and redirects, nginx's CSP map. */
const HOST_FILES = ['_headers', '_redirects', '_csp.nginx'];
/** The site's own files: what the build wrote, less the compressed copies and the hosts' files. */
const siteFiles = (edition: Edition) =>
  filesBelow(edition.dist).filter((file) => !/\.(gz|br)$/.test(file) && !HOST_FILES.includes(file));
const built = (edition: Edition, file: string) => readFileSync(join(edition.dist, file));
/** The CSP header a response must carry: its page's own policy, else the policy without hashes. */
const expectedCsp = (edition: Edition, file?: string) =>
  cspHeader(file ? built(edition, file).toString() : undefined);

test('every page of the sitemap and every file of the build answers 200 with its type and cache policy', async ({
  nginx,
  edition,
}) => {
  const { base } = edition;
  const sitemap = built(edition, 'sitemap-0.xml').toString();
  const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(pages.sort()).toEqual(edition.pages.map(({ path }) => `${base}${path}`).sort());
  for (const path of pages) {
    const { status, headers, body } = await send(nginx.origin, path);
    expect(status, path).toBe(200);
    expect(headers['content-type'], path).toBe(TYPES['.html']);
    expect(body.equals(built(edition, `${path.slice(base.length)}index.html`)), path).toBe(true);
    expect(headers['cache-control'], path).toBe(CACHE_CONTROL.revalidate);
  }
  const files = siteFiles(edition);
  expect(files.length).toBeGreaterThan(50);
  for (const file of files) {
    const { status, headers, body } = await send(nginx.origin, `${base}${file}`);
    expect(status, file).toBe(200);
    expect(headers['content-type'], file).toBe(TYPES[extname(file)]);
    expect(body.equals(built(edition, file)), file).toBe(true);
    // A year for content-hashed names (all of /_astro/, none elsewhere), else revalidated.
    const hashed = file.startsWith('_astro/');
    if (hashed) expect(file, 'a hashed name').toMatch(/\.[\w-]{8,}\.\w+$/);
    expect(headers['cache-control'], file).toBe(hashed ? CACHE_CONTROL.immutable : CACHE_CONTROL.revalidate);
  }
});

test('text files come precompressed, br and gzip, and decompress to the built file', async ({
  nginx,
  edition,
}) => {
  test.skip(!nginx.brotli, 'no brotli_static module here: the gzip-only test below covers this host');
  const texts = siteFiles(edition).filter((file) => COMPRESSIBLE.test(file));
  expect(texts.length).toBeGreaterThan(20);
  let compressed = 0;
  for (const file of texts) {
    const original = built(edition, file);
    // Every text file of any size has both copies; only tiny ones may lack one.
    if (original.length >= 1024) {
      expect(existsSync(join(edition.dist, `${file}.br`)), `${file}.br`).toBe(true);
      expect(existsSync(join(edition.dist, `${file}.gz`)), `${file}.gz`).toBe(true);
    }
    for (const [accept, encoding, decode, suffix] of [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync, '.br'],
      ['br', 'br', brotliDecompressSync, '.br'],
      ['gzip', 'gzip', gunzipSync, '.gz'],
    ] as const) {
      const { status, headers, body } = await send(nginx.origin, `${edition.base}${file}`, {
        headers: { 'accept-encoding': accept },
      });
      expect(status, file).toBe(200);
      expect(headers['content-type'], file).toBe(TYPES[extname(file)]);
      if (existsSync(join(edition.dist, file + suffix))) {
        expect(headers['content-encoding'], `${file} (${accept})`).toBe(encoding);
        expect(headers['vary'], file).toMatch(/Accept-Encoding/i);
        expect(decode(body).equals(original), `${file} (${encoding})`).toBe(true);
        compressed += 1;
      } else {
        expect(body.equals(original), file).toBe(true);
      }
    }
    const identity = await send(nginx.origin, `${edition.base}${file}`);
    expect(identity.headers['content-encoding'], file).toBeUndefined();
    expect(identity.body.equals(original), file).toBe(true);
  }
  expect(compressed).toBeGreaterThan(texts.length * 2);
});

test('without the brotli module the shipped config still runs, and serves gzip', async ({ edition }) => {
  const plain = await startNginx({ dir: edition.dist, base: edition.base, brotli: false });
  try {
    expect(plain.brotli).toBe(false);
    const path = `${edition.base}en/`;
    const both = await send(plain.origin, path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(both.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(both.body).equals(built(edition, 'en/index.html'))).toBe(true);
    const brOnly = await send(plain.origin, path, { headers: { 'accept-encoding': 'br' } });
    expect(brOnly.headers['content-encoding']).toBeUndefined();
    expect(brOnly.body.equals(built(edition, 'en/index.html'))).toBe(true);
  } finally {
    await plain.close();
  }
});

/** Requests a host must refuse or answer with the site's 404 page; "~" stands for the base path. */
const HOSTILE: Array<[what: string, method: string, path: string, status: number]> = [
  ['an unknown page', 'GET', '~no-such-page/', 404],
  ['an unknown file under /_astro/', 'GET', '~_astro/no-such-file.js', 404],
  ['a climb out of root', 'GET', '/../etc/passwd', 400],
  ['a deeper climb', 'GET', '~en/../../../etc/passwd', 400],
  ['an encoded climb', 'GET', '/%2e%2e/', 400],
  ['an encoded climb to a file', 'GET', '/%2e%2e/%2e%2e/etc/passwd', 400],
  ['an absolute system path', 'GET', '~etc/passwd', 404],
  ['the repository', 'GET', '~.git/config', 404],
  ['a dotfile', 'GET', '~.env', 404],
  ['the build folder by name', 'GET', '~dist/', 404],
  ['a file in it by name', 'GET', '~dist/index.html', 404],
  ['a folder without index.html', 'GET', '~_astro/', 404],
  ['another', 'GET', '~downloads/', 404],
  ['the other hosts’ _headers', 'GET', '~_headers', 404],
  ['and their _redirects', 'GET', '~_redirects', 404],
  ['the CSP map for nginx', 'GET', '~_csp.nginx', 404],
  ['a precompressed copy by name', 'GET', '~index.html.gz', 404],
  ['a 10 KB URL', 'GET', `~${'a'.repeat(10 * 1024)}`, 414],
  ['a POST', 'POST', '~', 405],
  ['a POST to an unknown path', 'POST', '~no-such-page/', 405],
  ['a PUT', 'PUT', '~index.html', 405],
  ['a DELETE', 'DELETE', '~index.html', 405],
  ['an OPTIONS', 'OPTIONS', '~', 405],
];

test('hostile and odd requests get a sane status, never a file from outside the build or a listing', async ({
  nginx,
  edition,
}) => {
  const { base } = edition;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
  const notFound = built(edition, '404.html');
  for (const [what, method, written, status] of HOSTILE) {
    const path = written.replace(/^~/, base);
    const answer = await send(nginx.origin, path, { method });
    expect(answer.status, `${what}: ${method} ${path.slice(0, 40)}`).toBe(status);
    const text = answer.body.toString();
    expect(text, what).not.toContain(passwd);
    expect(text, what).not.toMatch(/Index of|<pre>|\[core\]/);
    if (status === 404) expect(answer.body.equals(notFound), `${what}: the site's own 404 page`).toBe(true);
    if (status === 405) expect(answer.headers['allow'], what).toBe('GET, HEAD');
    // Security headers on errors too.
    expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
  }
  // Under /en/, the English 404 page.
  const english = await send(nginx.origin, `${base}en/no-such-page/`);
  expect(english.status).toBe(404);
  expect(english.body.equals(built(edition, 'en/404.html')), 'the English 404 page').toBe(true);
  expect(english.headers['x-content-type-options']).toBe('nosniff');
  expect(english.headers['content-security-policy']).toBe(expectedCsp(edition, 'en/404.html'));
  // Clean URLs: a folder's address without its slash is redirected to it; so is the bare sub-path.
  const slug = edition.sections.zh[0]!.slug;
  const redirect = await send(nginx.origin, `${base}${slug}`);
  expect(redirect.status).toBe(301);
  expect(redirect.headers['location']).toBe(`${base}${slug}/`);
  if (base !== '/') {
    const bare = await send(nginx.origin, base.slice(0, -1));
    expect(bare.status).toBe(301);
    expect(bare.headers['location']).toBe(base);
  }
  const head = await send(nginx.origin, `${base}en/full-report/`, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(head.body.length).toBe(0);
  expect(Number(head.headers['content-length'])).toBe(built(edition, 'en/full-report/index.html').length);
  expect(head.headers['etag']).toBeTruthy();
});

test('the build holds no symlink (nginx follows them: deploy/nginx.conf says why)', ({ edition }) => {
  const files = readdirSync(edition.dist, { recursive: true, encoding: 'utf8' });
  expect(files.length).toBeGreaterThan(50);
  expect(files.filter((file) => lstatSync(join(edition.dist, file)).isSymbolicLink())).toEqual([]);
});

test('dotfiles and folders without an index are refused (fixture)', async ({ edition }) => {
  test.skip(edition.base !== '/', 'the same fixture for any edition: run once, with the edition at the root');
  // A root holding what a build never should: a repository, secrets, a bare folder.
  const root = mkdtempSync(join(tmpdir(), 'nginx-fixture-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>not found</title>');
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git/config'), '[core]\n\tsecret = 1\n');
  writeFileSync(join(root, '.env'), 'SECRET=1\n');
  mkdirSync(join(root, 'bare'));
  writeFileSync(join(root, 'bare/file.txt'), 'listed?\n');
  // The map of each page's CSP the shipped block includes: here, of no page.
  writeFileSync(join(root, '_csp.nginx'), renderNginxCspMap([]));
  const fixture = await startNginx({ dir: root });
  try {
    for (const path of ['/.git/config', '/.git/', '/.env', '/bare/']) {
      const answer = await send(fixture.origin, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).toBe('<!doctype html><title>not found</title>');
    }
    expect((await send(fixture.origin, '/bare/file.txt')).status).toBe(200);
  } finally {
    await fixture.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('revalidation: ETag and Last-Modified, and a 304 for what the reader has', async ({
  nginx,
  edition,
}) => {
  const { base } = edition;
  const asset = siteFiles(edition).find((file) => file.startsWith('_astro/') && file.endsWith('.js'))!;
  const pdf = siteFiles(edition).find((file) => file.endsWith('.pdf'))!;
  const section = `${base}en/${edition.sections.en[0]!.slug}/`;
  for (const [path, cacheControl, accept] of [
    [`${base}${asset}`, CACHE_CONTROL.immutable, 'br'],
    [section, CACHE_CONTROL.revalidate, 'br'],
    [section, CACHE_CONTROL.revalidate, 'gzip'],
    [`${base}sitemap-index.xml`, CACHE_CONTROL.revalidate, ''],
    [`${base}${pdf}`, CACHE_CONTROL.revalidate, 'gzip, br'],
  ] as const) {
    const headers = accept ? { 'accept-encoding': accept } : {};
    const first = await send(nginx.origin, path, { headers });
    expect(first.status, path).toBe(200);
    expect(first.headers['cache-control'], path).toBe(cacheControl);
    const etag = first.headers['etag']!;
    expect(etag, path).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(first.headers['last-modified'], path).toBeTruthy();
    const again = await send(nginx.origin, path, { headers: { ...headers, 'if-none-match': etag } });
    expect(again.status, `${path} with If-None-Match`).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['cache-control'], path).toBe(cacheControl);
    const since = await send(nginx.origin, path, {
      headers: { ...headers, 'if-modified-since': first.headers['last-modified']! },
    });
    expect(since.status, `${path} with If-Modified-Since`).toBe(304);
    const changed = await send(nginx.origin, path, { headers: { ...headers, 'if-none-match': '"0-0"' } });
    expect(changed.status, `${path} with a stale ETag`).toBe(200);
  }
  // A missing hashed file must not be cached for a year.
  const missing = await send(nginx.origin, `${base}_astro/gone.0123456789.js`);
  expect(missing.status).toBe(404);
  expect(missing.headers['cache-control']).toBe(CACHE_CONTROL.revalidate);
});

test('the security headers on every response, errors included, and each page’s own CSP', async ({
  nginx,
  edition,
}) => {
  const { base } = edition;
  const slug = edition.sections.zh[0]!.slug;
  const paths: Array<[path: string, file: string | undefined, method?: string]> = [
    [base, 'index.html'],
    [`${base}en/full-report/`, 'en/full-report/index.html'],
    [`${base}no-such-page/`, '404.html'],
    [`${base}favicon.svg`, undefined],
    [`${base}${slug}`, undefined],
    [`${base}sitemap-index.xml`, undefined],
    [base, undefined, 'POST'],
  ];
  for (const [path, file, method] of paths) {
    const { status, headers } = await send(nginx.origin, path, { method });
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(headers[name], `${status} ${path} ${name}`).toBe(value);
    expect(headers['content-security-policy'], `${status} ${path}`).toBe(expectedCsp(edition, file));
    // Over plain HTTP: no HSTS (it would be ignored, and a CDN terminating TLS sends its own).
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers['server']).toBe('nginx');
  }
  // Every page: its own policy, its inline stylesheet's hash included, as its <meta> has it.
  const pages = siteFiles(edition).filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(edition.pages.length);
  for (const file of pages) {
    const path = `${base}${file.replace(/index\.html$/, '')}`;
    const { headers } = await send(nginx.origin, path);
    expect(headers['content-security-policy'], path).toBe(expectedCsp(edition, file));
  }
});

test('over HTTPS, the same block adds Strict-Transport-Security', async ({ edition }) => {
  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  test.skip(!hasOpenssl, 'openssl is needed to make a test certificate');
  const dir = mkdtempSync(join(tmpdir(), 'nginx-tls-'));
  const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  const args = ['-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'];
  execFileSync('openssl', ['req', ...args, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const tls = await startNginx({ dir: edition.dist, base: edition.base, tls: { cert, key } });
  try {
    expect(tls.origin).toMatch(/^https:/);
    const asset = siteFiles(edition).find((f) => f.startsWith('_astro/'));
    for (const [path, file] of [
      ['', 'index.html'],
      ['no-such-page/', '404.html'],
      [asset, undefined],
    ]) {
      const answer = await send(tls.origin, `${edition.base}${path}`, {
        headers: { 'accept-encoding': 'br' },
      });
      expect(answer.headers['strict-transport-security'], path).toBe(HSTS);
      expect(answer.headers['content-security-policy'], path).toBe(expectedCsp(edition, file));
    }
  } finally {
    await tls.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with the header on, every page loads all it asks for, with no CSP refusal and no request off the origin', async ({
  page,
  nginx,
  edition,
}) => {
  const served: string[] = [];
  const check = (response: Response) => {
    if (response.url().startsWith(nginx.origin) && !response.headers()['content-security-policy'])
      served.push(`no CSP header: ${response.url()}`);
    // Everything a page asks for is there, under the base path (the 404 page itself aside).
    if (response.status() >= 400 && !response.url().endsWith('/no-such-page/'))
      served.push(`${response.status()}: ${response.url()}`);
  };
  // The page is the worker's, reused by the next test: the listener goes with this one.
  page.on('response', check);
  const { foreign, refused } = await offOriginAndRefused(page, nginx.origin, [
    ...edition.pages.map(({ path }) => `${edition.base}${path}`),
    `${edition.base}no-such-page/`,
  ]).finally(() => page.off('response', check));
  expect(foreign).toEqual([]);
  expect(refused).toEqual([]);
  expect(served).toEqual([]);
});

test('npm run serve:nginx serves on PORT and stops cleanly on Ctrl-C', async ({ edition }) => {
  test.skip(edition.base !== '/', 'it serves a build at the root: run once, with the edition at the root');
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve-nginx.mjs'), '--dir', edition.dist], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await expect.poll(() => output, { timeout: 20_000 }).toContain(`http://127.0.0.1:${port}/`);
  const answer = await send(`http://127.0.0.1:${port}`, '/en/');
  expect(answer.status).toBe(200);
  expect(answer.headers['content-security-policy']).toBe(expectedCsp(edition, 'en/index.html'));
  child.kill('SIGINT');
  expect(await exited, output).toBe(0);
  await expect(send(`http://127.0.0.1:${port}`, '/')).rejects.toThrow(/ECONNREFUSED/);
});
