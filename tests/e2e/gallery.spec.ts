import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { hasCameraMetadata } from '../../src/integrations/strip-metadata';
import { filesBelow } from '../support/link-check';
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
  await expect(opener).toBeFocused();
});

test('the close button closes the lightbox', async ({ page }) => {
  await page.goto('/democratic-oversight/');
  await page.locator('#party-day-1 a').click();
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('#party-day-1 a')).toBeFocused();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true });

  test('a swipe moves to the next and the previous photo', async ({ page }) => {
    await page.goto('/democratic-oversight/');
    await page.locator('#standing-committee-meeting a').click();
    // The viewer's code comes with the first tap: swipe once it is open.
    await expect(page.locator('dialog[data-lightbox]')).toBeVisible();
    const stage = page.locator('[data-lightbox-stage]');
    const counter = page.locator('[data-lightbox-counter]');
    const swipe = async (from: number, to: number) => {
      await stage.dispatchEvent('pointerdown', {
        clientX: from,
        clientY: 400,
        pointerType: 'touch',
        isPrimary: true,
      });
      await stage.dispatchEvent('pointerup', {
        clientX: to,
        clientY: 400,
        pointerType: 'touch',
        isPrimary: true,
      });
    };
    await swipe(300, 80);
    await expect(counter).toHaveText('2 / 4');
    await swipe(80, 300);
    await expect(counter).toHaveText('1 / 4');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each photo links to its large rendition', async ({ page }) => {
    await page.goto('/democratic-oversight/');
    const href = (await page.locator('#party-day-2 a').getAttribute('href'))!;
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/webp');
    const { width, height } = await sharp(await response.body()).metadata();
    expect(height).toBeGreaterThan(width!); // the portrait photo stored sideways comes out upright
    expect(Math.max(width!, height!)).toBeGreaterThanOrEqual(1600);
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
