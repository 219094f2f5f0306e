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

/** The source file of an image imported through content collections, where Astro records it. */
export function sourceFileOf(image: object): string | undefined {
  const path = (image as { fsPath?: unknown }).fsPath;
  return typeof path === 'string' ? path : undefined;
}
