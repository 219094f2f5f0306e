// The reader's way through: the menu, previous and next, the contents, the language switch that
// keeps the place (to the paragraph), anchors that land below the sticky header, the skip link,
// a header that gives way on a short screen, a Tab walk that nothing covers.
import { HTML_LANG, LANGUAGES, sitePath, type Edition, type Lang } from '../support/edition';
import { expect, test, type Page } from './fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** Interface words of the engine (src/i18n), the same for every edition. */
const UI = {
  zh: {
    nav: '报告目录',
    contents: '目录',
    switchTo: 'English',
    pdf: /下载全文/,
    previous: '上一部分',
    next: '下一部分',
  },
  en: {
    nav: 'Report contents',
    contents: 'Contents',
    switchTo: '中文',
    pdf: /Download/,
    previous: 'Previous section',
    next: 'Next section',
  },
} as const;

/** True when the element's top is inside the viewport and not hidden under the sticky header. */
async function landedOn(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const header = document.querySelector('body > header');
    const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
    const { top } = el.getBoundingClientRect();
    return top >= headerBottom - 1 && top < window.innerHeight;
  });
}

/** A page's URL pattern, anchored at the end: the edition's base, the language, the path. */
const urlOf = (edition: Edition, lang: Lang, neutral = '', hash = '') =>
  new RegExp(
    `${sitePath(edition, lang, neutral).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${hash ? `#${hash}` : ''}$`,
  );

/** The section with the most stats, and its last stat: a figure well down a page. */
function figureDeepDown(edition: Edition) {
  const section = [...edition.sections.zh].sort((a, b) => b.stats.length - a.stats.length)[0]!;
  return { slug: section.slug, id: section.stats.at(-1)!.id };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('the phone menu leads to every section and marks the one open', async ({ page, edition }) => {
      const sections = edition.sections.zh;
      const last = sections.at(-1)!;
      await page.goto('');
      await page.locator('header [popovertarget]').click();
      const nav = page.getByRole('navigation', { name: UI.zh.nav });
      // Home, each part, the full report, and the PDF download.
      await expect(nav.getByRole('link')).toHaveCount(sections.length + 3);
      for (const { title } of sections) await expect(nav.getByRole('link', { name: title })).toHaveCount(1);
      await nav.getByRole('link', { name: last.title }).click();
      await expect(page).toHaveURL(urlOf(edition, 'zh', `${last.slug}/`));
      await expect(page.locator('h1')).toHaveText(last.title);
      await page.locator('header [popovertarget]').click();
      await expect(
        page.getByRole('navigation', { name: UI.zh.nav }).getByRole('link', { name: last.title }),
      ).toHaveAttribute('aria-current', 'page');
    });

    test('previous and next walk the sections in order, each named for where it leads', async ({
      page,
      edition,
    }) => {
      const sections = edition.sections.en;
      await page.goto(`en/${sections[0]!.slug}/`);
      for (const [index, { title }] of sections.entries()) {
        await expect(page.locator('h1')).toHaveText(title);
        const [previous, next] = [sections[index - 1], sections[index + 1]];
        const prevLink = page.locator('a[rel="prev"]');
        if (previous) await expect(prevLink).toHaveAccessibleName(`${UI.en.previous} ${previous.title}`);
        else await expect(prevLink).toHaveCount(0);
        const nextLink = page.locator('a[rel="next"]');
        if (!next) {
          await expect(nextLink).toHaveCount(0);
          break;
        }
        await expect(nextLink).toHaveAccessibleName(`${UI.en.next} ${next.title}`);
        await nextLink.click();
      }
      await page.locator('a[rel="prev"]').click();
      await expect(page).toHaveURL(urlOf(edition, 'en', `${sections.at(-2)!.slug}/`));
      await page.goto(`${sections[0]!.slug}/`);
      await expect(page.locator('a[rel="next"]')).toHaveAccessibleName(
        `${UI.zh.next} ${edition.sections.zh[1]!.title}`,
      );
    });

    test('the language switch, marked in its language, leads to the same page', async ({ page, edition }) => {
      const { slug } = edition.sections.zh.at(-1)!;
      await page.goto(`${slug}/`);
      const toEnglish = page.getByRole('link', { name: UI.zh.switchTo, exact: true });
      await expect(toEnglish).toHaveAttribute('lang', HTML_LANG.en);
      await expect(toEnglish).toHaveAttribute('hreflang', HTML_LANG.en);
      await toEnglish.click();
      await expect(page).toHaveURL(urlOf(edition, 'en', `${slug}/`));
      const toChinese = page.getByRole('link', { name: UI.en.switchTo, exact: true });
      await expect(toChinese).toHaveAttribute('lang', HTML_LANG.zh);
      await toChinese.click();
      await expect(page).toHaveURL(urlOf(edition, 'zh', `${slug}/`));
      await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG.zh);
    });

    test('the full report’s contents land on each section below the header', async ({ page, edition }) => {
      await page.goto('en/full-report/');
      const links = page.locator('#contents ol a');
      await expect(links).toHaveCount(edition.sections.en.length);
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
        await page.locator(`#contents ol a[href="${href}"]`).click();
        await expect(page).toHaveURL(new RegExp(`${href}$`));
        await expect.poll(() => landedOn(page, href), href).toBe(true);
        await page.goto('en/full-report/');
      }
    });
  });

  test.describe(`the first screen${javaScriptEnabled ? '' : ', without JavaScript'}`, () => {
    test.use({ viewport: PHONE, javaScriptEnabled });

    for (const { lang, prefix } of LANGUAGES) {
      test(`${prefix || '/'} on a 390 × 844 phone shows a headline figure and the contents`, async ({
        page,
        edition,
      }) => {
        await page.goto(prefix);
        const onFirstScreen = (selector: string) =>
          page.locator(selector).evaluate((el) => {
            const { top, bottom } = el.getBoundingClientRect();
            const header = document.querySelector('body > header')!.getBoundingClientRect().bottom;
            return top >= header && bottom <= innerHeight;
          });
        const figure = page.locator('[data-headline-figures] a').first();
        await expect(figure.locator('[data-value]')).toHaveText(/\d/);
        expect(await onFirstScreen('[data-headline-figures] li:first-child')).toBe(true);
        await expect(page.locator('#contents-title')).toHaveText(UI[lang].contents);
        expect(await onFirstScreen('#contents-title')).toBe(true);
        // Each headline figure leads to that figure in its section.
        const hrefs = await page
          .locator('[data-headline-figures] a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        const headlines = edition.sections[lang].flatMap((s) =>
          s.stats.filter((st) => st.headline).map((st) => [s.slug, st.id]),
        );
        expect(hrefs.length).toBeGreaterThanOrEqual(Math.min(2, headlines.length));
        for (const href of hrefs) {
          const [, slug, id] = /\/([a-z0-9-]+)\/#([a-z0-9-]+)$/.exec(href) ?? [];
          expect(href).toBe(`${sitePath(edition, lang, `${slug}/`)}#${id}`);
          expect(headlines, href).toContainEqual([slug, id]);
        }
        await figure.click();
        const id = hrefs[0]!.split('#')[1]!;
        await expect(page.locator(`#${id}[data-figure-row]`)).toBeInViewport();
        await expect.poll(() => landedOn(page, `#${id}`)).toBe(true);
      });
    }
  });
}

