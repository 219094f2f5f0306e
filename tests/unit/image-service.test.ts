import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import service from '../../src/image-service';

const logger = { info() {}, warn() {}, error() {}, debug() {} } as never;
// Encoder settings of the kind the site uses; the two services read the same ones.
const imageConfig = {
  service: {
    entrypoint: '',
    config: { avif: { effort: 0, chromaSubsampling: '4:2:0' }, webp: { effort: 2 } },
  },
} as never;

/** A photo as a camera writes it: pixels lying on their side, stood up by the EXIF orientation. */
async function cameraPhoto() {
  const [width, height] = [360, 240];
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919 + (i % width) * 31) % 251;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const decoded = async (data: Uint8Array) => {
  const { data: pixels, info } = await sharp(data).raw().toBuffer({ resolveWithObject: true });
  return { pixels: pixels.toString('base64'), width: info.width, height: info.height };
};

describe('the photo renditions’ service', () => {
  it('makes each rendition Astro’s sharp service makes, every format at every size', async () => {
    const photo = await cameraPhoto();
    for (const width of [200, 120])
      for (const format of ['avif', 'webp', 'jpeg', 'jpg']) {
        const transform = { src: 'photo.jpg', width, height: Math.round(width * 1.5), format, quality: 80 };
        const ours = await service.transform(photo, transform, imageConfig, logger);
        const astros = await sharpService.transform(photo, transform, imageConfig, logger);
        expect(ours.format, `${format} at ${width}`).toBe(astros.format);
        expect(await decoded(ours.data), `${format} at ${width}`).toEqual(await decoded(astros.data));
      }
  });

  it('leaves what it does not encode itself to Astro’s service', async () => {
    const photo = await cameraPhoto();
    const transform = { src: 'photo.jpg', width: 100, format: 'png' };
    const ours = await service.transform(photo, transform, imageConfig, logger);
    const astros = await sharpService.transform(photo, transform, imageConfig, logger);
    expect(Buffer.from(ours.data).equals(Buffer.from(astros.data))).toBe(true);
  });
});
