import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { astroTurn, projectRoot } from '../support/astro-cli';
import { expect, test } from './fixtures';

// An editor previewing the edition with `npm run dev` sees a wrong figure refused at once, in
// the browser, with the file and the field named — not served as if it were fine.
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

test.describe('the content checks in astro dev', () => {
  test.describe.configure({ timeout: 420_000 });
  let dev: ChildProcess | undefined;
  let endTurn = () => {};
  let work = '';
  let output = '';

  test.afterAll(async () => {
    if (dev && dev.exitCode === null) {
      const exited = new Promise((done) => dev!.once('exit', done));
      dev.kill();
      // A server that does not stop on SIGTERM within 20 s is killed, not waited for.
      const stuck = setTimeout(() => dev!.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(stuck);
    }
    endTurn();
    rmSync(work, { recursive: true, force: true });
  });

  test('run on every edit and show the failure in the error overlay', async ({ page, edition }) => {
    const section = edition.sections.en.find((s) => s.stats.length > 0)!;
    const { id, value } = section.stats[0]!;
    // Inside the project, where the dev server's file watcher looks from the start: a folder
    // elsewhere is only added to it once the content has loaded.
    mkdirSync(join(projectRoot, 'test-builds'), { recursive: true });
    work = mkdtempSync(join(projectRoot, 'test-builds', 'dev-'));
    const content = join(work, 'content');
    cpSync(edition.contentDir, content, { recursive: true });
    const port = await freePort();
    endTurn = await astroTurn();
    dev = spawn(
      process.execPath,
      [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          REPORT_CONTENT_DIR: content,
          ASTRO_CACHE_DIR: join(work, 'cache'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // Kept for the failure message: what the server said it reloaded, or why not.
    for (const stream of [dev.stdout!, dev.stderr!])
      stream.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    const url = `http://localhost:${port}/en/${section.slug}/`;
    const answers = (status: number, timeout = 15_000) =>
      expect(async () => expect((await page.request.get(url)).status()).toBe(status)).toPass({ timeout });
    await answers(200, 180_000);

    const name = section.file.split('/').at(-1)!;
    const file = join(content, 'sections/en', name);
    const original = readFileSync(file, 'utf8');
    const edited = original.replace(new RegExp(`^(\\s+value: )${value}$`, 'm'), `$1${value + 1}`);
    expect(edited).not.toBe(original);
    /**
     * Saves the file, then waits for the page to answer `status`; saves again, as an editor
     * would, if it does not within 15 s: on a busy machine the dev server may answer before its
     * file watcher has taken in the copied content folder, and a save made before that goes unseen.
     */
    const saveUntil = async (text: string, status: number) => {
      for (let save = 1; ; save++) {
        writeFileSync(file, text);
        const seen = await answers(status).then(
          () => true,
          (error: Error) =>
            save < 8 ? false : Promise.reject(new Error(`${error.message}\n\nastro dev said:\n${output}`)),
        );
        if (seen) return;
      }
    };
    await saveUntil(edited, 500);
    // The photos stay out: astro dev encodes each on request, minutes of both cores on a
    // busy machine, and the check is about the page's text.
    await page.route(
      (address) => address.pathname.includes('/_image') || /\.(jpe?g|png|webp|avif)$/i.test(address.pathname),
      (route) => route.abort(),
    );
    const overlay = page.locator('vite-error-overlay');
    // Loaded again if the dev client reloads it first (a late file event): the overlay is
    // drawn by the client once its modules load, slow on a busy machine.
    await expect(async () => {
      await page.goto(url);
      await expect(overlay).toContainText('Content integrity check failed', { timeout: 45_000 });
    }).toPass({ timeout: 150_000 });
    await expect(overlay).toContainText(`sections/en/${name} → stats[0].value: ${value + 1} (${id})`);

    // Left before the mend, so the dev client does not reload the page into a full render.
    await page.goto('about:blank');
    await saveUntil(original, 200);
  });
});
