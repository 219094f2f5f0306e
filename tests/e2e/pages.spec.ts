import { expect, test } from '@playwright/test';
import { ALL_PAGES, SECTION_SLUGS } from './site';

for (const { path, htmlLang } of ALL_PAGES) {
  test(`${path} answers 200 in ${htmlLang} with one h1 and ordered headings`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page).toHaveTitle(/\S/);
    const levels = await page
      .locator('main :is(h1,h2,h3,h4)')
      .evaluateAll((els) => els.map((el) => Number(el.tagName[1])));
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    await expect(page.locator('header').first()).toBeVisible();
    await expect(page.locator('footer')).toContainText('2023');
  });
}

test('an unknown address answers 404 with a page in both languages', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('section[lang="zh-CN"] h1')).toHaveText('页面未找到');
  await expect(page.locator('section[lang="en"] h1')).toHaveText('Page not found');
  await page.locator('section[lang="en"]').getByRole('link').click();
  await expect(page).toHaveURL(/\/en\/$/);
});

test('scripts are small external modules, and the photo viewer’s only where there are photos, on first use', async ({
  page,
}) => {
  const scriptsOf = async (path: string) => {
    await page.goto(path);
    return page
      .locator('script:not([type="application/ld+json"])')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('type')} ${el.getAttribute('src')}`));
  };
  for (const path of ['/', '/en/consensus/', '/full-report/', '/democratic-oversight/']) {
    const scripts = await scriptsOf(path);
    expect(scripts.length, path).toBeLessThanOrEqual(3);
    for (const script of scripts) expect(script).toMatch(/^module \/_astro\/[\w.-]+\.js$/);
  }
  expect((await scriptsOf('/consensus/')).join()).not.toMatch(/lightbox/i);
  // The viewer's code comes with the first tap on a photo, not with the page.
  expect((await scriptsOf('/democratic-oversight/')).join()).not.toMatch(/lightbox/i);
  const viewer = page.waitForRequest(/\/_astro\/Lightbox[\w.-]*\.js$/);
  await page.locator('[data-gallery-item] a[data-lightbox-large]').first().click();
  await viewer;
  await expect(page.locator('dialog[data-lightbox]')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('every page is laid out at the phone’s width, with nothing to scroll sideways', async ({ page }) => {
    for (const { path } of [...ALL_PAGES, { path: '/no-such-page/' }]) {
      await page.goto(path);
      const { layoutWidth, contentWidth } = await page.evaluate(() => ({
        layoutWidth: window.innerWidth,
        contentWidth: document.documentElement.scrollWidth,
      }));
      expect(layoutWidth, `${path}: laid out for a desktop (no viewport meta?)`).toBe(390);
      expect(contentWidth, `${path}: scrolls sideways`).toBeLessThanOrEqual(390);
    }
  });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('an unknown address under /en/ answers 404 in English, lang="en"', async ({ page }) => {
      const response = await page.goto('/en/no-such-page/');
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('h1')).toHaveCount(1);
      // No Chinese in header, page or footer, but where it is marked as Chinese (the language link).
      const chinese = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const found: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = node.parentElement!;
          if (
            element.closest('[lang]')!.getAttribute('lang') === 'en' &&
            /\p{Script=Han}/u.test(node.textContent!)
          )
            if (element.checkVisibility()) found.push(node.textContent!.trim());
        }
        return found;
      });
      expect(chinese).toEqual([]);
      // It leads on: English home, every English part, the full report, and back to Chinese.
      const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const slug of SECTION_SLUGS) expect(hrefs).toContain(`/en/${slug}/`);
      expect(hrefs).toContain('/en/');
      await expect(page.locator('body > header a[data-keep-hash][hreflang="zh-CN"]')).toHaveAttribute(
        'href',
        '/',
      );
    });
  });
}

test('the phone header title is never cut, and a phone title breaks only between its phrases', async ({
  page,
}) => {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 700 });
    for (const path of ['/', '/en/']) {
      await page.goto(path);
      const title = page.locator('body > header a').first().locator('> span:visible').last();
      const check = await title.evaluate((span) => {
        const range = document.createRange();
        const text = span.textContent!.trim();
        const node = [...span.childNodes].find(
          (child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim(),
        )!;
        const offset = node.textContent!.indexOf(text);
        // The top of each character's box: where it changes, a line broke before that character.
        const tops = [...text].map((_, i) => {
          range.setStart(node, offset + i);
          range.setEnd(node, offset + i + 1);
          return Math.round(range.getBoundingClientRect().top);
        });
        const breaks = tops.flatMap((top, i) => (i > 0 && top > tops[i - 1]! ? [i] : []));
        const box = span.getBoundingClientRect();
        const header = document.querySelector('body > header')!.getBoundingClientRect();
        return {
          text,
          lines: breaks.length + 1,
          // A break is between phrases when a space stands just before it.
          midPhrase: breaks
            .filter((i) => text[i - 1] !== ' ' && text[i] !== ' ')
            .map((i) => text.slice(0, i)),
          clipped: span.scrollWidth > span.clientWidth + 1 || span.scrollHeight > span.clientHeight + 1,
          clamped: getComputedStyle(span).webkitLineClamp !== 'none',
          inside: box.top >= header.top && box.bottom <= header.bottom && box.right <= innerWidth,
        };
      });
      const where = `${path} at ${width} px: ${check.text}`;
      expect(check.clipped, where).toBe(false);
      expect(check.clamped, where).toBe(false);
      expect(check.inside, where).toBe(true);
      if (check.text.includes(' ')) expect(check.midPhrase, where).toEqual([]);
    }
  }
});

test('icon-only controls show their name on hover and on keyboard focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/en/full-report/');
  const tooltip = (locator: ReturnType<typeof page.locator>) =>
    locator.evaluate((element) => {
      const before = getComputedStyle(element, '::before');
      return before.content === 'none' || before.display === 'none'
        ? ''
        : element.getAttribute('data-tooltip');
    });
  for (const selector of [
    '[data-figure-row] [data-share-copy]',
    'a.heading-anchor',
    '.report-prose a.paragraph-link',
  ]) {
    const control = page.locator(selector).first();
    const name = await control.evaluate((el) => el.getAttribute('data-tooltip'));
    expect(name, `${selector} has a visible name`).toMatch(/\S/);
    expect(await tooltip(control), `${selector} at rest`).toBe('');
    await control.hover();
    await expect.poll(() => tooltip(control), `${selector} on hover`).toBe(name);
    await page.mouse.move(0, 0);
    await control.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(control).toBeFocused();
    await expect.poll(() => tooltip(control), `${selector} on focus`).toBe(name);
    // The accessible name is the control's own, and says at least as much as the tooltip.
    expect(
      (await control.evaluate((el) => el.textContent + (el.getAttribute('aria-label') ?? ''))).trim(),
    ).not.toBe('');
  }
});

test('the footer links the PDF and the same page in the other language', async ({ page }) => {
  for (const { path, htmlLang } of ALL_PAGES) {
    await page.goto(path);
    const other = htmlLang === 'en' ? 'zh-CN' : 'en';
    const header = await page.locator('body > header a[data-keep-hash]').getAttribute('href');
    await expect(page.locator(`footer a[hreflang="${other}"]`)).toHaveAttribute('href', header!);
    const pdf = page.locator('footer a[type="application/pdf"]');
    await expect(pdf).toHaveCount(1);
    expect((await page.request.get((await pdf.getAttribute('href'))!)).status(), path).toBe(200);
  }
});

test.describe('without JavaScript on a phone', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('the section’s address field shows the whole address', async ({ page }) => {
    for (const { path } of ALL_PAGES.filter(({ path }) =>
      SECTION_SLUGS.some((slug) => path.endsWith(`/${slug}/`)),
    )) {
      await page.goto(path);
      const field = page.locator('main [data-share] :is(input, textarea)').first();
      await expect(field).toBeVisible();
      const fits = await field.evaluate((element: HTMLInputElement | HTMLTextAreaElement) => {
        const style = getComputedStyle(element);
        const probe = document.createElement('span');
        probe.style.font = style.font;
        probe.style.whiteSpace = 'pre';
        probe.textContent = element.value;
        document.body.append(probe);
        const textWidth = probe.getBoundingClientRect().width;
        probe.remove();
        const inner = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const box = element.getBoundingClientRect();
        const wraps =
          element instanceof HTMLTextAreaElement && element.scrollHeight <= element.clientHeight + 1;
        return { whole: wraps || textWidth <= inner, inside: box.left >= 0 && box.right <= innerWidth };
      });
      expect(fits, path).toEqual({ whole: true, inside: true });
    }
  });
});
