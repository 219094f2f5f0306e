import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { hasCameraMetadata } from '../../src/integrations/strip-metadata';
import { filesBelow } from '../support/link-check';
import { sectionGalleries } from '../support/content-stats';
import { PHOTO_CAPTIONS } from '../support/source';
import { WCAG_TAGS } from '../support/wcag';

const DIST = join(import.meta.dirname, '../../dist');
const OVERSIGHT_PHOTOS = ['standing-committee-meeting', 'sector-work-meeting', 'party-day-1', 'party-day-2'];

test('the five photos stand where the source puts them, in both languages', async ({ page }) => {
  for (const prefix of ['', '/en']) {
    await page.goto(`${prefix}/full-report/`);
    const ids = await page.locator('figure[data-gallery-item]').evaluateAll((els) => els.map((el) => el.id));
    expect(ids).toEqual(['proposal-research', ...OVERSIGHT_PHOTOS]);
    // The cover photo follows the lead; the other four follow the democratic-oversight text.
    await expect(page.locator('#democratic-oversight figure[data-gallery-item]')).toHaveCount(4);
    await page.goto(`${prefix}/`);
    await expect(page.locator('figure[data-gallery-item]')).toHaveCount(1);
  }
  await page.goto('/full-report/');
  const captions = await page.locator('figure figcaption [data-caption]').allTextContents();
  expect(captions).toEqual([
    PHOTO_CAPTIONS[0],
    PHOTO_CAPTIONS[1],
    PHOTO_CAPTIONS[2],
    PHOTO_CAPTIONS[3],
    PHOTO_CAPTIONS[3],
  ]);
});

test('every photo is responsive and sized, and only a photo on the first screen loads at once', async ({
  page,
}) => {
  await page.goto('/full-report/');
  const images = page.locator('figure picture img');
  await expect(images).toHaveCount(5);
  for (const image of await images.all()) {
    for (const attribute of ['srcset', 'sizes', 'width', 'height', 'alt']) {
      expect(await image.getAttribute(attribute), attribute).toMatch(/\S/);
    }
  }
  await expect(page.locator('figure picture source[type="image/avif"]')).toHaveCount(5);
  await expect(page.locator('figure picture source[type="image/webp"]')).toHaveCount(5);
  // On a 390 × 844 phone: the full report's cover photo shows on the first screen; on the home
  // page the headline figures and the contents come first, so no photo competes with them.
  for (const [path, eager] of [
    ['/full-report/', 1],
    ['/', 0],
  ] as const) {
    await page.goto(path);
    const loading = await page.locator('figure picture img').evaluateAll((imgs) =>
      imgs.map((img) => ({
        onFirstScreen: img.getBoundingClientRect().top < innerHeight,
        eager: img.getAttribute('loading') === 'eager' && img.getAttribute('fetchpriority') === 'high',
        lazy: img.getAttribute('loading') === 'lazy',
      })),
    );
    expect(
      loading.filter((image) => image.eager),
      path,
    ).toHaveLength(eager);
    for (const image of loading) expect(image.onFirstScreen ? image.eager : image.lazy, path).toBe(true);
  }
});

test('every photo has an inline blurred placeholder of its own shape behind it', async ({ page }) => {
  await page.goto('/full-report/');
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
  expect(photos).toHaveLength(5);
  for (const { id, aspect, src, alt } of photos) {
    expect(src, `${id} has no placeholder`).toMatch(/^data:image\/webp;base64,/);
    expect(alt, `${id}: a placeholder is decoration`).toBe('');
    const { width, height } = await sharp(Buffer.from(src.split(',')[1]!, 'base64')).metadata();
    // Upright like the photo (party-day-2 is stored sideways), to within the rounding of 20 px.
    expect(Math.abs(width! / height! - aspect), `${id} placeholder ${width}×${height}`).toBeLessThan(0.1);
  }
});

