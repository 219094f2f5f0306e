// The reader's way through (issue 14): figures and the way in on the first screen, a menu that
// closes like one and never covers what has focus, no scroll jumps, the place kept across
// languages, sharing by canonical URL with one status region, the photo viewer holding the
// page still, marked landings, a 404 page that leads on, and a footer from content.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { WCAG_TAGS } from '../support/wcag';
import { SECTION_SLUGS } from './site';

const SITE = 'https://review.example.org';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const EDITIONS = [
  { prefix: '', other: '/en', switchTo: 'English', menu: '目录', contents: '目录' },
  { prefix: '/en', other: '', switchTo: '中文', menu: 'Contents', contents: 'Contents' },
] as const;

/** What has focus, and whether the sticky header or the open menu panel covers any of it. */
function focusReport(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const header = document.querySelector<HTMLElement>('body > header')!;
    const name = `${element.tagName.toLowerCase()} ${(element.getAttribute('href') ?? element.textContent ?? '').trim().slice(0, 40)}`;
    // The header's own controls and the fixed skip link sit on top by design.
    if (header.contains(element) || getComputedStyle(element).position === 'fixed')
      return { name, skip: true };
    const box = element.getBoundingClientRect();
    const covers = [header, ...header.querySelectorAll<HTMLElement>('[popover]:popover-open')]
      .filter((cover) => cover.checkVisibility())
      .map((cover) => cover.getBoundingClientRect());
    const covered = covers.some(
      (c) => box.top < c.bottom && box.bottom > c.top && box.left < c.right && box.right > c.left,
    );
    const inView = box.bottom > 0 && box.top < innerHeight;
    return { name, skip: false, covered, inView };
  });
}

/** Presses a key until focus has visited `steps` elements, collecting every place it was covered. */
async function walk(page: Page, key: 'Tab' | 'Shift+Tab', steps: number) {
  const problems: string[] = [];
  let visited = 0;
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press(key);
    const report = await focusReport(page);
    if (!report) break;
    visited += 1;
    if (!report.skip && (report.covered || !report.inView)) problems.push(`${i}: ${report.name}`);
  }
  return { problems, visited };
}

/** The id of the outermost report section at the top of the screen, just below the header. */
const sectionAtTop = (page: Page) =>
  page.evaluate(() => {
    const line = document.querySelector('body > header')!.getBoundingClientRect().bottom + 40;
    const section = [...document.querySelectorAll<HTMLElement>('main section.report-section')].find((s) => {
      const { top, bottom } = s.getBoundingClientRect();
      return top <= line && bottom > line;
    });
    return section?.id;
  });

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the first screen${javaScriptEnabled ? '' : ', without JavaScript'}`, () => {
    test.use({ viewport: PHONE, javaScriptEnabled });

    for (const { prefix, contents } of EDITIONS) {
      test(`${prefix || '/'} on a 390 × 844 phone shows a headline figure and the contents`, async ({
        page,
      }) => {
        await page.goto(`${prefix}/`);
        const onFirstScreen = (selector: string) =>
          page.locator(selector).evaluate((el) => {
            const { top, bottom } = el.getBoundingClientRect();
            const header = document.querySelector('body > header')!.getBoundingClientRect().bottom;
            return top >= header && bottom <= innerHeight;
          });
        const figure = page.locator('[data-headline-figures] a').first();
        await expect(figure.locator('[data-value]')).toHaveText(/\d/);
        expect(await onFirstScreen('[data-headline-figures] li:first-child')).toBe(true);
        await expect(page.locator('#contents-title')).toHaveText(contents);
        expect(await onFirstScreen('#contents-title')).toBe(true);
        // Each headline figure leads to that figure in its section.
        const hrefs = await page
          .locator('[data-headline-figures] a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        expect(hrefs.length).toBeGreaterThanOrEqual(2);
        for (const href of hrefs) expect(href).toMatch(new RegExp(`^${prefix}/[a-z-]+/#[a-z0-9-]+$`));
        await figure.click();
        const id = hrefs[0]!.split('#')[1]!;
        await expect(page.locator(`#${id}[data-figure-row]`)).toBeInViewport();
      });
    }
  });
}

