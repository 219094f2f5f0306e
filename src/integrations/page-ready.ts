import type { Page } from 'playwright-core';

/** Waits until every image is decoded and every web font the page uses has loaded, or says which failed. */
export async function settle(page: Page) {
  const failedFonts = await page.evaluate(async () => {
    for (const image of document.images) image.loading = 'eager';
    await Promise.all(
      [...document.images].map((image) =>
        image.complete
          ? image.decode().catch(() => undefined)
          : new Promise((done) => (image.onload = image.onerror = done)),
      ),
    );
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.status === 'error').map((font) => font.family);
  });
  if (failedFonts.length > 0)
    throw new Error(`Web fonts failed to load on ${page.url()}: ${failedFonts.join(', ')}`);
}
