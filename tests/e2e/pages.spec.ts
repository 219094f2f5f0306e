import {
  HTML_LANG,
  LANGUAGES,
  pdfPath,
  sitePath,
  type Cover,
  type Edition,
  type Lang,
  type SitePage,
} from '../support/edition';
import { expect, test, type Page, type Request } from './fixtures';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September'];
MONTHS.push('October', 'November', 'December');
/** A date as each language's footer writes it (README: "Published 20 January 2026"). */
const writtenDate = (date: Date, lang: Lang) =>
  lang === 'zh'
    ? `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`
    : `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;

/** The footer of any page: publisher and short title, then only the imprint fields the report sets. */
async function checkFooter(page: Page, cover: Cover, lang: Lang) {
  const footer = page.locator('body > footer');
  await expect(footer).toContainText(cover.publisher);
  await expect(footer).toContainText(cover.shortTitle);
  const field = (key: string) => footer.locator(`[data-footer="${key}"]`);
  if (cover.published) {
    await expect(field('published')).toHaveText(
      lang === 'zh'
        ? `发布日期：${writtenDate(cover.published, lang)}`
        : `Published ${writtenDate(cover.published, lang)}`,
    );
  } else await expect(field('published')).toHaveCount(0);
  if (cover.contact) await expect(field('contact')).toContainText(cover.contact);
  else await expect(field('contact')).toHaveCount(0);
  const editions = field('editions').locator('a');
  await expect(editions).toHaveCount(cover.editions.length);
  for (const [index, { label, url }] of cover.editions.entries()) {
    await expect(editions.nth(index)).toHaveText(label);
    await expect(editions.nth(index)).toHaveAttribute('href', url);
  }
  // Registrations last, in the order government sites give them: site code, ICP, public security.
  const expected = [
    cover.siteCode && { key: 'site-code', text: cover.siteCode, href: null },
    cover.icp && { key: 'icp', text: cover.icp, href: 'https://beian.miit.gov.cn/' },
    cover.publicSecurity && {
      key: 'public-security',
      text: cover.publicSecurity.number,
      href: cover.publicSecurity.url,
    },
  ].filter((entry) => !!entry);
  const registrations = field('registrations').locator(':scope > *');
  expect(await registrations.evaluateAll((els) => els.map((el) => el.getAttribute('data-footer')))).toEqual(
    expected.map(({ key }) => key),
  );
  for (const [index, { text, href }] of expected.entries()) {
    const entry = registrations.nth(index);
    await expect(entry).toContainText(text);
    if (href) await expect(entry).toHaveAttribute('href', href);
    // In the English edition a Chinese record number is marked as Chinese.
    const chinese = lang === 'en' && /\p{Script=Han}/u.test(text);
    if (chinese) await expect(entry).toHaveAttribute('lang', 'zh-CN');
    else await expect(entry).not.toHaveAttribute('lang');
  }
  if (expected.length > 0) {
    expect(await field('registrations').evaluate((el) => !el.nextElementSibling), 'registrations last').toBe(
      true,
    );
  }
}

/**
 * Scripts are small external modules; the photo viewer's waits, inert in a <template>, only
 * where there are photos (it comes with the first tap on one).
 */
async function checkScripts(
  page: Page,
  edition: Edition,
  lang: Lang,
  kind: SitePage['kind'],
  neutral: string,
) {
  const scripts = await page
    .locator('script:not([type="application/ld+json"])')
    .evaluateAll((els) => els.map((el) => `${el.getAttribute('type')} ${el.getAttribute('src')}`));
  expect(scripts.length, neutral).toBeLessThanOrEqual(3);
  for (const script of scripts)
    expect(script).toMatch(new RegExp(`^module ${edition.base}_astro/[\\w.-]+\\.js$`));
  const { report, sections } = edition;
  const photos =
    kind === 'home'
      ? report[lang].photos.length
      : kind === 'full-report'
        ? report[lang].photos.length + sections[lang].reduce((n, s) => n + s.photos.length, 0)
        : sections[lang].find((s) => `${s.slug}/` === neutral)!.photos.length;
  expect(
    scripts.some((script) => /lightbox/i.test(script)),
    `${neutral}: the viewer's code with the page`,
  ).toBe(false);
  const deferred = await page
    .locator('template[data-defer-script]')
    .evaluateAll((templates) =>
      templates.map((t) => (t as HTMLTemplateElement).content.querySelector('script')?.getAttribute('src')),
    );
  expect(
    deferred.some((src) => /Lightbox/.test(src ?? '')),
    `${neutral}: ${photos} photos`,
  ).toBe(photos > 0);
}