test('the landed-on figure and part are marked (:target)', async ({ page }) => {
  await page.goto('/proposals/#member-satisfaction');
  const background = (selector: string) =>
    page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);
  const transparent = 'rgba(0, 0, 0, 0)';
  expect(await background('#member-satisfaction')).not.toBe(transparent);
  expect(await background('#proposals-submitted')).toBe(transparent);
  await page.goto('/en/full-report/#consensus');
  const underline = (selector: string) =>
    page.locator(selector).evaluate((el) => getComputedStyle(el).textDecorationLine);
  expect(await underline('#consensus-title')).toBe('underline');
  expect(await underline('#proposals-title')).toBe('none');
});

for (const viewport of [PHONE, DESKTOP]) {
  test.describe(`the menu at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('closes on Esc, outside click, focus leaving it and a link followed', async ({ page }) => {
      await page.goto('/en/full-report/');
      const menu = page.locator('#site-menu');
      const summary = page.locator('header [popovertarget]');
      const panel = page.getByRole('navigation', { name: 'Report contents' });
      const isOpen = () => menu.evaluate((panel) => panel.matches(':popover-open'));

      await summary.click();
      await expect(panel).toBeVisible();
      await page.keyboard.press('Escape');
      expect(await isOpen()).toBe(false);
      await expect(summary).toBeFocused();

      await summary.click();
      await expect(panel).toBeVisible();
      // A tap beside the panel: on a phone, where it fills the screen, on the header's edge; on a
      // desktop, on the dimmed page.
      await page.mouse.click(4, viewport === PHONE ? 32 : 400);
      expect(await isOpen()).toBe(false);

      await summary.click();
      await panel.getByRole('link').last().focus();
      await page.keyboard.press('Tab');
      await expect(page.locator('body > header a[data-keep-hash]')).toBeFocused();
      expect(await isOpen()).toBe(false);

      // On the full report the entries are in-page anchors: the page stays, so the menu must go.
      await summary.click();
      await panel.getByRole('link', { name: /Building Consensus/ }).click();
      await expect(page).toHaveURL(/#consensus$/);
      expect(await isOpen()).toBe(false);
      expect(await sectionAtTop(page)).toBe('consensus');
      await expect(panel).toBeHidden();
    });

    test('offers the PDF', async ({ page }) => {
      await page.goto('/consensus/');
      await page.locator('header [popovertarget]').click();
      const pdf = page.getByRole('navigation', { name: '报告目录' }).getByRole('link', { name: /下载全文/ });
      await expect(pdf).toHaveAttribute('href', /\/downloads\/[\w-]+-zh\.pdf$/);
      await expect(pdf).toContainText(/PDF，[\d.]+ [KM]B/);
      expect((await page.request.get((await pdf.getAttribute('href'))!)).status()).toBe(200);
      // Where the page offers the download itself, the menu leads to it.
      await page.goto('/en/full-report/');
      await page.locator('header [popovertarget]').click();
      await page
        .getByRole('navigation', { name: 'Report contents' })
        .getByRole('link', { name: /Download/ })
        .click();
      await expect(page.locator('#download a[href$=".pdf"]')).toBeInViewport();
    });

    test('a Tab walk, forward and back, never lands on anything the header or the open menu covers', async ({
      page,
    }) => {
      await page.goto('/democratic-oversight/');
      await page.locator('header [popovertarget]').click();
      await page.locator('header [popovertarget]').focus();
      // Through the menu, the part's share controls, figures, tables, photos and pager, to the end.
      const forward = await walk(page, 'Tab', 80);
      expect(forward.visited).toBeGreaterThan(20);
      expect(forward.problems).toEqual([]);
      // Backwards is where a sticky header hides things: the browser scrolls focus to the top.
      await page.goto('/en/full-report/');
      await page.locator('main :is(a[href], summary)').last().focus();
      const back = await walk(page, 'Shift+Tab', 120);
      expect(back.visited).toBeGreaterThan(80);
      expect(back.problems).toEqual([]);
    });

    test('tabbing through the header mid-page does not scroll the page', async ({ page }) => {
      await page.goto('/en/full-report/');
      await page.evaluate(() => window.scrollTo(0, 6000));
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const positions: number[] = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        positions.push(await page.evaluate(() => Math.round(scrollY)));
      }
      await expect(page.locator('body > header a[data-keep-hash]')).toBeFocused();
      expect(positions).toEqual([6000, 6000, 6000, 6000]);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an open menu gives way to focus elsewhere on the page', async ({ page }) => {
    await page.goto('/proposals/');
    await page.locator('header [popovertarget]').click();
    const panel = page.getByRole('navigation', { name: '报告目录' });
    await expect(panel).toBeVisible();
    // Through the menu and into the part: its anchor, QR code, link field and figures.
    const walked = await walk(page, 'Tab', 14);
    expect(walked.visited).toBe(14);
    expect(walked.problems).toEqual([]);
    await expect(page.locator('main :focus')).toHaveCount(1);
    await expect(panel).toBeHidden();
    await page.locator('header [popovertarget]').focus();
    await expect(panel).toBeVisible();
  });

  test('the language switch leads to the same page; the QR code opens', async ({ page }) => {
    await page.goto('/en/full-report/');
    await page.evaluate(() => window.scrollTo(0, 6000));
    await page.locator('body > header a[data-keep-hash]').click();
    await expect(page).toHaveURL(/\/full-report\/$/);
    await page.locator('#consensus [data-share-qr] [popovertarget]').click();
    await expect(page.locator('#consensus [data-share-qr] [data-qr]')).toBeVisible();
    // Without a script to close it, it gives way as soon as focus moves on, covering nothing.
    await page.keyboard.press('Tab');
    await expect(page.locator('#consensus [data-share-qr] [data-qr]')).toBeHidden();
  });
});

for (const { prefix, other, switchTo } of EDITIONS) {
  test(`the language switch on ${prefix}/full-report/ lands in the part the reader was reading`, async ({
    page,
  }) => {
    for (const slug of SECTION_SLUGS) {
      await page.goto(`${prefix}/full-report/`);
      // Somewhere inside the part, not at its start.
      await page.locator(`#${slug}`).evaluate((section) => {
        const { top, height } = section.getBoundingClientRect();
        window.scrollTo(0, scrollY + top + height * 0.4);
      });
      expect(await sectionAtTop(page)).toBe(slug);
      await page.getByRole('link', { name: switchTo, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`^[^#]*${other}/full-report/#`));
      await expect.poll(() => sectionAtTop(page), `${slug} → ${page.url()}`).toBe(slug);
    }
  });
}

