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
import { expect, test, type Page } from './fixtures';

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

/** Scripts are small external modules, and the photo viewer's loads only where there are photos. */
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
    scripts.some((script) => /Lightbox/.test(script)),
    `${neutral}: ${photos} photos`,
  ).toBe(photos > 0);
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const { lang, htmlLang } of LANGUAGES) {
    test(`every ${lang} page answers 200 in ${htmlLang}: one h1, ordered headings, header, footer and small scripts, laid out at the phone’s width`, async ({
      page,
      edition,
    }) => {
      const cover = edition.report[lang];
      const pages = edition.pages.filter((p) => p.lang === lang);
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
        const { layoutWidth, contentWidth } = await page.evaluate(() => ({
          layoutWidth: window.innerWidth,
          contentWidth: document.documentElement.scrollWidth,
        }));
        expect(layoutWidth, `${path}: laid out for a desktop (no viewport meta?)`).toBe(390);
        expect(contentWidth, `${path}: scrolls sideways`).toBeLessThanOrEqual(390);
        await checkScripts(page, edition, lang, kind, neutral);
      }
    });
  }
});

// The host answers every unknown address with one 404.html (README): in both languages, the
// reader's first, leading on to both contents, full reports and PDFs; never indexed.
for (const { path, first, javaScriptEnabled } of [
  { path: 'no-such-page/', first: 'zh', javaScriptEnabled: true },
  { path: 'en/no-such-page/', first: 'en', javaScriptEnabled: true },
  { path: 'en/no-such-page/', first: 'zh', javaScriptEnabled: false },
] as const) {
  test.describe(`the 404 page at ${path}${javaScriptEnabled ? '' : ' without JavaScript'}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 390, height: 844 }, isMobile: true });

    test(`answers 404, unindexed, with the header, both contents, the full reports and the PDFs, ${first} first`, async ({
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
      ).toEqual(first === 'zh' ? ['zh', 'en'] : ['en', 'zh']);
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
      if (first === 'en') await expect(page).toHaveTitle(/^Page not found/);
      await checkFooter(page, edition.report.zh, 'zh');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // Its English link leads home.
      await page.locator('section[lang="en"]').getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`${sitePath(edition, 'en')}$`));
    });
  });
}
