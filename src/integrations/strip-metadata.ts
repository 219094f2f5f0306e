import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';

const IMAGE = /\.(jpe?g|png|webp|avif|tiff?)$/i;
const TEXT = /\.(html|css|js|xml|json|txt|webmanifest)$/i;

/** Whether a published image still carries camera metadata (EXIF with GPS, XMP, IPTC). */
export async function hasCameraMetadata(file: string): Promise<boolean> {
  const { exif, xmp, iptc } = await sharp(file).metadata();
  return Boolean(exif || xmp || iptc);
}

/**
 * Astro copies every content image's original into dist/_astro even when only its resized
 * renditions are used, and the copy keeps the camera's EXIF, GPS included. After the build
 * this removes such copies that nothing refers to, and re-encodes any image still carrying
 * metadata upright and without it, so no build can publish a location.
 */
export function stripImageMetadata(): AstroIntegration {
  return {
    name: 'strip-image-metadata',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, encoding: 'utf8' });
        const texts = files.filter((f) => TEXT.test(f)).map((f) => readFileSync(join(root, f), 'utf8'));
        let removed = 0;
        let stripped = 0;
        for (const relative of files.filter((f) => IMAGE.test(f))) {
          const file = join(root, relative);
          const name = basename(relative);
          if (relative.startsWith('_astro') && !texts.some((text) => text.includes(name))) {
            rmSync(file);
            removed += 1;
            continue;
          }
          if (!(await hasCameraMetadata(file))) continue;
          writeFileSync(file, await sharp(readFileSync(file)).rotate().toBuffer());
          stripped += 1;
          logger.info(`removed camera metadata from ${relative}`);
        }
        logger.info(
          `${removed} unreferenced original images removed, ${stripped} cleaned of camera metadata`,
        );
      },
    },
  };
}