test('the language switch carries the figure at the top of the screen', async ({ page }) => {
  await page.goto('/en/proposals/');
  await page.locator('#member-satisfaction').evaluate((row) => {
    window.scrollTo(0, scrollY + row.getBoundingClientRect().top - 90);
  });
  await page.getByRole('link', { name: '中文', exact: true }).click();
  await expect(page).toHaveURL(/\/proposals\/#member-satisfaction$/);
  await expect(page.locator('#member-satisfaction')).toBeInViewport();
  // At the top of a page there is no place to carry.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/proposals\/$/);
});

test.describe('sharing', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('one status region per page, outside every card, that says it once and then clears', async ({
    page,
  }) => {
    await page.goto('/proposals/');
    await expect(page.locator('[data-share-status]')).toHaveCount(1);
    await expect(
      page.locator('[data-figure-row] [role="status"], .figure-block [role="status"]'),
    ).toHaveCount(0);
    await page.locator('#proposals [data-share] button[data-share-copy]').click();
    const status = page.getByRole('status');
    await expect(status).toHaveText('链接已复制');
    await page.locator('#member-satisfaction').hover();
    await page.locator('#member-satisfaction a[data-share-copy]').click();
    await expect(status).toHaveText('链接已复制');
    await expect(page.getByText('链接已复制')).toHaveCount(1);
    await expect(status).toHaveText('', { timeout: 8000 });
  });

  test('copies the canonical URL of each part and figure, in both languages and on the full report', async ({
    page,
  }) => {
    for (const { prefix } of EDITIONS) {
      await page.goto(`${prefix}/full-report/`);
      const sections = await page
        .locator('main section.report-section button[data-share-copy]')
        .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset['shareUrl']));
      expect(sections).toEqual(SECTION_SLUGS.map((slug) => `${SITE}${prefix}/${slug}/`));
      await page.locator('#deliberation button[data-share-copy]').click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        `${SITE}${prefix}/deliberation/`,
      );
      await page.goto(`${prefix}/deliberation/`);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(canonical).toBe(`${SITE}${prefix}/deliberation/`);
      await page.locator('#trip-participants').hover();
      await page.locator('#trip-participants a[data-share-copy]').click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        `${canonical}#trip-participants`,
      );
    }
  });

  test('a figure’s link icon stays quiet until the figure is pointed at or the icon has focus', async ({
    page,
  }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/en/proposals/');
    const icon = page.locator('#proposals-registered [data-share]');
    const opacity = () => icon.evaluate((el) => Number(getComputedStyle(el).opacity));
    await page.mouse.move(0, 0);
    await expect.poll(opacity).toBe(0);
    await page.locator('#proposals-registered').hover();
    await expect.poll(opacity).toBe(1);
    await page.mouse.move(0, 0);
    await icon.locator('a').focus();
    await expect.poll(opacity).toBe(1);
  });
});

