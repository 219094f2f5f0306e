import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Some Astro versions mark an unresolved image() path with this prefix; others store it bare.
const IMAGE_PREFIX = '__ASTRO_IMAGE_';

interface EntryWithPhotos {
  filePath: string;
  data: Record<string, unknown>;
}

/**
 * Photos whose file is not where the frontmatter says. Astro itself fails later, in the
 * bundler, with a message that names the image but not the MDX file that asked for it.
 */
export function findMissingPhotoFiles(entries: EntryWithPhotos[], root: string): string[] {
  return entries.flatMap((entry) => {
    const photos = Array.isArray(entry.data['photos'])
      ? (entry.data['photos'] as Array<{ src?: unknown }>)
      : [];
    return photos.flatMap((photo, index) => {
      if (typeof photo.src !== 'string') return [];
      const relative = photo.src.startsWith(IMAGE_PREFIX) ? photo.src.slice(IMAGE_PREFIX.length) : photo.src;
      const file = resolve(root, dirname(entry.filePath), relative);
      return existsSync(file) ? [] : [`${entry.filePath} → photos[${index}].src: no file at ${relative}`];
    });
  });
}