test('the lightbox opens, pages by keys and buttons, closes with Esc, and gives focus back', async ({
  page,
}) => {
  await page.goto('/en/democratic-oversight/');
  const opener = page.locator('#sector-work-meeting a');
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Photo viewer' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-lightbox-counter]')).toHaveText('2 / 4');
  await expect(dialog.locator('[data-lightbox-caption]')).toHaveText(
    'The Chaoyang District CPPCC holds a meeting on the work of its sectors',
  );
  await expect(dialog.locator('img')).toHaveAttribute('alt', /oval conference table/);
  await page.keyboard.press('ArrowRight');
  await expect(dialog.locator('[data-lightbox-counter]')).toHaveText('3 / 4');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.locator('[data-lightbox-counter]')).toHaveText('1 / 4');
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.locator('[data-lightbox-counter]')).toHaveText('4 / 4');
  await dialog.getByRole('button', { name: 'Next photo' }).click();
  await expect(dialog.locator('[data-lightbox-counter]')).toHaveText('1 / 4');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Back on the photo last viewed, not the one opened.
  await expect(page.locator('#standing-committee-meeting a')).toBeFocused();
});

test('the close button closes the lightbox', async ({ page }) => {
  await page.goto('/democratic-oversight/');
  await page.locator('#party-day-1 a').click();
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('#party-day-1 a')).toBeFocused();
});

/** The first section whose gallery has at least `count` photos, found from the content. */
function galleryOf(count: number) {
  return sectionGalleries('zh').find((section) => section.photos.length >= count);
}

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('a one-finger swipe moves to the next and the previous photo', async ({ page }) => {
    const gallery = galleryOf(2);
    test.skip(!gallery, 'no gallery of two photos in this edition');
    await page.goto(`/${gallery!.slug}/`);
    await page.locator(`#${gallery!.photos[0]} a`).click();
    // The viewer's code comes with the first tap: swipe once it is open.
    await expect(page.locator('dialog[data-lightbox]')).toBeVisible();
    const counter = page.locator('[data-lightbox-counter]');
    const cdp = await page.context().newCDPSession(page);
    // Real touches, through the browser's input pipeline, as a finger makes them.
    const swipe = async (from: number, to: number) => {
      const at = (x: number) => [{ x, y: 400, id: 1 }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(from) });
      for (let step = 1; step <= 5; step++)
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: at(from + ((to - from) * step) / 5),
        });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const total = gallery!.photos.length;
    await swipe(300, 80);
    await expect(counter).toHaveText(`2 / ${total}`);
    await swipe(80, 300);
    await expect(counter).toHaveText(`1 / ${total}`);
  });

  test('the photo fills the phone’s width, and two fingers zoom into it', async ({ page }) => {
    const gallery = galleryOf(1);
    test.skip(!gallery, 'no photo in any section of this edition');
    await page.goto(`/${gallery!.slug}/`);
    await page.locator(`#${gallery!.photos[0]} a`).click();
    const image = page.locator('dialog[data-lightbox] img');
    await expect(image).toBeVisible();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeTruthy();
    const drawn = await image.evaluate((img: HTMLImageElement) => {
      // object-fit: contain draws the photo at the largest size its box allows.
      const box = img.getBoundingClientRect();
      const scale = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
      return {
        box: box.width,
        width: img.naturalWidth * scale,
        height: img.naturalHeight * scale,
        boxHeight: box.height,
      };
    });
    expect(drawn.box).toBeCloseTo(390, 0);
    // As wide as the screen, unless the photo is so tall that the screen's height limits it.
    expect(drawn.width >= 389 || drawn.height >= drawn.boxHeight - 1, JSON.stringify(drawn)).toBe(true);

    // Two fingers spread apart over the photo, as real touches: the browser zooms in.
    const box = (await image.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const fingers = (apart: number) => [
      { x: x - apart, y, id: 1 },
      { x: x + apart, y, id: 2 },
    ];
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
    for (let apart = 30; apart <= 150; apart += 10)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(apart) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => page.evaluate(() => visualViewport!.scale)).toBeGreaterThan(1.5);
    await expect(image).toBeVisible();
  });
});

test('closing the viewer returns focus and scroll to the photo last viewed', async ({ page }) => {
  const gallery = galleryOf(2);
  test.skip(!gallery, 'no gallery of two photos in this edition');
  const steps = Math.min(2, gallery!.photos.length - 1);
  await page.goto(`/${gallery!.slug}/`);
  await page.locator(`#${gallery!.photos[0]} a`).click();
  // The viewer's code comes with the first tap: page through it once it is open.
  await expect(page.locator('dialog[data-lightbox]')).toBeVisible();
  for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  const last = page.locator(`#${gallery!.photos[steps]} a`);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
});