test.describe('QR codes', () => {
  test.use({ viewport: DESKTOP });

  for (const { prefix } of EDITIONS) {
    test(`${prefix}/consensus/: the section’s QR code decodes to its canonical URL`, async ({ page }) => {
      await page.goto(`${prefix}/consensus/`);
      await page.locator('#consensus [data-share-qr] [popovertarget]').click();
      const code = page.locator('#consensus [data-share-qr] [data-qr]');
      await expect(code).toBeVisible();
      const png = await code.screenshot();
      const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height);
      expect(decoded?.data).toBe(`${SITE}${prefix}/consensus/`);
      await expect(code).toHaveAccessibleName(new RegExp(`${SITE}${prefix}/consensus/`));
      // It opens over the page, so it closes like a menu: focus moving on closes it.
      await page.keyboard.press('Tab');
      await expect(code).toBeHidden();
    });
  }
});

test.describe('the photo viewer', () => {
  test.use({ viewport: PHONE });

  test('holds the page still while open, goes to the first and last photo with Home and End', async ({
    page,
  }) => {
    await page.goto('/democratic-oversight/');
    const opener = page.locator('#sector-work-meeting a');
    await opener.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => scrollY);
    await opener.click();
    const dialog = page.getByRole('dialog');
    const counter = dialog.locator('[data-lightbox-counter]');
    await expect(counter).toHaveText('2 / 4');
    await page.mouse.wheel(0, 1500);
    for (const key of ['PageDown', 'ArrowDown', 'PageUp']) await page.keyboard.press(key);
    await page.keyboard.press('End');
    await expect(counter).toHaveText('4 / 4');
    await page.keyboard.press('Home');
    await expect(counter).toHaveText('1 / 4');
    await page.mouse.wheel(0, -1500);
    expect(await page.evaluate(() => scrollY)).toBe(before);
    await page.keyboard.press('Escape');
    // Back on the photo last viewed (the first, after Home).
    const last = page.locator('#democratic-oversight [data-gallery-item] a').first();
    await expect(last).toBeFocused();
    await expect(last).toBeInViewport();
  });

  test('lays the photos out in rows, so the arrows follow the order the eye reads', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/en/democratic-oversight/');
    const boxes = await page
      .locator('#democratic-oversight [data-gallery-item]')
      .evaluateAll((items) =>
        items.map((item) => item.getBoundingClientRect()).map(({ top, left }) => ({ top, left })),
      );
    expect(boxes).toHaveLength(4);
    expect(boxes[0]!.top).toBe(boxes[1]!.top);
    expect(boxes[1]!.left).toBeGreaterThan(boxes[0]!.left);
    expect(boxes[2]!.top).toBeGreaterThan(boxes[0]!.top);
    expect(boxes[2]!.top).toBe(boxes[3]!.top);
  });
});

