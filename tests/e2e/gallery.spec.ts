import { join } from 'node:path';
import sharp from 'sharp';
import { hasCameraMetadata } from '../../src/integrations/strip-metadata';
import { photosOf, type Edition } from '../support/edition';
import { filesBelow } from '../support/link-check';
import { sourceCaptions } from '../support/source';
import { axe } from '../support/checkers';
import { expect, test, type Page } from './fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Real touches, through the browser's input pipeline, as fingers make them (CDP). */
async function touches(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (
    type: 'touchStart' | 'touchMove' | 'touchEnd',
    touchPoints: Array<{ x: number; y: number; id: number }>,
  ) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
  return {
    /** One finger from x = `from` to x = `to`, in five moves. */
    swipe: async (from: number, to: number) => {
      const at = (x: number) => [{ x, y: 400, id: 1 }];
      await send('touchStart', at(from));
      for (let step = 1; step <= 5; step++) await send('touchMove', at(from + ((to - from) * step) / 5));
      await send('touchEnd', []);
    },
    /** Two fingers spread apart around (x, y). */
    spread: async (x: number, y: number) => {
      const fingers = (apart: number) => [
        { x: x - apart, y, id: 1 },
        { x: x + apart, y, id: 2 },
      ];
      await send('touchStart', fingers(20));
      for (let apart = 30; apart <= 150; apart += 10) await send('touchMove', fingers(apart));
      await send('touchEnd', []);
    },
  };
}

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
  test('opens, pages by keys and buttons, closes with Esc or its button, and gives focus back to the photo last viewed', async ({
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
    // Back on the photo last viewed (the first), not the one opened, and in view.
    const lastViewed = page.locator(`#${gallery.en[0]!.id} a`);
    await expect(lastViewed).toBeFocused();
    await expect(lastViewed).toBeInViewport();
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

    test('a one-finger swipe moves on and back; the page holds still while it is open; Home and End go to the ends', async ({
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
      const counter = page.locator('[data-lightbox-counter]');
      await expect(counter).toHaveText(`2 / ${n}`);
      const { swipe } = await touches(page);
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
      // Back on the photo last viewed (the first, after Home).
      const lastViewed = page.locator(`#${gallery.zh[0]!.id} a`);
      await expect(lastViewed).toBeFocused();
      await expect(lastViewed).toBeInViewport();
    });

    test('the photo fills the phone’s width, and two fingers zoom into it', async ({ page, edition }) => {
      const gallery = largestGallery(edition);
      test.skip(gallery.zh.length === 0, 'no photo in any section of this edition');
      await page.goto(`${gallery.slug}/`);
      await page.locator(`#${gallery.zh[0]!.id} a`).click();
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
      expect(drawn.box).toBeCloseTo(PHONE.width, 0);
      // As wide as the screen, unless the photo is so tall that the screen's height limits it.
      expect(
        drawn.width >= PHONE.width - 1 || drawn.height >= drawn.boxHeight - 1,
        JSON.stringify(drawn),
      ).toBe(true);
      // Two fingers spread apart over the photo: the browser zooms in.
      const box = (await image.boundingBox())!;
      await (await touches(page)).spread(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => page.evaluate(() => visualViewport!.scale)).toBeGreaterThan(1.5);
      await expect(image).toBeVisible();
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
    const results = await axe(page);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});

for (const { width, height } of [PHONE, { width: 1280, height: 900 }]) {
  test(`galleries are justified rows at ${width} px: one height a row, no holes, every photo readable`, async ({
    page,
    edition,
  }) => {
    await page.setViewportSize({ width, height });
    const sections = edition.sections.en.filter((section) => section.photos.length > 0);
    expect(sections.length, 'sections with photos in the content').toBeGreaterThan(0);
    for (const { slug, photos } of sections) {
      await page.goto(`en/${slug}/`);
      const layout = await page.locator(`#${slug} [data-gallery]`).evaluate((element) => {
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
      expect(layout.photos.map((photo) => photo.id)).toEqual(photos.map((photo) => photo.id));
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

  test('each photo links to a view of its own, showing its large rendition, upright, a phone’s screen wide', async ({
    page,
    edition,
  }) => {
    const photos = photosOf(edition, 'zh');
    for (const path of new Set(photos.map((photo) => (photo.slug ? `${photo.slug}/` : 'full-report/')))) {
      await page.goto(path);
      for (const photo of photos.filter((p) => (p.slug ? `${p.slug}/` : 'full-report/') === path)) {
        await expect(page.locator(`#${photo.id} a`)).toHaveAttribute('href', `#${photo.id}-view`);
        const src = (await page.locator(`#${photo.id}-view img`).getAttribute('src'))!;
        // The viewer, once it has come, shows the same rendition.
        await expect(page.locator(`#${photo.id} a`)).toHaveAttribute('data-lightbox-large', src);
        const response = await page.request.get(src);
        expect(response.status(), src).toBe(200);
        expect(response.headers()['content-type']).toBe('image/webp');
        const large = await sharp(await response.body()).metadata();
        const source = await sharp(photo.file).metadata();
        // A phone's portrait stored sideways (EXIF orientation 5–8) comes out upright.
        const [width, height] =
          (source.orientation ?? 1) >= 5 ? [source.height!, source.width!] : [source.width!, source.height!];
        expect(Math.sign(large.width! - large.height!), `${photo.id} upright`).toBe(
          Math.sign(width - height),
        );
        // At least a phone's screen (390 CSS px) at 3 device pixels, where the photo has as many.
        expect(large.width!, photo.id).toBeGreaterThanOrEqual(Math.min(390 * 3, width));
      }
    }
  });

  test('a photo opens in a view with its caption and a way back', async ({ page, edition }) => {
    const gallery = largestGallery(edition);
    test.skip(gallery.zh.length === 0, 'no photo in any section of this edition');
    for (const lang of ['zh', 'en'] as const) {
      const photo = gallery[lang].at(-1)!;
      await page.goto(`${lang === 'zh' ? '' : 'en/'}${gallery.slug}/`);
      const figure = page.locator(`#${photo.id}`);
      await figure.locator('a').first().click();
      const view = page.locator('[data-photo-view]:visible');
      await expect(view).toHaveCount(1);
      await expect(view).toContainText(normalize(photo.caption));
      const image = view.locator('img');
      await expect(image).toHaveAttribute('alt', photo.alt);
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
      // The view covers the screen; its way back returns to the photo, in place.
      expect(await view.boundingBox()).toEqual({ x: 0, y: 0, ...PHONE });
      await view.getByRole('link').click();
      await expect(view).toHaveCount(0);
      await expect(page).toHaveURL(new RegExp(`#${photo.id}$`));
      await expect(figure).toBeInViewport();
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
