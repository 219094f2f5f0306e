import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
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

  test.afterAll(async () => {
    if (dev && dev.exitCode === null) {
      const exited = new Promise((done) => dev!.once('exit', done));
      dev.kill();
      await exited;
    }
    endTurn();
    rmSync(work, { recursive: true, force: true });
  });

  test('run on every edit and show the failure in the error overlay', async ({ page, edition }) => {
    const section = edition.sections.en.find((s) => s.stats.length > 0)!;
    const { id, value } = section.stats[0]!;
    work = mkdtempSync(join(tmpdir(), 'report-dev-'));
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
        stdio: 'ignore',
      },
    );
    const url = `http://localhost:${port}/en/${section.slug}/`;
    await expect(async () => expect((await page.request.get(url)).status()).toBe(200)).toPass({
      timeout: 180_000,
    });

    const name = section.file.split('/').at(-1)!;
    const file = join(content, 'sections/en', name);
    const original = readFileSync(file, 'utf8');
    const edited = original.replace(new RegExp(`^(\\s+value: )${value}$`, 'm'), `$1${value + 1}`);
    expect(edited).not.toBe(original);
    writeFileSync(file, edited);
    await expect(async () => expect((await page.request.get(url)).status()).toBe(500)).toPass({
      timeout: 60_000,
    });
    await page.goto(url);
    const overlay = page.locator('vite-error-overlay');
    await expect(overlay).toContainText('Content integrity check failed', { timeout: 30_000 });
    await expect(overlay).toContainText(`sections/en/${name} → stats[0].value: ${value + 1} (${id})`);

    writeFileSync(file, original);
    await expect(async () => expect((await page.request.get(url)).status()).toBe(200)).toPass({
      timeout: 60_000,
    });
  });
});
