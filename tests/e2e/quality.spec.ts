import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { axe, equalAccessViolations, htmlcsErrors } from '../support/checkers';
import { cspHeader, cspMeta, styleHashes } from '../support/csp';
import { LANGUAGES, type Edition } from '../support/edition';
import { checkLinks, filesBelow } from '../support/link-check';
import { expect, test, type Page } from './fixtures';

/** What dist/_headers sends for Netlify and Cloudflare Pages on every path (the CSP goes per page). */
const HOST_HEADERS = [
  'Referrer-Policy: strict-origin-when-cross-origin',
  'X-Content-Type-Options: nosniff',
  'Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy: same-origin',
  'Strict-Transport-Security: max-age=31536000',
];

/** The pages of the build, checked to be exactly the site's pages and 404 (no leftover share-card page). */
function htmlFiles(edition: Edition): string[] {
  const files = filesBelow(edition.dist)
    .filter((file) => file.endsWith('.html'))
    .sort();
  const expected = [
    ...edition.pages.map(({ path }) => `${path}index.html`),
    '404.html',
    'en/404.html',
  ].sort();
  expect(files, 'the HTML files of the build').toEqual(expected);
  return files;
}

/**
 * axe (WCAG 2.2 AA) in each of `schemes`. Dark mode changes colours only, so in dark the colour
 * rules run again, not all of them. With `checkers`, in the same page load, HTML_CodeSniffer and
 * IBM Equal Access (tests/support/checkers.ts), in light.
 */
