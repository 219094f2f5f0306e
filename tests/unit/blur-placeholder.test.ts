import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blurPlaceholder, photoSourceFile } from '../../src/lib/blur-placeholder';
import { projectRoot } from '../support/astro-cli';

const ENTRY = 'tests/fixtures/content/valid/sections/zh/alpha.mdx';

describe('photoSourceFile', () => {
  it('finds a photo’s file from the frontmatter of the entry that lists it, relative to that entry', async () => {
    expect(await photoSourceFile(ENTRY, 'meeting', projectRoot)).toBe(
      join(projectRoot, 'tests/fixtures/content/valid/photos/meeting.jpg'),
    );
  });

  it('stops, naming the entry, where the entry lists no such photo', async () => {
    await expect(photoSourceFile(ENTRY, 'elsewhere', projectRoot)).rejects.toThrow(
      `${ENTRY} → photos: no photo "elsewhere" with a src`,
    );
  });
});

describe('blurPlaceholder', () => {
  it('is a tiny inline WebP, upright where the camera stored the photo sideways', async () => {
    // A portrait as phones store it: landscape pixels, EXIF Orientation 6 ("turn to display").
    const dir = mkdtempSync(join(tmpdir(), 'sideways-'));
    const file = join(dir, 'portrait.jpg');
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#a61b1b' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toFile(file);
    const uri = await blurPlaceholder(file);
    rmSync(dir, { recursive: true, force: true });
    expect(uri).toMatch(/^data:image\/webp;base64,/);
    expect(uri.length).toBeLessThan(1500);
    const { format, width, height } = await sharp(Buffer.from(uri.split(',')[1]!, 'base64')).metadata();
    expect(format).toBe('webp');
    expect(width).toBe(20);
    expect(height).toBeGreaterThan(width!);
  });
});
