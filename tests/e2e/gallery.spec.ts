import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import { hasCameraMetadata } from '../../src/integrations/strip-metadata';
import { photosOf, type Edition } from '../support/edition';
import { filesBelow } from '../support/link-check';
import { sourceCaptions } from '../support/source';
import { WCAG_TAGS } from '../support/wcag';
import { expect, test } from './fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The section with the most photos: the gallery the viewer's tests page through. */
function largestGallery(edition: Edition) {
  const section = [...edition.sections.zh].sort((a, b) => b.photos.length - a.photos.length)[0]!;
  const en = edition.sections.en.find((s) => s.slug === section.slug)!;
  return { slug: section.slug, zh: section.photos, en: en.photos };
}

test('the photos stand where the source puts them, in both languages, captioned as it captions them', async ({
  page,
  edition,
}) => {
  for (const lang of ['zh', 'en'] as const) {
    const photos = photosOf(edition, lang);
    await page.goto(lang === 'zh' ? 'full-report/' : 'en/full-report/');
    const ids = await page.locator('figure[data-gallery-item]').evaluateAll((els) => els.map((el) => el.id));
    expect(ids).toEqual(photos.map((photo) => photo.id));
    // The cover's photos follow the lead; each section's stand in its section.
    for (const section of edition.sections[lang]) {
      await expect(page.locator(`#${section.slug} figure[data-gallery-item]`)).toHaveCount(
        section.photos.length,
      );
    }
    const captions = (await page.locator('figure figcaption [data-caption]').allTextContents()).map(
      normalize,
    );
    expect(captions).toEqual(photos.map((photo) => normalize(photo.caption)));
    // The captions the received text prints between its paragraphs, in its order.
    if (lang === 'zh')
      expect(captions.filter((c) => sourceCaptions(edition).includes(c))).toEqual(sourceCaptions(edition));
    await page.goto(lang === 'zh' ? '' : 'en/');
    await expect(page.locator('figure[data-gallery-item]')).toHaveCount(edition.report[lang].photos.length);
  }
});

test('every photo is responsive, sized, with a placeholder of its own shape, and only one on the first screen loads at once', async ({
  page,
  edition,
}) => {
  const count = photosOf(edition, 'zh').length;
  await page.goto('full-report/');
  const images = page.locator('figure picture img');
  await expect(images).toHaveCount(count);
  for (const image of await images.all()) {
    for (const attribute of ['srcset', 'sizes', 'width', 'height', 'alt']) {
      expect(await image.getAttribute(attribute), attribute).toMatch(/\S/);
    }
  }
  await expect(page.locator('figure picture source[type="image/avif"]')).toHaveCount(count);
  await expect(page.locator('figure picture source[type="image/webp"]')).toHaveCount(count);
  const photos = await page.locator('figure[data-gallery-item]').evaluateAll((figures) =>
    figures.map((figure) => {
      const image = figure.querySelector('picture img')!;
      const placeholder = figure.querySelector<HTMLImageElement>('img[data-blur-placeholder]');
      return {
        id: figure.id,
        aspect: Number(image.getAttribute('width')) / Number(image.getAttribute('height')),
        src: placeholder?.getAttribute('src') ?? '',
        alt: placeholder?.getAttribute('alt'),
      };
    }),
  );
  expect(photos).toHaveLength(count);
  for (const { id, aspect, src, alt } of photos) {
    expect(src, `${id} has no placeholder`).toMatch(/^data:image\/webp;base64,/);
    expect(alt, `${id}: a placeholder is decoration`).toBe('');
    const { width, height } = await sharp(Buffer.from(src.split(',')[1]!, 'base64')).metadata();
    // Upright like the photo (a phone's portrait is stored sideways), to within the rounding of 20 px.
    expect(Math.abs(width! / height! - aspect), `${id} placeholder ${width}×${height}`).toBeLessThan(0.1);
  }
  // On a 390 × 844 phone, a photo on the first screen loads at once; every other waits.
  for (const path of ['full-report/', '']) {
    await page.goto(path);
    const loading = await page.locator('figure picture img').evaluateAll((imgs) =>
      imgs.map((img) => ({
        onFirstScreen: img.getBoundingClientRect().top < innerHeight,
        eager: img.getAttribute('loading') === 'eager' && img.getAttribute('fetchpriority') === 'high',
        lazy: img.getAttribute('loading') === 'lazy',
      })),
    );
    expect(loading.filter((image) => image.eager).length, path).toBeLessThanOrEqual(1);
    for (const image of loading) expect(image.onFirstScreen ? image.eager : image.lazy, path).toBe(true);
  }
});

