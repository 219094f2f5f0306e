import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterBuild } from './after-build';
import sharp from 'sharp';

const IMAGE = /\.(jpe?g|png|webp|avif|tiff?)$/i;
const TEXT = /\.(html|css|js|xml|json|txt|webmanifest)$/i;

/** Whether an image still carries camera metadata (EXIF with GPS, XMP, IPTC). */
export async function hasCameraMetadata(file: string): Promise<boolean> {
  const { exif, xmp, iptc } = await sharp(file).metadata();
  return Boolean(exif || xmp || iptc);
}

/**
 * Makes a built site safe to publish, in place. Astro copies every content image's original
 * into `_astro/` even when only its resized renditions are used, and the copy keeps the
 * camera's EXIF, GPS included: such copies that no page, style or script refers to are
 * removed. Any other image still carrying metadata — one copied verbatim from `public/`, or an
 * original a page links to directly — is re-encoded upright and without it. Astro's own
 * renditions carry none, so on the report's content the second step finds nothing to do.
 */
export async function cleanPublishedImages(root: string): Promise<{ removed: string[]; stripped: string[] }> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => f.split(sep).join('/'));
  const texts = files.filter((f) => TEXT.test(f)).map((f) => readFileSync(join(root, f), 'utf8'));
  const removed: string[] = [];
  const stripped: string[] = [];
  for (const relative of files.filter((f) => IMAGE.test(f))) {
    const file = join(root, relative);
    if (relative.startsWith('_astro/') && !texts.some((text) => text.includes(basename(relative)))) {
      rmSync(file);
      removed.push(relative);
    } else if (await hasCameraMetadata(file)) {
      writeFileSync(file, await sharp(readFileSync(file)).rotate().toBuffer());
      stripped.push(relative);
    }
  }
  return { removed, stripped };
}

/** After the build: no published image keeps a location or any other camera metadata. */
export function stripImageMetadata(): AstroIntegration {
  return afterBuild('strip-image-metadata', async ({ distDir, logger }) => {
    const { removed, stripped } = await cleanPublishedImages(distDir);
    for (const file of stripped) logger.info(`removed camera metadata from ${file}`);
    logger.info(
      `${removed.length} unreferenced original images removed, ${stripped.length} cleaned of camera metadata`,
    );
  });
}
