// A minimal static host for the built site, as a plain static host serves it: directory
// indexes, the site's own 404.html with status 404, and an optional base path. Tests use it
// instead of `astro preview`, which refuses to start while a reader's preview is running.
// Usage: node scripts/serve-static.mjs [--dir dist] [--port 4322] [--base /]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4322' },
    base: { type: 'string', default: '/' },
  },
});
const root = resolve(values.dir);
const base = values.base.endsWith('/') ? values.base : `${values.base}/`;

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

function send(response, status, file) {
  response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const notFound = () => send(response, 404, join(root, '404.html'));
  if (!pathname.startsWith(base) && `${pathname}/` !== base) return notFound();
  const relative = normalize(decodeURIComponent(pathname.slice(base.length - 1)));
  const file = join(root, relative);
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
}).listen(Number(values.port), () => {
  console.log(`Serving ${root} at http://localhost:${values.port}${base}`);
});
