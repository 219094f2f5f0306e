import type { ImageOutputFormat, LocalImageService } from 'astro';
import sharpService, {
  resolveSharpEncoderOptions,
  type SharpImageServiceConfig,
} from 'astro/assets/services/sharp';
import sharp, { type OutputInfo } from 'sharp';

/*
 * Astro's sharp service, less two thirds of its work: each photo is decoded and resized once
 * per size, and that size's AVIF, WebP and JPEG are encoded from the same pixels. Decoding a
 * camera's 12-megapixel JPEG costs more than encoding a rendition of it, and the service would
 * do it once per format. Everything else (animations, SVG, a background, another format) goes
 * to Astro's service as it is.
 */

const ENCODED_HERE = new Set(['avif', 'webp', 'jpeg', 'jpg']);

type Pixels = { data: Buffer; info: OutputInfo };

/** Per source photo (the one buffer Astro reads it into), its pixels at each size asked for. */
const sizes = new WeakMap<Uint8Array, Map<string, Promise<Pixels | undefined>>>();

/** The photo rotated upright and resized as Astro's service would, as raw pixels; undefined for what it alone handles. */
async function pixels(
  input: Uint8Array,
  width: number,
  height: number | undefined,
  config: SharpImageServiceConfig,
): Promise<Pixels | undefined> {
  const source = sharp(input, { failOn: 'none', limitInputPixels: config.limitInputPixels });
  const { format, pages = 1 } = await source.metadata();
  if (pages > 1 || format === 'svg' || format === 'gif') return undefined;
  const resized = source.rotate().resize({ width, height, kernel: config.kernel, withoutEnlargement: true });
  return resized.raw().toBuffer({ resolveWithObject: true });
}

const service: LocalImageService<SharpImageServiceConfig> = {
  ...sharpService,
  async transform(input, transform, config, logger) {
    const { width, height, format, quality, fit, position, background } = transform;
    if (!ENCODED_HERE.has(format) || !width || fit || position || background)
      return sharpService.transform(input, transform, config, logger);
    const key = `${Math.round(width)}x${height ? Math.round(height) : ''}`;
    const bySize = sizes.get(input) ?? new Map<string, Promise<Pixels | undefined>>();
    sizes.set(input, bySize);
    if (!bySize.has(key))
      bySize.set(key, pixels(input, Math.round(width), height && Math.round(height), config.service.config));
    const image = await bySize.get(key)!;
    if (!image) return sharpService.transform(input, transform, config, logger);
    // The source's format matters to Astro's options for GIFs alone, which its service encodes.
    const options = resolveSharpEncoderOptions({ format, quality }, undefined, config.service.config);
    const { channels, width: w, height: h } = image.info;
    const { data, info } = await sharp(image.data, { raw: { width: w, height: h, channels } })
      .toFormat(format, options)
      .toBuffer({ resolveWithObject: true });
    return { data, format: info.format as ImageOutputFormat };
  },
};

export default service;
