import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';

const IMAGE = /\.(jpe?g|png|webp|avif|tiff?)$/i;

/** Whether a published image still carries camera metadata (EXIF with GPS, XMP, IPTC). */
export async function hasCameraMetadata(file: string): Promise<boolean> {
  const { exif, xmp, iptc } = await sharp(file).metadata();
  return Boolean(exif || xmp || iptc);
}

/**
 * Astro's resized images carry no metadata, but a file it copies through unprocessed (an
 * original referenced directly) keeps the camera's EXIF, GPS included. This re-encodes any
 * such image in `dist/` upright and without metadata, so no build can publish a location.
 */
export function stripImageMetadata(): AstroIntegration {
  return {
    name: 'strip-image-metadata',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const images = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => IMAGE.test(f));
        let stripped = 0;
        for (const relative of images) {
          const file = join(root, relative);
          if (!(await hasCameraMetadata(file))) continue;
          const clean = await sharp(readFileSync(file)).rotate().toBuffer();
          writeFileSync(file, clean);
          stripped += 1;
          logger.info(`removed camera metadata from ${relative}`);
        }
        logger.info(`${images.length} images checked, ${stripped} cleaned of camera metadata`);
      },
    },
  };
}