test('the language switch keeps the anchor the reader is at', async ({ page, edition }) => {
  const { slug } = edition.sections.zh.at(-1)!;
  await page.goto(`full-report/#${slug}`);
  await page.getByRole('link', { name: UI.zh.switchTo, exact: true }).click();
  await expect(page).toHaveURL(urlOf(edition, 'en', 'full-report/', slug));
  // Polled: on a busy machine the page may still be settling (images, fonts) when the URL is.
  await expect.poll(() => landedOn(page, `#${slug}`)).toBe(true);
  const figure = figureDeepDown(edition);
  await page.goto(`en/${figure.slug}/#${figure.id}`);
  await page.getByRole('link', { name: UI.en.switchTo, exact: true }).click();
  await expect(page).toHaveURL(urlOf(edition, 'zh', `${figure.slug}/`, figure.id));
  await expect.poll(() => landedOn(page, `#${figure.id}`)).toBe(true);
});

test('each figure on the home page lands on that figure in its section', async ({ page, edition }) => {
  await page.goto('en/');
  const hrefs = await page
    .locator('main a[href*="#"]:has([data-value])')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const stats = edition.sections.en.flatMap((s) => s.stats);
  expect(hrefs.length).toBe(stats.length);
  // Each section's page once: its other figures are reached by their anchors on it.
  let open = '';
  for (const href of hrefs.sort()) {
    const [path, id] = href.split('#') as [string, string];
    if (path === open) await page.evaluate((hash) => (location.hash = hash), id);
    else await page.goto(href);
    open = path;
    await expect.poll(() => landedOn(page, `#${id}`), href).toBe(true);
  }
});

