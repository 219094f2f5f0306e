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
    // party-day-2.jpg is 4032×3024 pixels with EXIF Orientation 6: a portrait photo.
    const uri = await blurPlaceholder(join(projectRoot, 'content/photos/party-day-2.jpg'));
    expect(uri).toMatch(/^data:image\/webp;base64,/);
    expect(uri.length).toBeLessThan(1500);
    const { format, width, height } = await sharp(Buffer.from(uri.split(',')[1]!, 'base64')).metadata();
    expect(format).toBe('webp');
    expect(width).toBe(20);
    expect(height).toBeGreaterThan(width!);
  });
});
