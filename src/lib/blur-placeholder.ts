import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import sharp from 'sharp';

const cache = new Map<string, Promise<string>>();

/**
 * A ~20 px wide, blurred copy of a photo as a data: URI (a few hundred bytes), shown behind the
 * photo until it loads — no JavaScript, no extra request. Honours the EXIF orientation.
 */
export function blurPlaceholder(filePath: string): Promise<string> {
  let uri = cache.get(filePath);
  if (!uri) {
    uri = sharp(filePath)
      .rotate()
      .resize(20)
      .blur(1.2)
      .webp({ quality: 40 })
      .toBuffer()
      .then((buffer) => `data:image/webp;base64,${buffer.toString('base64')}`);
    cache.set(filePath, uri);
  }
  return uri;
}

/**
 * The source file of a photo listed in a content entry: the `src` its frontmatter gives,
 * relative to the entry's file, as the schema's `image()` reads it. `entryFile` is the entry's
 * `filePath` (relative to `root`, the project). Throws, naming the file, where the entry lists
 * no such photo — a gallery without its placeholder is a bug to stop on, not to ship.
 */
export async function photoSourceFile(entryFile: string, photoId: string, root: string): Promise<string> {
  const file = resolve(root, entryFile);
  const { frontmatter } = parseFrontmatter(await readFile(file, 'utf8'));
  const photos: unknown = frontmatter['photos'];
  const photo = Array.isArray(photos)
    ? (photos as Array<{ id?: unknown; src?: unknown }>).find((p) => p?.id === photoId)
    : undefined;
  if (typeof photo?.src !== 'string') {
    throw new Error(`${entryFile} → photos: no photo "${photoId}" with a src, so it has no placeholder`);
  }
  return resolve(dirname(file), photo.src);
}