test('the landed-on figure and part are marked (:target)', async ({ page, edition }) => {
  const section = [...edition.sections.zh].sort((a, b) => b.stats.length - a.stats.length)[0]!;
  const [other, target] = [section.stats[0]!.id, section.stats.at(-1)!.id];
  expect(other).not.toBe(target);
  await page.goto(`${section.slug}/#${target}`);
  const background = (selector: string) =>
    page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);
  const transparent = 'rgba(0, 0, 0, 0)';
  expect(await background(`#${target}`)).not.toBe(transparent);
  expect(await background(`#${other}`)).toBe(transparent);
  const [first, last] = [edition.sections.en[0]!.slug, edition.sections.en.at(-1)!.slug];
  await page.goto(`en/full-report/#${last}`);
  const underline = (selector: string) =>
    page.locator(selector).evaluate((el) => getComputedStyle(el).textDecorationLine);
  expect(await underline(`#${last}-title`)).toBe('underline');
  expect(await underline(`#${first}-title`)).toBe('none');
});

/** What has focus, and whether the sticky header or the open menu panel covers any of it. */
function focusReport(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const header = document.querySelector<HTMLElement>('body > header')!;
    const name = `${element.tagName.toLowerCase()} ${(element.getAttribute('href') ?? element.textContent ?? '').trim().slice(0, 40)}`;
    const inHeader = header.contains(element);
    // The header's own controls and the fixed skip link sit on top by design.
    if (inHeader || getComputedStyle(element).position === 'fixed') return { name, skip: true, inHeader };
    const box = element.getBoundingClientRect();
    const covers = [header, ...header.querySelectorAll<HTMLElement>('[popover]:popover-open')]
      .filter((cover) => cover.checkVisibility())
      .map((cover) => cover.getBoundingClientRect());
    const covered = covers.some(
      (c) => box.top < c.bottom && box.bottom > c.top && box.left < c.right && box.right > c.left,
    );
    const inView = box.bottom > 0 && box.top < innerHeight;
    return { name, skip: false, inHeader, covered, inView };
  });
}