/** The footer's links: the same page in the other language (as the header's switch) and the PDF. */
async function checkFooterLinks(page: Page, lang: Lang, pdfs: Set<string>) {
  const other = HTML_LANG[lang === 'zh' ? 'en' : 'zh'];
  const header = await page.locator('body > header a[data-keep-hash]').getAttribute('href');
  await expect(page.locator(`body > footer a[hreflang="${other}"]`)).toHaveAttribute('href', header!);
  const pdf = page.locator('body > footer a[type="application/pdf"]');
  await expect(pdf).toHaveCount(1);
  pdfs.add((await pdf.getAttribute('href'))!);
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const { lang, htmlLang } of LANGUAGES) {
    test(`every ${lang} page answers 200 in ${htmlLang}: one h1, ordered headings, header, footer (with the PDF and the other language) and small scripts, laid out at the phone’s width`, async ({
      page,
      edition,
    }) => {
      const cover = edition.report[lang];
      const pages = edition.pages.filter((p) => p.lang === lang);
      const pdfs = new Set<string>();
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const { path, kind, neutral } of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
        await expect(page.locator('h1')).toHaveCount(1);
        await expect(page).toHaveTitle(/\S/);
        const levels = await page
          .locator('main :is(h1,h2,h3,h4)')
          .evaluateAll((els) => els.map((el) => Number(el.tagName[1])));
        for (let i = 1; i < levels.length; i++)
          expect(levels[i]! - levels[i - 1]!, path).toBeLessThanOrEqual(1);
        await expect(page.locator('body > header')).toBeVisible();
        // The cover names the report and, under its title, the committee and year (the subtitle).
        if (kind !== 'section') {
          await expect(page.locator('main h1')).toContainText(cover.title.split(/\s+/)[0]!);
          await expect(page.locator('main header').first()).toContainText(cover.subtitle);
        }
        await checkFooter(page, cover, lang);
        await checkFooterLinks(page, lang, pdfs);
        const { layoutWidth, contentWidth } = await page.evaluate(() => ({
          layoutWidth: window.innerWidth,
          contentWidth: document.documentElement.scrollWidth,
        }));
        expect(layoutWidth, `${path}: laid out for a desktop (no viewport meta?)`).toBe(390);
        expect(contentWidth, `${path}: scrolls sideways`).toBeLessThanOrEqual(390);
        await checkScripts(page, edition, lang, kind, neutral);
      }
      expect([...pdfs]).toEqual([`${edition.base}${pdfPath(edition, lang)}`]);
      expect((await page.request.get([...pdfs][0]!)).status()).toBe(200);
    });
  }
});

test('the photo viewer’s code comes with the first tap on a photo, not with the page', async ({
  page,
  edition,
}) => {
  const section = edition.sections.zh.find((s) => s.photos.length > 0);
  expect(section, 'a section with photos').toBeDefined();
  const scripts: string[] = [];
  const listen = (request: Request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  };
  // The page is the worker's, reused by the next test: the listener goes with this one.
  page.on('request', listen);
  await page.goto(`${section!.slug}/`, { waitUntil: 'networkidle' });
  page.off('request', listen);
  expect(scripts.filter((url) => /lightbox/i.test(url))).toEqual([]);
  const viewer = page.waitForRequest(/\/_astro\/Lightbox[\w.-]*\.js$/);
  await page.locator('[data-gallery-item] a[data-lightbox-large]').first().click();
  await viewer;
  await expect(page.locator('dialog[data-lightbox]')).toBeVisible();
});

