// A minimal static host for the built site, as a plain static host serves it: directory
// indexes, the site's own 404.html with status 404, and an optional base path. Used by the
// tests and the PDF step instead of `astro preview`, which refuses to start while a reader's
// preview of the same project is running.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serves `dir` under `base` on `port` (0 picks a free one).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startStaticServer({ dir, port = 0, base = '/' }) {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const send = (response, status, file) => {
    response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  };
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const notFound = () => send(response, 404, join(root, '404.html'));
    if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return notFound();
    const file = join(root, normalize(decodeURIComponent(pathname.slice(prefix.length - 1))));
    if (!file.startsWith(root)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${pathname}/` });
        return response.end();
      }
      const index = join(file, 'index.html');
      return existsSync(index) ? send(response, 200, index) : notFound();
    }
    return existsSync(file) ? send(response, 200, file) : notFound();
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