/** Presses a key until focus has visited `steps` elements (or `until` says stop), collecting every place it was covered. */
async function walk(
  page: Page,
  key: 'Tab' | 'Shift+Tab',
  steps: number,
  until: (report: { name: string; inHeader: boolean }) => boolean = () => false,
) {
  const problems: string[] = [];
  let visited = 0;
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press(key);
    const report = await focusReport(page);
    if (!report) break;
    visited += 1;
    if (!report.skip && (report.covered || !report.inView)) problems.push(`${i}: ${report.name}`);
    if (until(report)) break;
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

for (const viewport of [PHONE, DESKTOP]) {
  test.describe(`the menu at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('closes on Esc, outside click, focus leaving it and a link followed; offers the PDF', async ({
      page,
      edition,
    }) => {
      await page.goto('en/full-report/');
      const menu = page.locator('#site-menu');
      const summary = page.locator('header [popovertarget]');
      const panel = page.getByRole('navigation', { name: UI.en.nav });
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
      const last = edition.sections.en.at(-1)!;
      await summary.click();
      await panel.getByRole('link', { name: last.title }).click();
      await expect(page).toHaveURL(new RegExp(`#${last.slug}$`));
      expect(await isOpen()).toBe(false);
      expect(await sectionAtTop(page)).toBe(last.slug);
      await expect(panel).toBeHidden();

      // Where the page offers the download itself, the menu leads to it.
      await summary.click();
      await panel.getByRole('link', { name: UI.en.pdf }).click();
      await expect(page.locator('#download a[href$=".pdf"]')).toBeInViewport();
      // Elsewhere it is the file, with its size.
      await page.goto(`${edition.sections.zh[0]!.slug}/`);
      await page.locator('header [popovertarget]').click();
      const pdf = page.getByRole('navigation', { name: UI.zh.nav }).getByRole('link', { name: UI.zh.pdf });
      await expect(pdf).toHaveAttribute('href', `${edition.base}downloads/${edition.report.zh.id}-zh.pdf`);
      await expect(pdf).toContainText(/PDF，[\d.]+ [KM]B/);
      expect((await page.request.get((await pdf.getAttribute('href'))!)).status()).toBe(200);
    });

    test('a Tab walk, forward and back, never lands on anything the header or the open menu covers', async ({
      page,
      edition,
    }) => {
      // The part with the most to tab through: share controls, figures, tables, photos, pager.
      const busiest = [...edition.sections.zh].sort(
        (a, b) => b.stats.length + b.photos.length - (a.stats.length + a.photos.length),
      )[0]!;
      await page.goto(`${busiest.slug}/`);
      await page.locator('header [popovertarget]').click();
      await page.locator('header [popovertarget]').focus();
      const forward = await walk(page, 'Tab', 150, ({ name }) => name.includes('footer'));
      expect(forward.visited).toBeGreaterThan(edition.sections.zh.length + busiest.stats.length);
      expect(forward.problems).toEqual([]);
      // Backwards is where a sticky header hides things: the browser scrolls focus to the top.
      await page.goto('en/full-report/');
      await page.locator('main :is(a[href], summary)').last().focus();
      const back = await walk(page, 'Shift+Tab', 300, ({ inHeader }) => inHeader);
      expect(back.visited).toBeGreaterThan(edition.sections.en.length * 3);
      expect(back.problems).toEqual([]);
    });

    test('tabbing through the header mid-page does not scroll the page', async ({ page }) => {
      await page.goto('en/full-report/');
      const middle = await page.evaluate(() => {
        window.scrollTo(0, Math.round((document.documentElement.scrollHeight - innerHeight) / 2));
        (document.activeElement as HTMLElement | null)?.blur();
        return Math.round(scrollY);
      });
      expect(middle).toBeGreaterThan(300);
      const positions: number[] = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        positions.push(await page.evaluate(() => Math.round(scrollY)));
      }
      await expect(page.locator('body > header a[data-keep-hash]')).toBeFocused();
      expect(positions).toEqual([middle, middle, middle, middle]);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an open menu gives way to focus elsewhere on the page', async ({ page, edition }) => {
    await page.goto(`${edition.sections.zh.at(-1)!.slug}/`);
    await page.locator('header [popovertarget]').click();
    const panel = page.getByRole('navigation', { name: UI.zh.nav });
    await expect(panel).toBeVisible();
    // Through the menu's links and on into the part.
    const links = await panel.getByRole('link').count();
    const walked = await walk(page, 'Tab', links + 3);
    expect(walked.visited).toBe(links + 3);
    expect(walked.problems).toEqual([]);
    await expect(page.locator('main :focus')).toHaveCount(1);
    await expect(panel).toBeHidden();
    await page.locator('header [popovertarget]').focus();
    await expect(panel).toBeVisible();
  });

  test('the language switch leads to the same page; the QR code gives way to focus', async ({
    page,
    edition,
  }) => {
    const { slug } = edition.sections.en.at(-1)!;
    await page.goto('en/full-report/');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.locator('body > header a[data-keep-hash]').click();
    await expect(page).toHaveURL(urlOf(edition, 'zh', 'full-report/'));
    await page.locator(`#${slug} [data-share-qr] [popovertarget]`).click();
    await expect(page.locator(`#${slug} [data-share-qr] [data-qr]`)).toBeVisible();
    // Without a script to close it, it gives way as soon as focus moves on, covering nothing.
    await page.keyboard.press('Tab');
    await expect(page.locator(`#${slug} [data-share-qr] [data-qr]`)).toBeHidden();
  });
});

test('the language switch carries the figure at the top of the screen', async ({ page, edition }) => {
  const figure = figureDeepDown(edition);
  await page.goto(`en/${figure.slug}/`);
  await page.locator(`#${figure.id}`).evaluate((row) => {
    window.scrollTo(0, scrollY + row.getBoundingClientRect().top - 90);
  });
  await page.getByRole('link', { name: UI.en.switchTo, exact: true }).click();
  await expect(page).toHaveURL(urlOf(edition, 'zh', `${figure.slug}/`, figure.id));
  await expect(page.locator(`#${figure.id}`)).toBeInViewport();
  // At the top of a page there is no place to carry.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('link', { name: UI.zh.switchTo, exact: true }).click();
  await expect(page).toHaveURL(urlOf(edition, 'en', `${figure.slug}/`));
});

/** Every paragraph and list item of a page's body text: each carries its anchor id. */
const PARAGRAPHS = '.report-prose > p, .report-prose > ul > li, .report-prose > ol > li';

test('every paragraph has an anchor, the same in both languages', async ({ page, edition }) => {
  const neutrals = edition.pages.filter(({ lang }) => lang === 'zh').map(({ neutral }) => neutral);
  // The markup alone: each page as served, parsed in the browser without rendering it.
  const idsOf = async (path: string) => {
    const html = await (await page.request.get(path)).text();
    return page.evaluate(
      ([markup, selector]) =>
        [...new DOMParser().parseFromString(markup, 'text/html').querySelectorAll(selector)].map((b) => b.id),
      [html, PARAGRAPHS] as const,
    );
  };
  for (const neutral of neutrals) {
    const zh = await idsOf(neutral);
    const en = await idsOf(`en/${neutral}`);
    expect(zh.length, neutral).toBeGreaterThan(0);
    expect(zh.every(Boolean), `${neutral}: a paragraph without an anchor`).toBe(true);
    expect(new Set(zh).size, `${neutral}: anchors unique`).toBe(zh.length);
    expect(en, neutral).toEqual(zh);
  }
});