// The host answers an unknown address with 404.html (README): in both languages, the reader's
// first, leading on to both contents, full reports and PDFs; never indexed. Under /en/ it
// answers with en/404.html, all in English (below).
for (const javaScriptEnabled of [true, false]) {
  const path = 'no-such-page/';
  test.describe(`the 404 page at ${path}${javaScriptEnabled ? '' : ' without JavaScript'}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 390, height: 844 }, isMobile: true });

    test('answers 404, unindexed, with the header, both contents, the full reports and the PDFs, Chinese first', async ({
      page,
      edition,
    }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      await expect(page.locator('body > header a[data-keep-hash]')).toBeVisible();
      await expect(page.locator('section[lang="zh-CN"] h1')).toHaveText('页面未找到');
      await expect(page.locator('section[lang="en"] h1')).toHaveText('Page not found');
      const blocks = page.locator('[data-not-found-lang]');
      expect(
        await blocks.evaluateAll((els) => els.map((el) => el.getAttribute('data-not-found-lang'))),
      ).toEqual(['zh', 'en']);
      for (const { lang } of LANGUAGES) {
        const block = page.locator(`[data-not-found-lang="${lang}"]`);
        const hrefs = await block.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        for (const { slug } of edition.sections[lang])
          expect(hrefs).toContain(sitePath(edition, lang, `${slug}/`));
        expect(hrefs).toContain(sitePath(edition, lang, 'full-report/'));
        expect(hrefs).toContain(sitePath(edition, lang));
        const pdf = `${edition.base}${pdfPath(edition, lang)}`;
        expect(hrefs).toContain(pdf);
        expect((await page.request.get(pdf)).status(), pdf).toBe(200);
        await expect(block.locator('nav')).toHaveAttribute('lang', HTML_LANG[lang]);
      }
      await checkFooter(page, edition.report.zh, 'zh');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // Its English link leads home.
      await page.locator('section[lang="en"]').getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`${sitePath(edition, 'en')}$`));
    });
  });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the 404 page under /en/${javaScriptEnabled ? '' : ' without JavaScript'}`, () => {
    test.use({ javaScriptEnabled });

    test('answers 404 in English, lang="en", unindexed, leading to the English pages and the Chinese home', async ({
      page,
      edition,
    }) => {
      const response = await page.goto('en/no-such-page/');
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      await expect(page.locator('h1')).toHaveCount(1);
      // No Chinese in header, page or footer, but where it is marked as Chinese (the language link).
      const chinese = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const found: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = node.parentElement!;
          if (
            element.closest('[lang]')!.getAttribute('lang') === 'en' &&
            /\p{Script=Han}/u.test(node.textContent!) &&
            element.checkVisibility()
          )
            found.push(node.textContent!.trim());
        }
        return found;
      });
      expect(chinese).toEqual([]);
      // It leads on: English home, every English part, the full report, the PDF, and back to Chinese.
      const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const { slug } of edition.sections.en)
        expect(hrefs).toContain(sitePath(edition, 'en', `${slug}/`));
      expect(hrefs).toContain(sitePath(edition, 'en'));
      expect(hrefs).toContain(sitePath(edition, 'en', 'full-report/'));
      expect(hrefs).toContain(`${edition.base}${pdfPath(edition, 'en')}`);
      await expect(page.locator('body > header a[data-keep-hash][hreflang="zh-CN"]')).toHaveAttribute(
        'href',
        sitePath(edition, 'zh'),
      );
      await checkFooter(page, edition.report.en, 'en');
    });
  });
}

test('the phone header title is never cut, and a phone title breaks only between its phrases', async ({
  page,
}) => {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 700 });
    for (const { prefix } of LANGUAGES) {
      await page.goto(prefix);
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
          // A break is between phrases when a space stands just before it.
          midPhrase: breaks
            .filter((i) => text[i - 1] !== ' ' && text[i] !== ' ')
            .map((i) => text.slice(0, i)),
          clipped: span.scrollWidth > span.clientWidth + 1 || span.scrollHeight > span.clientHeight + 1,
          clamped: getComputedStyle(span).webkitLineClamp !== 'none',
          inside: box.top >= header.top && box.bottom <= header.bottom && box.right <= innerWidth,
        };
      });
      const where = `/${prefix} at ${width} px: ${check.text}`;
      expect(check.clipped, where).toBe(false);
      expect(check.clamped, where).toBe(false);
      expect(check.inside, where).toBe(true);
      if (check.text.includes(' ')) expect(check.midPhrase, where).toEqual([]);
    }
  }
});

test('icon-only controls show their name on hover and on keyboard focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('en/full-report/');
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

test.describe('without JavaScript on a phone', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('the section’s address field shows the whole address', async ({ page, edition }) => {
    const sections = edition.pages.filter(({ kind }) => kind === 'section');
    expect(sections.length).toBeGreaterThan(0);
    for (const { path } of sections) {
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
