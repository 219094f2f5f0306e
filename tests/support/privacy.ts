import type { ConsoleMessage, Page, Request } from '@playwright/test';
import { settle } from '../../src/integrations/page-ready';

/**
 * Visits every path on `origin` with every image loaded (lazy ones too) and returns what
 * should stay empty: requests that left the origin, and anything the Content-Security-Policy
 * refused, and any complaint of the browser about the policy or the Permissions-Policy.
 */
export async function offOriginAndRefused(page: Page, origin: string, paths: readonly string[]) {
  const foreign: string[] = [];
  const refused: string[] = [];
  const onRequest = (request: Request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(`${page.url()} → ${url}`);
  };
  const onConsole = (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to|Permissions-Policy/i.test(message.text()))
      refused.push(`${page.url()}: ${message.text()}`);
  };
  page.on('request', onRequest);
  page.on('console', onConsole);
  try {
    for (const path of paths) {
      await page.goto(new URL(path, origin).href);
      // Every image asked for now, rather than as the reader scrolls to it, and all settled:
      // what a page asks for is then all asked (the build's own wait, before it prints).
      await settle(page);
    }
  } finally {
    // The page is the worker's, reused by the next test.
    page.off('request', onRequest);
    page.off('console', onConsole);
  }
  return { foreign, refused };
}