test.describe('the photo viewer', () => {
  test('opens, pages by keys and buttons, closes with Esc or its button, and gives focus back', async ({
    page,
    edition,
  }) => {
    const gallery = largestGallery(edition);
    const n = gallery.en.length;
    test.skip(n < 2, 'no gallery of two photos or more to page through');
    await page.goto(`en/${gallery.slug}/`);
    const opener = page.locator(`#${gallery.en[1]!.id} a`);
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Photo viewer' });
    await expect(dialog).toBeVisible();
    const counter = dialog.locator('[data-lightbox-counter]');
    await expect(counter).toHaveText(`2 / ${n}`);
    await expect(dialog.locator('[data-lightbox-caption]')).toHaveText(normalize(gallery.en[1]!.caption));
    await expect(dialog.locator('img')).toHaveAttribute('alt', gallery.en[1]!.alt);
    await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(`${Math.min(3, n) === 3 ? 3 : 1} / ${n}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(counter).toHaveText(`1 / ${n}`);
    await page.keyboard.press('ArrowLeft');
    await expect(counter).toHaveText(`${n} / ${n}`);
    await dialog.getByRole('button', { name: 'Next photo' }).click();
    await expect(counter).toHaveText(`1 / ${n}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    // In Chinese, its close button.
    await page.goto(`${gallery.slug}/`);
    const last = page.locator(`#${gallery.zh.at(-1)!.id} a`);
    await last.click();
    await page.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(last).toBeFocused();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

    test('a swipe moves on and back; the page holds still while it is open; Home and End go to the ends', async ({
      page,
      edition,
    }) => {
      const gallery = largestGallery(edition);
      const n = gallery.zh.length;
      test.skip(n < 2, 'no gallery of two photos or more to page through');
      await page.goto(`${gallery.slug}/`);
      const opener = page.locator(`#${gallery.zh[1]!.id} a`);
      await opener.scrollIntoViewIfNeeded();
      const before = await page.evaluate(() => scrollY);
      await opener.click();
      const stage = page.locator('[data-lightbox-stage]');
      const counter = page.locator('[data-lightbox-counter]');
      await expect(counter).toHaveText(`2 / ${n}`);
      const swipe = async (from: number, to: number) => {
        for (const [type, clientX] of [
          ['pointerdown', from],
          ['pointerup', to],
        ] as const) {
          await stage.dispatchEvent(type, { clientX, clientY: 400, pointerType: 'touch', isPrimary: true });
        }
      };
      await swipe(80, 300);
      await expect(counter).toHaveText(`1 / ${n}`);
      await swipe(300, 80);
      await expect(counter).toHaveText(`2 / ${n}`);
      await page.mouse.wheel(0, 1500);
      for (const key of ['PageDown', 'ArrowDown', 'PageUp']) await page.keyboard.press(key);
      await page.keyboard.press('End');
      await expect(counter).toHaveText(`${n} / ${n}`);
      await page.keyboard.press('Home');
      await expect(counter).toHaveText(`1 / ${n}`);
      await page.mouse.wheel(0, -1500);
      expect(await page.evaluate(() => scrollY)).toBe(before);
      await page.keyboard.press('Escape');
      await expect(opener).toBeFocused();
      await expect(opener).toBeInViewport();
    });
  });

  test('lays the photos out in rows, so the arrows follow the order the eye reads; axe finds nothing with it open', async ({
    page,
    edition,
  }) => {
    const gallery = largestGallery(edition);
    test.skip(gallery.en.length < 2, 'no gallery of two photos or more');
    await page.setViewportSize(DESKTOP);
    await page.goto(`en/${gallery.slug}/`);
    const boxes = await page
      .locator(`#${gallery.slug} [data-gallery-item]`)
      .evaluateAll((items) =>
        items.map((item) => item.getBoundingClientRect()).map(({ top, left }) => ({ top, left })),
      );
    expect(boxes).toHaveLength(gallery.en.length);
    const readingOrder = [...boxes].sort((a, b) =>
      Math.abs(a.top - b.top) < 2 ? a.left - b.left : a.top - b.top,
    );
    expect(boxes).toEqual(readingOrder);
    expect(boxes[1]!.top, 'the first two photos share a row').toBe(boxes[0]!.top);
    await page.locator(`#${gallery.en.at(-1)!.id} a`).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each photo links to its large rendition, upright', async ({ page, edition }) => {
    for (const photo of photosOf(edition, 'zh')) {
      await page.goto(photo.slug ? `${photo.slug}/` : 'full-report/');
      const href = (await page.locator(`#${photo.id} a`).getAttribute('href'))!;
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()['content-type']).toBe('image/webp');
      const large = await sharp(await response.body()).metadata();
      const source = await sharp(photo.file).metadata();
      // A phone's portrait stored sideways (EXIF orientation 5–8) comes out upright.
      const [width, height] =
        (source.orientation ?? 1) >= 5 ? [source.height!, source.width!] : [source.width!, source.height!];
      expect(Math.sign(large.width! - large.height!), `${photo.id} upright`).toBe(Math.sign(width - height));
      expect(Math.max(large.width!, large.height!), photo.id).toBeGreaterThanOrEqual(
        Math.min(1600, Math.max(width, height)),
      );
    }
  });
});

test('no published image carries camera metadata (EXIF, GPS, XMP, IPTC)', async ({ edition }) => {
  const images = filesBelow(edition.dist).filter((file) => /\.(jpe?g|png|webp|avif|tiff?)$/i.test(file));
  expect(images.length).toBeGreaterThan(photosOf(edition, 'zh').length * 3);
  const dirty: string[] = [];
  for (const file of images) if (await hasCameraMetadata(join(edition.dist, file))) dirty.push(file);
  expect(dirty).toEqual([]);
});