async function axeLightAndDark(page: Page, checkers: boolean, schemes: readonly ('light' | 'dark')[]) {
  const violations: string[] = [];
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    const { violations: found } = await axe(
      page,
      colorScheme === 'light' ? undefined : ['color-contrast', 'link-in-text-block'],
    );
    violations.push(
      ...found.map((v) => `${colorScheme} axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    );
    if (checkers && colorScheme === 'light') {
      violations.push(...(await htmlcsErrors(page)).map((error) => `${colorScheme} HTMLCS ${error}`));
      violations.push(...(await equalAccessViolations(page)).map((error) => `${colorScheme} ACE ${error}`));
    }
  }
  return violations;
}

for (const { lang, prefix } of LANGUAGES) {
  for (const width of [390, 1280]) {
    for (const group of [
      'the home page and the full report',
      'each section page, the open menu and the 404 page',
    ]) {
      test(`axe, HTML_CodeSniffer and Equal Access: ${group}, ${lang}, at ${width} px`, async ({
        page,
        edition,
      }) => {
        // axe reads every node of a page, twice, and the other two once: on a loaded machine
        // that takes its time.
        test.setTimeout(360_000);
        await page.setViewportSize({ width, height: 900 });
        const first = group.startsWith('the home');
        const paths = edition.pages
          .filter((p) => p.lang === lang && (p.kind === 'section') !== first)
          .map((p) => p.path);
        // Each language's 404 page (under /en/ the host serves the English one).
        if (!first) paths.push(`${prefix}no-such-page/`);
        // Dark mode's colours once per page, on the phone (the same tokens colour the desktop's
        // layout); the open menu, which differs most between the two, in both schemes at both.
        // HTML_CodeSniffer and Equal Access read the markup, the same at both widths: once, on
        // the phone.
        const schemes = width === 390 ? (['light', 'dark'] as const) : (['light'] as const);
        const violations: string[] = [];
        for (const path of paths) {
          await page.goto(path);
          violations.push(
            ...(await axeLightAndDark(page, width === 390, schemes)).map((v) => `/${path} ${v}`),
          );
        }
        if (!first) {
          // The menu open: the phone's full-screen panel, the desktop's dropdown over a dimmed page.
          await page.goto(`${prefix}${edition.sections[lang].at(-1)!.slug}/`);
          await page.locator('header [popovertarget]').click();
          await expect(page.locator('#site-menu')).toBeVisible();
          violations.push(
            ...(await axeLightAndDark(page, false, ['light', 'dark'])).map((v) => `menu open: ${v}`),
          );
        }
        expect(violations).toEqual([]);
      });
    }
  }
}

test('every built page is valid HTML', async ({ edition }) => {
  // Reads .htmlvalidate.json, as the command line does.
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const errors: string[] = [];
  for (const file of htmlFiles(edition)) {
    const report = await validator.validateFile(join(edition.dist, file));
    for (const result of report.results) {
      for (const message of result.messages)
        errors.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    }
  }
  expect(errors).toEqual([]);
});

test('every internal href, src, srcset and #fragment resolves, under the base path', ({ edition }) => {
  // The footer's links to other years' editions leave this one on purpose.
  const elsewhere = edition.report.zh.editions.map(({ url }) => new URL(url, edition.site).href);
  const { pages, references, problems } = checkLinks(edition.dist, edition.site, edition.base, elsewhere);
  expect(pages).toEqual(htmlFiles(edition));
  expect(references).toBeGreaterThan(edition.pages.length * 20);
  expect(problems).toEqual([]);
});

test('a strict Content-Security-Policy on every page, no inline handlers, and headers for hosts', ({
  edition,
}) => {
  for (const file of htmlFiles(edition)) {
    const html = readFileSync(join(edition.dist, file), 'utf8');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    // Each page carries its CSS inline, allowed by its hash.
    expect(styleHashes(html), file).toMatch(/^ 'sha256-[\w+/]{43}='$/);
    expect(csp, file).toBe(cspMeta(html));
    expect(html, file).not.toMatch(/\son[a-z]+=/i);
    expect(html, file).not.toMatch(/<script(?![^>]*(\ssrc=|\stype="application\/ld\+json"))[^>]*>/);
  }
  const headers = readFileSync(join(edition.dist, '_headers'), 'utf8').replaceAll('&#39;', "'");
  const rules = headers.split(/^(?=\/)/m).filter((rule) => rule.startsWith('/'));
  const lines = (rule: string) =>
    rule
      .split('\n')
      .slice(1)
      .map((line) => line.trim())
      .filter(Boolean);
  expect(rules.slice(0, 2).map((rule) => rule.split('\n')[0])).toEqual([
    `${edition.base}*`,
    `${edition.base}_astro/*`,
  ]);
  expect(lines(rules[0]!)).toEqual(HOST_HEADERS);
  // Then each page's policy, with the hashes of its own inline stylesheet, by its address.
  const perPage = Object.fromEntries(rules.slice(2).map((rule) => [rule.split('\n')[0], lines(rule)]));
  const expected = Object.fromEntries(
    htmlFiles(edition).map((file) => [
      `${edition.base}${file.replace(/(^|\/)index\.html$/, '$1')}`,
      [`Content-Security-Policy: ${cspHeader(readFileSync(join(edition.dist, file), 'utf8'))}`],
    ]),
  );
  expect(perPage).toEqual(expected);
  expect(rules[1]).toContain('Cache-Control: public, max-age=31536000, immutable');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every page shows its content, navigation and language switch', async ({ page, edition }) => {
    for (const { path, lang, neutral } of edition.pages) {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      expect((await page.locator('main').innerText()).length, path).toBeGreaterThan(100);
      await expect(page.locator('header [popovertarget]')).toBeVisible();
      const other = lang === 'zh' ? `${edition.base}en/${neutral}` : `${edition.base}${neutral}`;
      await expect(page.locator('body > header a[data-keep-hash]')).toHaveAttribute('href', other);
    }
  });
});

test('a keyboard alone walks the main journeys, and focus is always seen', async ({
  page,
  context,
  edition,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Every stop of a Tab walk shows where focus is: an outline or a ring.
  const unseen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      if (element === document.body) return { name: 'body', seen: true };
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return {
        name: `${element.tagName} ${element.textContent?.trim().slice(0, 30)}`,
        seen: outlined || style.boxShadow !== 'none',
      };
    });
    if (!focus.seen) unseen.push(focus.name);
  }
  expect(unseen).toEqual([]);

  // Navigation: the contents menu, then a section.
  const section = [...edition.sections.zh].sort((a, b) => b.photos.length - a.photos.length)[0]!;
  await page.locator('header [popovertarget]').focus();
  await page.keyboard.press('Enter');
  const menuLink = page
    .getByRole('navigation', { name: '报告目录' })
    .getByRole('link', { name: section.title });
  await menuLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${edition.base}${section.slug}/$`));
  // Followed by keyboard, the link changes the address before the page's scripts have run.
  await page.waitForLoadState('load');
  await expect(page.locator('html')).toHaveAttribute('data-share-ready', '');

  // Share: copy the section's link.
  const copy = page.locator(`#${section.slug} [data-share-copy]`).first();
  await copy.focus();
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-share-status]')).toHaveText('链接已复制');

  // Gallery: open a photo, move, close, and land on the one last viewed.
  if (section.photos.length < 2) return;
  const photo = page.locator(`#${section.photos[0]!.id} a`);
  await photo.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-lightbox-counter]')).toHaveText(`2 / ${section.photos.length}`);
  await page.keyboard.press('Escape');
  // Back on the photo last viewed.
  await expect(page.locator(`#${section.photos[1]!.id} a`)).toBeFocused();
});
