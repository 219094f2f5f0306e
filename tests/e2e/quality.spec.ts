import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { equalAccessViolations, htmlcsErrors } from '../support/checkers';
import { checkLinks, filesBelow } from '../support/link-check';
import { offOriginAndRefused } from '../support/privacy';
import { WCAG_TAGS } from '../support/wcag';
import { ALL_PAGES } from './site';

const DIST = join(import.meta.dirname, '../../dist');
const SITE = 'https://review.example.org';
/** The pages of dist/, checked to be exactly the site's pages and 404 (no leftover share-card page). */
function htmlFiles(): string[] {
  const files = filesBelow(DIST)
    .filter((file) => file.endsWith('.html'))
    .sort();
  const expected = [
    ...ALL_PAGES.map(({ path }) => `${path.slice(1)}index.html`),
    '404.html',
    'en/404.html',
  ].sort();
  expect(files, 'the HTML files of dist/').toEqual(expected);
  return files;
}

// axe on every page at both widths, light and dark (in the dark, the rules that read colours);
// HTML_CodeSniffer and IBM Equal Access in the same page loads, on a light phone and a dark
// desktop screen (tests/support/checkers.ts).
for (const { path } of [...ALL_PAGES, { path: '/no-such-page/' }, { path: '/en/no-such-page/' }]) {
  for (const width of [390, 1280]) {
    test(`axe, HTML_CodeSniffer and Equal Access: ${path} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      const violations: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        // In the dark only colours change: axe checks what depends on them there.
        const axe = new AxeBuilder({ page }).withTags(WCAG_TAGS);
        if (colorScheme === 'dark') axe.withRules(['color-contrast', 'link-in-text-block']);
        const { violations: found } = await axe.analyze();
        violations.push(
          ...found.map(
            (v) => `${colorScheme} axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
        );
        if ((colorScheme === 'light') === (width === 390)) {
          violations.push(...(await htmlcsErrors(page)).map((error) => `${colorScheme} HTMLCS ${error}`));
          violations.push(
            ...(await equalAccessViolations(page)).map((error) => `${colorScheme} ACE ${error}`),
          );
        }
      }
      expect(violations).toEqual([]);
    });
  }
}

test('every built page is valid HTML', async () => {
  // Reads .htmlvalidate.json, as the command line does.
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const errors: string[] = [];
  for (const file of htmlFiles()) {
    const report = await validator.validateFile(join(DIST, file));
    for (const result of report.results) {
      for (const message of result.messages)
        errors.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    }
  }
  expect(errors).toEqual([]);
});

test('every internal href, src, srcset and #fragment in dist/ resolves', () => {
  const { pages, references, problems } = checkLinks(DIST, SITE, '/');
  expect(pages).toEqual(htmlFiles());
  expect(references).toBeGreaterThan(ALL_PAGES.length * 20);
  expect(problems).toEqual([]);
});

test('no page asks anything of another origin, and the CSP blocks nothing', async ({ page, baseURL }) => {
  const { foreign, refused } = await offOriginAndRefused(
    page,
    new URL(baseURL!).origin,
    ALL_PAGES.map(({ path }) => path),
  );
  expect(foreign).toEqual([]);
  expect(refused).toEqual([]);
});

test('a strict Content-Security-Policy on every page, no inline handlers, and headers for hosts', () => {
  for (const file of htmlFiles()) {
    const html = readFileSync(join(DIST, file), 'utf8');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp, file).toBeDefined();
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html, file).not.toMatch(/\son[a-z]+=/i);
    expect(html, file).not.toMatch(/<script(?![^>]*(\ssrc=|\stype="application\/ld\+json"))[^>]*>/);
  }
  const headers = readFileSync(join(DIST, '_headers'), 'utf8');
  for (const name of [
    'Content-Security-Policy',
    'Referrer-Policy',
    'X-Content-Type-Options',
    'Permissions-Policy',
  ]) {
    expect(headers).toMatch(new RegExp(`^\\s+${name}: \\S`, 'm'));
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every page shows its content, navigation and language switch', async ({ page }) => {
    for (const { path, htmlLang } of ALL_PAGES) {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      expect((await page.locator('main').innerText()).length, path).toBeGreaterThan(200);
      await expect(page.locator('header [popovertarget]')).toBeVisible();
      const switchHref = await page.locator('body > header a[data-keep-hash]').getAttribute('href');
      expect(switchHref).toBe(htmlLang === 'en' ? path.replace(/^\/en/, '') : `/en${path}`);
    }
  });
});

test('a keyboard alone walks the main journeys', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Navigation: the contents menu, then a section.
  await page.locator('header [popovertarget]').focus();
  await page.keyboard.press('Enter');
  const menuLink = page
    .getByRole('navigation', { name: '报告目录' })
    .getByRole('link', { name: '民主监督更精准高效' });
  await menuLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/democratic-oversight\/$/);

  // Share: copy the section's link.
  const copy = page.locator('#democratic-oversight [data-share-copy]').first();
  await copy.focus();
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-share-status]')).toHaveText('链接已复制');

  // Gallery: open a photo, move, close, and land back on it.
  const photo = page.locator('#standing-committee-meeting a');
  await photo.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-lightbox-counter]')).toHaveText('2 / 4');
  await page.keyboard.press('Escape');
  // Back on the photo last viewed.
  await expect(page.locator('#democratic-oversight [data-gallery-item] a').nth(1)).toBeFocused();
});
