// Serves a built site with real nginx and the shipped server block, deploy/nginx.conf, as a
// host would: without root and without touching the system's nginx. Everything nginx writes
// (pid, logs, temp files) goes to a temporary prefix that is removed on exit.
//
//   npm run serve:nginx                      dist/ on http://127.0.0.1:8080 (PORT, HOST to change)
//   node scripts/serve-nginx.mjs --dir .bench/dist --port 8081
//
// startNginx() is what the tests and the bench use. Only the listen and root lines of the
// shipped block are replaced (and `# brotli_static on;` enabled where the module is installed);
// the rest is served exactly as an operator would include it.
import { execFileSync, spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHIPPED_CONF = join(ROOT, 'deploy/nginx.conf');

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The nginx executable: NGINX_PATH, /usr/sbin/nginx, or the first on PATH. Throws saying how to get one. */
function findNginx() {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`NGINX_PATH is set to ${fromEnv}, but no executable is there.`);
  }
  const candidates = [
    '/usr/sbin/nginx',
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'nginx')),
  ];
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new Error(
    'nginx is not installed, so the site cannot be served as a host serves it.\n' +
      'Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y nginx libnginx-mod-http-brotli-static\n' +
      '(or point NGINX_PATH at an nginx executable).',
  );
}

/** `nginx -V`: version and configure arguments (nginx prints them on stderr). */
function nginxBuildInfo(nginx) {
  try {
    return execFileSync(nginx, ['-V'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return String(error.stderr ?? '');
  }
}

function versionAtLeast(info, [major, minor, patch]) {
  const [, a = 0, b = 0, c = 0] = (/nginx\/(\d+)\.(\d+)\.(\d+)/.exec(info) ?? []).map(Number);
  return a !== major ? a > major : b !== minor ? b > minor : c >= patch;
}

/**
 * How brotli_static can be had: 'builtin' (compiled in), the path of a dynamic module to load
 * (Debian's libnginx-mod-http-brotli-static), or undefined.
 */
function brotliStaticModule(nginx = findNginx()) {
  const info = nginxBuildInfo(nginx);
  if (/--add-module=\S*brotli/.test(info)) return 'builtin';
  const modulesPath = /--modules-path=(\S+)/.exec(info)?.[1];
  const name = 'ngx_http_brotli_static_module.so';
  return [
    modulesPath && join(modulesPath, name),
    `/usr/lib/nginx/modules/${name}`,
    `/usr/lib64/nginx/modules/${name}`,
    `/usr/local/nginx/modules/${name}`,
  ].find((path) => path && existsSync(path));
}

/** A TCP port nobody listens on now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const quote = (value) => `"${String(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * The shipped server block with the listen lines, root, the include of the build's CSP map
 * (and, for a sub-path, the 404 page) replaced. Throws when the lines it replaces are not there,
 * so it never serves a config that differs from the shipped one in more than these lines.
 */
function adaptServerBlock(conf, { root, host, port, base = '/', tls, brotli, cspMap }) {
  const replaceOnce = (text, pattern, replacement, what) => {
    const matches = text.match(new RegExp(pattern.source, `${pattern.flags}g`)) ?? [];
    if (matches.length !== 1)
      throw new Error(`deploy/nginx.conf: expected one ${what}, found ${matches.length}`);
    return text.replace(pattern, replacement);
  };
  const listen = tls
    ? [
        `listen ${host}:${port} ssl;`,
        `    ssl_certificate ${quote(tls.cert)};`,
        `    ssl_certificate_key ${quote(tls.key)};`,
      ].join('\n')
    : `listen ${host}:${port};`;
  let text = replaceOnce(conf, /^ {4}listen 80;$/m, `    ${listen}`, '"listen 80;" line');
  text = replaceOnce(text, /^ {4}listen \[::\]:80;\n/m, '', '"listen [::]:80;" line');
  text = replaceOnce(text, /^ {4}root [^;]+;$/m, `    root ${quote(root)};`, 'root line');
  text = replaceOnce(
    text,
    /^include \S+\/_csp\.nginx;$/m,
    `include ${quote(cspMap)};`,
    'include of _csp.nginx',
  );
  if (base !== '/') {
    const pages = text.match(/^ {4}error_page .* \/404\.html;$/gm) ?? [];
    if (pages.length !== 2)
      throw new Error(`deploy/nginx.conf: expected two error_page lines, found ${pages.length}`);
    text = text.replace(/^( {4}error_page .* )\/404\.html;$/gm, `$1${base}404.html;`);
    // The languages' own 404 pages, and the folders they serve, move under the base too.
    text = text.replace(/^( {4}location )\/([a-z-]+\/) \{$/gm, `$1${base}$2 {`);
    text = text.replace(/^( {8}error_page .* )\/([a-z-]+\/404\.html);$/gm, `$1${base}$2;`);
  }
  if (brotli)
    text = replaceOnce(
      text,
      /^ {4}# brotli_static on;$/m,
      '    brotli_static on;',
      '"# brotli_static on;" line',
    );
  return text;
}

/** The main nginx.conf around the server block: everything inside the temporary prefix. */
function mainConf({ prefix, serverBlock, brotli, log }) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    'daemon off;',
    'worker_processes 1;',
    // As root, nginx would run its workers as "nobody", who may not read dist/ or the prefix.
    ...(isRoot ? ['user root;'] : []),
    `pid ${quote(join(prefix, 'nginx.pid'))};`,
    `error_log ${log ? 'stderr' : quote(join(prefix, 'error.log'))} warn;`,
    ...(brotli && brotli !== 'builtin' ? [`load_module ${quote(brotli)};`] : []),
    'events { worker_connections 256; }',
    'http {',
    // Not /dev/stdout: nginx cannot open it when stdout is a socket; startNginx() echoes the file.
    `    access_log ${log ? quote(join(prefix, 'access.log')) : 'off'};`,
    '    sendfile on;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `    ${kind}_temp_path ${quote(join(prefix, 'temp', kind))};`,
    ),
    `    include ${quote(serverBlock)};`,
    '}',
    '',
  ].join('\n');
}

