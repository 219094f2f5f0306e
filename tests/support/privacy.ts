import type { Page } from '@playwright/test';

/**
 * Visits every path on `origin` (scrolled to the end, so lazy images load too) and returns
 * what should stay empty: requests that left the origin, and anything the Content-Security-Policy
 * refused, and any complaint of the browser about the policy or the Permissions-Policy.
 */
export async function offOriginAndRefused(page: Page, origin: string, paths: readonly string[]) {
  const foreign: string[] = [];
  const refused: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(`${page.url()} → ${url}`);
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to|Permissions-Policy/i.test(message.text()))
      refused.push(`${page.url()}: ${message.text()}`);
  });
  for (const path of paths) {
    await page.goto(new URL(path, origin).href, { waitUntil: 'networkidle' });
    await page.mouse.wheel(0, 20_000); // lazy images too
    await page.waitForLoadState('networkidle');
  }
  return { foreign, refused };
}
