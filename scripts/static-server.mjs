// The one static server of the project, for the build's browser steps, the tests and the bench:
// serves a built site as a plain static host does (directory indexes, the site's own 404.html
// with status 404, an optional base path), with sirv doing the file serving.
// As a command: node scripts/static-server.mjs [--dir dist] [--port 4322] [--base /]
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { withSlash } from '../src/lib/base-path.ts';

/**
 * Serves `dir` under `base` on `port` (0 picks a free one).
 * @param {{ dir: string, port?: number, base?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startStaticServer({ dir, port = 0, base = '/' }) {
  const root = resolve(dir);
  const prefix = withSlash(base);
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'] });
  // The 404 page nearest the address, up its folders (as Cloudflare Pages serves it): under
  // /en/…, en/404.html where there is one.
  const notFound = (response, path = '/') => {
    const folder = path.split('/').filter(Boolean)[0];
    const own = /^[a-z-]+$/i.test(folder ?? '') ? join(root, folder, '404.html') : undefined;
    const page = own && existsSync(own) ? own : join(root, '404.html');
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(existsSync(page) ? readFileSync(page) : 'Not found');
  };
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(prefix)) return notFound(response);
    request.url = url.slice(prefix.length - 1);
    files(request, response, () => notFound(response, request.url));
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolveStart({
        url: `http://localhost:${actualPort}${prefix}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4322' },
      base: { type: 'string', default: '/' },
    },
  });
  if (!existsSync(join(values.dir, 'index.html'))) {
    console.error(
      `${values.dir} has no index.html: build the site first (for the tests: npm run test:build).`,
    );
    process.exit(1);
  }
  const { url } = await startStaticServer({ dir: values.dir, port: Number(values.port), base: values.base });
  console.log(`Serving ${values.dir} at ${url}`);
}