/** Prints what nginx appends to its access log, a few times a second. */
function echoAccessLog(file) {
  let offset = 0;
  const timer = setInterval(() => {
    if (!existsSync(file)) return;
    const text = readFileSync(file);
    if (text.length > offset) process.stdout.write(text.subarray(offset));
    offset = text.length;
  }, 250);
  timer.unref();
  return timer;
}

function waitForHttp({ host, port }, child, timeoutMs = 10_000) {
  const started = Date.now();
  return new Promise((resolveReady, reject) => {
    let exited = false;
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`nginx exited with status ${code} before it served anything`));
    });
    const attempt = () => {
      if (exited) return;
      // A plain-HTTP request to a TLS port still gets an answer (400), which is all this waits for.
      const req = request({ host, port, path: '/', method: 'HEAD' }, (response) => {
        response.resume();
        resolveReady();
      });
      req.on('error', () => {
        if (Date.now() - started > timeoutMs) reject(new Error(`nginx did not answer on port ${port}`));
        else setTimeout(attempt, 50);
      });
      req.end();
    };
    attempt();
  });
}

/**
 * Starts nginx in the foreground with the shipped server block, serving `dir` on `port` (0 or
 * none: a free one). `base` serves a sub-path build: `dir` must then end in that path (the site
 * root is its parent, as README "Deploying" lays it out). `tls: { cert, key }` serves HTTPS,
 * `brotli: false` runs without the brotli module even where it is installed, `log: true` sends
 * nginx's logs to this process's stdout and stderr.
 * @param {{ dir?: string, port?: number, host?: string, base?: string, tls?: { cert: string, key: string }, brotli?: boolean, log?: boolean }} [options]
 * @returns {Promise<{ url: string, origin: string, port: number, brotli: boolean, conf: string, close: () => Promise<void> }>}
 */
export async function startNginx({
  dir = join(ROOT, 'dist'),
  port = 0,
  host = '127.0.0.1',
  base = '/',
  tls,
  brotli = true,
  log = false,
} = {}) {
  const nginx = findNginx();
  const siteDir = resolve(dir);
  if (!existsSync(join(siteDir, 'index.html')))
    throw new Error(`${siteDir} has no index.html: build the site first (npm run build).`);
  let root = siteDir;
  if (base !== '/') {
    const suffix = base.replace(/\/$/, '');
    if (!siteDir.endsWith(suffix))
      throw new Error(`To serve it under ${base}, ${siteDir} must end in ${suffix}`);
    root = siteDir.slice(0, -suffix.length) || '/';
  }
  const module = brotli ? brotliStaticModule(nginx) : undefined;
  const prefix = mkdtempSync(join(tmpdir(), 'review-nginx-'));
  mkdirSync(join(prefix, 'temp'));
  const actualPort = port || (await freePort());
  const serverBlock = join(prefix, 'site.conf');
  writeFileSync(
    serverBlock,
    adaptServerBlock(readFileSync(SHIPPED_CONF, 'utf8'), {
      root,
      host,
      port: actualPort,
      base,
      tls,
      brotli: Boolean(module),
      cspMap: join(siteDir, '_csp.nginx'),
    }),
  );
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, mainConf({ prefix, serverBlock, brotli: module, log }));
  // -e (nginx 1.19.5+): the log used before the configuration is read, else the system's.
  const early = versionAtLeast(nginxBuildInfo(nginx), [1, 19, 5])
    ? ['-e', log ? 'stderr' : join(prefix, 'error.log')]
    : [];
  const child = spawn(nginx, [...early, '-p', `${prefix}/`, '-c', conf], {
    stdio: log ? 'inherit' : ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((done) => child.once('exit', done));
  // Should this process end without close(), nginx must not outlive it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const echo = log ? echoAccessLog(join(prefix, 'access.log')) : undefined;
  const cleanUp = () => {
    process.off('exit', killOnExit);
    if (echo) clearInterval(echo);
    rmSync(prefix, { recursive: true, force: true });
  };
  try {
    await waitForHttp({ host, port: actualPort }, child);
  } catch (error) {
    child.kill('SIGTERM');
    await exited;
    const errorLog = existsSync(join(prefix, 'error.log'))
      ? readFileSync(join(prefix, 'error.log'), 'utf8')
      : '';
    cleanUp();
    throw new Error(`${error.message}\n${stderr}${errorLog}`);
  }
  const origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  let closing;
  return {
    url: `${origin}${base}`,
    origin,
    port: actualPort,
    brotli: Boolean(module),
    conf: serverBlock,
    close: () =>
      (closing ??= (async () => {
        // SIGTERM: nginx's fast shutdown (a graceful one would wait for a browser's open connections).
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
        cleanUp();
      })()),
  };
}

// Run directly: serve until Ctrl-C.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: join(ROOT, 'dist') },
      port: { type: 'string', default: process.env.PORT ?? '8080' },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    },
  });
  try {
    const server = await startNginx({
      dir: values.dir,
      port: Number(values.port),
      host: values.host,
      log: true,
    });
    console.log(
      `nginx serving ${values.dir} at ${server.url} with deploy/nginx.conf` +
        `${server.brotli ? '' : ' (no brotli module: gzip only)'}. Ctrl-C stops it.`,
    );
    let stopping = false;
    const stop = async (signal) => {
      if (stopping) return;
      stopping = true;
      await server.close();
      console.log(`\nnginx stopped (${signal}).`);
      process.exit(0);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