for (const { width, height } of [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]) {
  test(`galleries are justified rows at ${width} px: one height a row, no holes, every photo readable`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const sections = sectionGalleries('en').filter((section) => section.photos.length > 0);
    expect(sections.length, 'sections with photos in the content').toBeGreaterThan(0);
    for (const { slug, photos } of sections) {
      await page.goto(`/en/${slug}/`);
      const gallery = page.locator(`#${slug} [data-gallery]`);
      const layout = await gallery.evaluate((element) => {
        const frame = element.firstElementChild!.getBoundingClientRect();
        const images = [...element.querySelectorAll<HTMLElement>('[data-gallery-item] picture img')];
        return {
          frame: { left: frame.left, right: frame.right, width: frame.width },
          photos: images.map((img) => {
            const { top, left, right, width, height } = img.getBoundingClientRect();
            return { id: img.closest('figure')!.id, top, left, right, width, height };
          }),
        };
      });
      expect(layout.photos.map((photo) => photo.id)).toEqual(photos);
      const rows = Object.values(Object.groupBy(layout.photos, (photo) => Math.round(photo.top)));
      for (const row of rows) {
        const heights = row!.map((photo) => photo.height);
        expect(Math.max(...heights) - Math.min(...heights), `${slug}: one height in a row`).toBeLessThan(1.5);
        // The row spans the gallery, or (a row that would be too tall) stands centred in it.
        const left = row![0]!.left - layout.frame.left;
        const right = layout.frame.right - row!.at(-1)!.right;
        expect(Math.abs(left - right), `${slug}: row centred, no hole at one side`).toBeLessThan(2);
        for (const photo of row!) {
          expect(photo.width, `${slug}: ${photo.id} wide enough to read`).toBeGreaterThanOrEqual(
            layout.frame.width * 0.28,
          );
          // Not a stack of screen-high photos: each takes at most half the screen's height.
          expect(photo.height, `${slug}: ${photo.id} at most half a screen`).toBeLessThanOrEqual(height / 2);
        }
      }
    }
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a photo opens in a view with its caption and a way back', async ({ page }) => {
    const gallery = galleryOf(1);
    test.skip(!gallery, 'no photo in any section of this edition');
    for (const prefix of ['', '/en']) {
      await page.goto(`${prefix}/${gallery!.slug}/`);
      const figure = page.locator(`#${gallery!.photos.at(-1)}`);
      const caption = (await figure.locator('figcaption [data-caption]').innerText()).trim();
      await figure.locator('a').first().click();
      const view = page.locator('[data-photo-view]:visible');
      await expect(view).toHaveCount(1);
      await expect(view).toContainText(caption);
      const photo = view.locator('img');
      await expect(photo).toHaveAttribute('alt', /\S/);
      await expect
        .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(1000);
      // The view covers the screen; its way back returns to the photo, in place.
      expect(await view.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
      await view.getByRole('link').click();
      await expect(view).toHaveCount(0);
      await expect(page).toHaveURL(new RegExp(`#${gallery!.photos.at(-1)}$`));
      await expect(figure).toBeInViewport();
    }
  });
});

test('axe finds nothing with the lightbox open', async ({ page }) => {
  await page.goto('/democratic-oversight/');
  await page.locator('#party-day-2 a').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('no published image carries camera metadata (EXIF, GPS, XMP, IPTC)', async () => {
  const images = filesBelow(DIST).filter((file) => /\.(jpe?g|png|webp|avif|tiff?)$/i.test(file));
  expect(images.length).toBeGreaterThan(20);
  const dirty: string[] = [];
  for (const file of images) if (await hasCameraMetadata(join(DIST, file))) dirty.push(file);
  expect(dirty).toEqual([]);
});

test('the source photos do carry GPS, so the scan above has something to catch', async () => {
  const source = join(import.meta.dirname, '../../content/photos/party-day-1.jpg');
  expect(await hasCameraMetadata(source)).toBe(true);
});
