import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { isLang } from '../lib/i18n';
import { SHARE_CARD_ROUTE, shareImageFile } from '../lib/site-files';
import { settle } from './page-ready';

/*
 * Each page's share preview: the build renders the share cards as pages
 * (src/pages/og-card/[lang]/[card].astro, in the site's tokens and subset web fonts), and this
 * screenshots each into og/<lang>/<card>.png at 1200 × 630, then removes the pages.
 */

/**
 * Steps a card's heading down until the card holds it (long English titles need a smaller
 * size); a card that cannot hold its text at all stops the build rather than ship clipped.
 */
async function fitHeading(page: Page, card: string) {
  const fits = await page.evaluate(() => {
    const heading = document.querySelector<HTMLElement>('[data-share-card] [data-fit-text]');
    const box = heading?.closest<HTMLElement>('[data-fit]');
    if (!heading || !box) return false;
    const overflows = () => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
    for (let size = parseFloat(getComputedStyle(heading).fontSize); overflows() && size > 30; size -= 2) {
      heading.style.fontSize = `${size - 2}px`;
    }
    const card = document.querySelector<HTMLElement>('[data-share-card]')!;
    return !overflows() && card.scrollHeight <= card.clientHeight && card.scrollWidth <= card.clientWidth;
  });
  if (!fits) throw new Error(`The share preview ${card} cannot hold its text at 1200 × 630`);
}

/** Screenshots each share-card page into its PNG, then removes the pages. */
export async function renderSharePreviews(
  browser: Browser,
  siteUrl: string,
  distDir: string,
  logger: AstroIntegrationLogger,
) {
  const root = join(distDir, SHARE_CARD_ROUTE);
  const cards = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => file.split(/[\\/]/).slice(0, 2) as [string, string]);
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, colorScheme: 'light' });
  // Tests read what each preview shows from its page as screenshotted (tests/README.md, "sharing").
  const keep = process.env['REPORT_SHARE_CARDS_DIR'];
  for (const [lang, card] of cards) {
    if (!isLang(lang)) continue;
    await page.goto(new URL(`${SHARE_CARD_ROUTE}/${lang}/${card}/`, siteUrl).href, { waitUntil: 'load' });
    await settle(page);
    await fitHeading(page, `${lang}/${card}`);
    const target = join(distDir, shareImageFile(lang, card));
    if (keep) {
      mkdirSync(join(keep, lang, card), { recursive: true });
      writeFileSync(join(keep, lang, card, 'index.html'), await page.content());
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await page.screenshot({ type: 'png' }));
  }
  await page.close();
  rmSync(root, { recursive: true, force: true });
  logger.info(`${cards.length} share previews rendered`);
}