// Under /en/ the host serves the English 404 page (pages.spec.ts); everywhere else the bilingual one.
for (const { path, first, javaScriptEnabled } of [
  { path: '/no-such-page/', first: 'zh', javaScriptEnabled: true },
  { path: '/no-such-page/', first: 'zh', javaScriptEnabled: false },
]) {
  test.describe(`the 404 page at ${path}${javaScriptEnabled ? '' : ' without JavaScript'}`, () => {
    test.use({ javaScriptEnabled });

    test(`has the header, both contents, the full reports and the PDFs, ${first} first`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('body > header a[data-keep-hash]')).toBeVisible();
      const blocks = page.locator('[data-not-found-lang]');
      expect(
        await blocks.evaluateAll((els) => els.map((el) => el.getAttribute('data-not-found-lang'))),
      ).toEqual(first === 'zh' ? ['zh', 'en'] : ['en', 'zh']);
      for (const { lang, prefix } of [
        { lang: 'zh', prefix: '' },
        { lang: 'en', prefix: '/en' },
      ]) {
        const block = page.locator(`[data-not-found-lang="${lang}"]`);
        const hrefs = await block.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        for (const slug of SECTION_SLUGS) expect(hrefs).toContain(`${prefix}/${slug}/`);
        expect(hrefs).toContain(`${prefix}/full-report/`);
        expect(hrefs).toContain(`${prefix}/`);
        const pdf = hrefs.find((href) => href?.endsWith(`-${lang}.pdf`));
        expect(pdf).toBeDefined();
        expect((await page.request.get(pdf!)).status()).toBe(200);
      }
      if (first === 'en') await expect(page).toHaveTitle(/^Page not found/);
    });
  });
}

test.describe('axe with the menu open', () => {
  // The phone's full-screen panel and the desktop's dropdown over a dimmed page.
  for (const { viewport, paths } of [
    { viewport: PHONE, paths: ['/', '/en/proposals/', '/no-such-page/'] },
    { viewport: DESKTOP, paths: ['/en/', '/consensus/'] },
  ]) {
    for (const path of paths) {
      test(`${path} at ${viewport.width} px, light and dark`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto(path);
        await page.locator('header [popovertarget]').click();
        await expect(page.locator('#site-menu')).toBeVisible();
        const violations: string[] = [];
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const { violations: found } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          violations.push(
            ...found.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
          );
        }
        expect(violations).toEqual([]);
      });
    }
  }
});

test.describe('the footer', () => {
  // The sample edition (tests/e2e/edition.spec.ts) shows every imprint field set; 2023 sets none.
  test('shows none of them where the report sets none (the 2023 source states none)', async ({ page }) => {
    for (const path of ['/', '/en/proposals/', '/no-such-page/']) {
      await page.goto(path);
      await expect(page.locator('footer [data-footer]')).toHaveCount(0);
      await expect(page.locator('footer')).toContainText(/2023/);
    }
  });
});
