import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sharp from 'sharp';

// Some Astro versions mark an unresolved image() path with this prefix; others store it bare.
const IMAGE_PREFIX = '__ASTRO_IMAGE_';

/** Photo formats the pipeline turns into AVIF, WebP and JPEG renditions. */
const PHOTO_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'tiff'];

/** A photo must stay sharp in the lightbox and on paper. */
const MIN_LONG_EDGE = 1200;

interface EntryWithPhotos {
  filePath: string;
  /** While content loads, a photo's `src` is still its file's path. */
  data: { photos: ReadonlyArray<{ src: unknown }> };
}

async function problemWith(file: string): Promise<string | undefined> {
  if (!existsSync(file)) return 'no file at';
  try {
    const { format, width = 0, height = 0 } = await sharp(file).metadata();
    if (!format || !PHOTO_FORMATS.includes(format)) return `unsupported format (${format ?? 'unknown'}) in`;
    const longEdge = Math.max(width, height);
    if (longEdge < MIN_LONG_EDGE) return `long edge ${longEdge} px is below ${MIN_LONG_EDGE} px in`;
  } catch {
    return 'not an image that can be read:';
  }
  return undefined;
}

/**
 * Photos whose file is missing, unreadable, of an unsupported format or too small. Astro
 * itself fails later on a missing file, in the bundler, without naming the MDX file.
 */
export async function findPhotoFileProblems(entries: EntryWithPhotos[], root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of entries) {
    for (const [index, photo] of entry.data.photos.entries()) {
      if (typeof photo.src !== 'string') continue;
      const relative = photo.src.startsWith(IMAGE_PREFIX) ? photo.src.slice(IMAGE_PREFIX.length) : photo.src;
      const problem = await problemWith(resolve(root, dirname(entry.filePath), relative));
      if (problem) problems.push(`${entry.filePath} → photos[${index}].src: ${problem} ${relative}`);
    }
  }
  return problems;
}
