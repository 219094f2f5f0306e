import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from '../../src/integrations/precompress';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes .gz and .br beside each text file, decompressing to it, with its mtime', async () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'en'));
    const html = `<!doctype html><title>t</title>${'<p>政协 report text</p>'.repeat(400)}`;
    const files = {
      'en/index.html': html,
      'a.css': 'body { color: red; }\n'.repeat(100),
      'a.js': 'console.log("x");\n'.repeat(100),
      'i.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M0 0h1"/>'.repeat(50)}</svg>`,
      'sitemap.xml': `<urlset>${'<url><loc>https://example.org/</loc></url>'.repeat(50)}</urlset>`,
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    const result = await precompressDir(dir);
    expect(result.files).toBe(5);
    for (const [name, body] of Object.entries(files)) {
      const file = join(dir, name);
      expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(body);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(body);
      // Last-Modified has whole seconds.
      expect(Math.floor(statSync(`${file}.br`).mtimeMs / 1000)).toBe(
        Math.floor(statSync(file).mtimeMs / 1000),
      );
    }
  });

  it('leaves images, PDFs and files too small to gain alone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nAllow: /\n');
    writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096));
    writeFileSync(join(dir, 'report.pdf'), Buffer.alloc(4096));
    const result = await precompressDir(dir);
    expect(result.skipped).toEqual(['robots.txt']);
    for (const name of ['robots.txt', 'photo.png', 'report.pdf']) {
      expect(existsSync(join(dir, `${name}.gz`))).toBe(false);
      expect(existsSync(join(dir, `${name}.br`))).toBe(false);
    }
  });
});
