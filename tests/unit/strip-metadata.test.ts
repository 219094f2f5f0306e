import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPublishedImages, hasCameraMetadata } from '../../src/integrations/strip-metadata';

let site = '';
afterEach(() => rmSync(site, { recursive: true, force: true }));

/** A 40×20 camera JPEG with GPS, stored sideways (EXIF Orientation 6: shown 20×40). */
const cameraJpeg = () =>
  sharp({ create: { width: 40, height: 20, channels: 3, background: '#a61b1b' } })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS R6' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 55/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

function write(relative: string, content: string | Buffer) {
  const file = join(site, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

describe('cleanPublishedImages', () => {
  it('removes unreferenced originals and re-encodes every other image that carries camera metadata', async () => {
    site = mkdtempSync(join(tmpdir(), 'report-strip-'));
    const camera = await cameraJpeg();
    expect(await hasCameraMetadata(write('_astro/unused.Ab12.jpg', camera))).toBe(true);
    const linked = write('_astro/linked.Cd34.jpg', camera);
    const fromPublic = write('photos/from-public.jpg', camera);
    const clean = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const preview = write('og/zh/home.png', clean);
    write('index.html', '<a href="/_astro/linked.Cd34.jpg"><img src="/photos/from-public.jpg" alt=""></a>');

    const { removed, stripped } = await cleanPublishedImages(site);
    expect(removed).toEqual(['_astro/unused.Ab12.jpg']);
    expect(stripped.sort()).toEqual(['_astro/linked.Cd34.jpg', 'photos/from-public.jpg']);
    for (const file of [linked, fromPublic]) {
      expect(await hasCameraMetadata(file), file).toBe(false);
      const { width, height, orientation } = await sharp(file).metadata();
      expect([width, height, orientation], file).toEqual([20, 40, undefined]);
    }
    expect(readFileSync(preview)).toEqual(clean);
  });
});