for (const { lang, other } of LANGUAGES) {
  test(`the language switch on the ${lang} full report lands in the part, and on the paragraph, the reader was reading`, async ({
    page,
    edition,
  }) => {
    const report = sitePath(edition, lang, 'full-report/');
    const target = new RegExp(`^[^#]*${sitePath(edition, other, 'full-report/')}#`);
    let carried = 0;
    for (const { slug } of edition.sections[lang]) {
      await page.goto(report);
      // The part's last paragraph, read with its first lines just under the header; where it
      // cannot rise that far (near the end of the page), somewhere inside the part.
      const id = await page.locator(`#${slug}`).evaluate((section) => {
        const header = document.querySelector('body > header')!.getBoundingClientRect().bottom;
        const last = [...section.querySelectorAll('.report-prose > p[id]')].at(-1);
        if (last) {
          window.scrollTo(0, scrollY + last.getBoundingClientRect().top - header - 8);
          if (last.getBoundingClientRect().top - header < 24) return last.id;
        }
        const { top, height } = section.getBoundingClientRect();
        window.scrollTo(0, scrollY + top + height * 0.4);
        return '';
      });
      expect(await sectionAtTop(page)).toBe(slug);
      await page.locator('body > header a[data-keep-hash]').click();
      await expect(page).toHaveURL(id ? new RegExp(`${target.source}${id}$`) : target);
      await expect.poll(() => sectionAtTop(page), `${slug} → ${page.url()}`).toBe(slug);
      if (!id) continue;
      carried++;
      await expect.poll(() => landedOn(page, `#${id}`), id).toBe(true);
    }
    expect(carried, 'parts whose last paragraph could be read at the top').toBeGreaterThan(0);
  });
}

test('a paragraph can be linked to: its link shows on pointing, and its anchor lands below the header', async ({
  page,
  edition,
}) => {
  await page.setViewportSize(DESKTOP);
  await page.goto(`en/${edition.sections.en[0]!.slug}/`);
  const paragraph = page.locator('.report-prose > p[id]').last();
  const id = (await paragraph.getAttribute('id'))!;
  const link = paragraph.locator(`a[href="#${id}"]`);
  await expect(link).toHaveAccessibleName(/\S/);
  expect(await link.evaluate((a) => getComputedStyle(a).opacity)).toBe('0');
  await paragraph.hover();
  await expect.poll(() => link.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect.poll(() => landedOn(page, `#${id}`)).toBe(true);
  // The paragraph's text is the text alone: the link adds no characters to it.
  expect(await link.textContent()).toBe('');
});

test('the skip link lands the content below the sticky header', async ({ page, edition }) => {
  for (const path of [`en/${edition.sections.en.at(-1)!.slug}/`, '']) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await expect.poll(() => landedOn(page, 'main :is(h1, h2, p) >> nth=0'), path).toBe(true);
    await expect(page.locator('main :is(h1, h2, p)').first()).toBeInViewport();
  }
});

test('the header stays at the top only where the screen is tall enough to spare it', async ({ page }) => {
  const headerTop = () => page.locator('body > header').evaluate((el) => el.getBoundingClientRect().top);
  // 1280 × 900 at 400 % zoom is 320 × 225; a phone held sideways is about 844 × 390.
  for (const { width, height, sticky } of [
    { width: 390, height: 844, sticky: true },
    { width: 320, height: 225, sticky: false },
    { width: 844, height: 390, sticky: false },
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto('en/full-report/');
    const scrolled = await page.evaluate(() => {
      window.scrollTo(0, 1500);
      return scrollY;
    });
    expect(scrolled, 'the full report scrolls').toBeGreaterThan(300);
    expect(await headerTop(), `${width} × ${height}`).toBe(sticky ? 0 : -scrolled);
  }
});

test('arrow keys, Home and End move within the open menu, not the page behind it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto('en/full-report/');
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.locator('header [popovertarget]').focus();
  await page.keyboard.press('Enter');
  const links = page.locator('#site-menu a[href]');
  const count = await links.count();
  expect(count).toBeGreaterThan(2);
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(count - 1)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('End');
  await expect(links.nth(count - 1)).toBeFocused();
  expect(await page.evaluate(() => scrollY)).toBe(600);
  expect(await page.locator('#site-menu').evaluate((menu) => menu.matches(':popover-open'))).toBe(true);
});
