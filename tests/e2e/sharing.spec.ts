// What a shared link brings: metadata and a preview in the page's language, the canonical
// address, copy and share controls, QR codes, the sitemap, anchors alike in both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { numbersIn } from '../../src/lib/numbers';
import {
  canonical,
  LANGUAGES,
  printedNumber,
  sitePath,
  statsOf,
  type Edition,
  type Lang,
  type SitePage,
  type Stat,
} from '../support/edition';
import { expect, test, type Page } from './fixtures';

const COPIED = { zh: '链接已复制', en: 'Link copied' } as const;
const FULL_REPORT = { zh: '全文', en: 'Full report' } as const;

/**
 * The figure a page's share preview shows (README, "Sharing"): a section's first headline
 * figure, else its first; the cover's and the full report's, the closing section's with figures.
 */
function previewStat(edition: Edition, { lang, kind, neutral }: SitePage): Stat | undefined {
  const sections = edition.sections[lang];
  const section =
    kind === 'section'
      ? sections.find((s) => `${s.slug}/` === neutral)!
      : sections.findLast((s) => s.stats.length > 0);
  return section?.stats.find((stat) => stat.headline) ?? section?.stats[0];
}

/** The title a page's preview and metadata give it: the section's, else the report's. */
const pageTitle = (edition: Edition, { lang, kind, neutral }: SitePage) =>
  kind === 'section'
    ? edition.sections[lang].find((s) => `${s.slug}/` === neutral)!.title
    : edition.report[lang].title;

/** The PNG's pixels, to compare two renders. */
async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The share of pixels that differ visibly between two renders of the same size. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([pixels(a), pixels(b)]);
  expect([x.width, x.height]).toEqual([y.width, y.height]);
  let differing = 0;
  for (let i = 0; i < x.data.length; i += 3) {
    const delta =
      Math.abs(x.data[i]! - y.data[i]!) +
      Math.abs(x.data[i + 1]! - y.data[i + 1]!) +
      Math.abs(x.data[i + 2]! - y.data[i + 2]!);
    if (delta > 48) differing += 1;
  }
  return differing / (x.width * x.height);
}

/** Each page's metadata, checked against the content; returns what must differ between pages. */
async function checkMetadata(page: Page, edition: Edition, sitePage: SitePage) {
  const { lang, htmlLang, kind, neutral, path } = sitePage;
  const cover = edition.report[lang];
  await page.goto(path);
  const head = page.locator('head');
  const meta = (selector: string) => head.locator(selector).getAttribute('content');
  const title = await page.title();
  const siteName = (await meta('meta[property="og:site_name"]'))!;
  expect(siteName).toBe(cover.shortTitle);
  const ownTitle = kind === 'full-report' ? FULL_REPORT[lang] : pageTitle(edition, sitePage);
  expect(title, 'the page’s title, then the site’s').toBe(`${ownTitle} · ${siteName}`);
  const description = (await meta('meta[name="description"]'))!;
  const summary =
    kind === 'section'
      ? edition.sections[lang].find((s) => `${s.slug}/` === neutral)!.summary
      : cover.summary;
  expect(description).toBe(summary);
  // What a search result quotes states no number its page does not.
  const onPage = new Set(numbersIn(await page.locator('main').innerText(), lang));
  expect(
    numbersIn(description, lang).filter((n) => !onPage.has(n)),
    description,
  ).toEqual([]);
  const url = canonical(edition, lang, neutral);
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
  const robots = await head
    .locator('meta[name="robots"], meta[name="googlebot"]')
    .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content')).join());
  expect(robots, 'meta robots keeps the page out of search').not.toMatch(/noindex|none/i);
  await expect(head.locator('link[hreflang="zh-CN"]')).toHaveAttribute(
    'href',
    canonical(edition, 'zh', neutral),
  );
  await expect(head.locator('link[hreflang="en"]')).toHaveAttribute(
    'href',
    canonical(edition, 'en', neutral),
  );
  await expect(head.locator('link[hreflang="x-default"]')).toHaveAttribute(
    'href',
    canonical(edition, 'zh', neutral),
  );
  expect(await meta('meta[property="og:title"]')).toBe(title);
  expect(await meta('meta[property="og:url"]')).toBe(url);
  expect(await meta('meta[property="og:description"]'), 'og:description').toBe(description);
  expect(await meta('meta[name="twitter:description"]'), 'twitter:description').toBe(description);
  expect(await meta('meta[property="og:image:width"]')).toBe('1200');
  expect(await meta('meta[property="og:image:height"]')).toBe('630');
  expect(await meta('meta[property="og:locale"]')).toBe(lang === 'en' ? 'en_US' : 'zh_CN');
  expect(await meta('meta[property="og:locale:alternate"]')).toBe(lang === 'en' ? 'zh_CN' : 'en_US');
  expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
  const image = (await meta('meta[property="og:image"]'))!;
  expect(image).toBe(`${edition.site}${edition.base}og/${lang}/${sitePage.card}.png`);
  expect(await meta('meta[name="twitter:image"]')).toBe(image);

  // A section is an article, part of the report; the cover and the full report are the report.
  const isSection = kind === 'section';
  const jsonLd = JSON.parse((await head.locator('script[type="application/ld+json"]').textContent())!);
  expect(await meta('meta[property="og:type"]'), 'og:type').toBe(isSection ? 'article' : 'website');
  expect(jsonLd['@context']).toBe('https://schema.org');
  expect(jsonLd.inLanguage).toBe(htmlLang);
  expect(jsonLd.url).toBe(url);
  const report = isSection ? jsonLd.isPartOf : jsonLd;
  expect(jsonLd['@type'], 'JSON-LD type').toBe(isSection ? 'WebPage' : 'Report');
  expect(report?.['@type'], 'the report node').toBe('Report');
  expect(report.temporalCoverage).toBe(String(cover.year));
  expect(jsonLd.publisher?.name).toBe(cover.publisher);
  if (isSection) {
    expect(report.url).toBe(canonical(edition, lang, 'full-report/'));
    expect(jsonLd.description, 'JSON-LD description').toBe(description);
  }

  // The image's alt text says what the preview shows: the page's title, its figure, the publisher.
  const alt = (await meta('meta[property="og:image:alt"]'))!;
  expect(await meta('meta[name="twitter:image:alt"]')).toBe(alt);
  const stat = previewStat(edition, sitePage);
  for (const part of [ownTitle, cover.publisher]) expect(alt).toContain(part);
  if (stat)
    for (const part of [printedNumber(stat.value, lang), stat.unit, stat.label])
      expect(alt, 'og:image:alt').toContain(part);
  return { title, description, image };
}

for (const { lang } of LANGUAGES) {
  test(`every ${lang} page carries its own title, description and preview image, with the full share metadata`, async ({
    page,
    edition,
  }) => {
    const seen = {
      title: new Map<string, string>(),
      description: new Map<string, string>(),
      image: new Map<string, string>(),
    };
    for (const sitePage of edition.pages.filter((p) => p.lang === lang)) {
      const { title, description, image } = await checkMetadata(page, edition, sitePage);
      expect(seen.title.get(title), `${sitePage.path} has the title of`).toBeUndefined();
      seen.title.set(title, sitePage.path);
      // The cover and the full report are both described by the report's summary.
      if (sitePage.kind === 'section')
        expect(seen.description.get(description), `${sitePage.path} has the description of`).toBeUndefined();
      seen.description.set(description, sitePage.path);
      const png = await page.request.get(new URL(image).pathname);
      expect(png.status(), image).toBe(200);
      const bytes = await png.body();
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
      const key = bytes.toString('base64');
      expect(seen.image.get(key), `${sitePage.path} shares its image with`).toBeUndefined();
      seen.image.set(key, sitePage.path);
    }
  });

  test(`every ${lang} share preview shows the page’s title, figure and publisher, as its card page set them`, async ({
    page,
    edition,
  }) => {
    await page.setViewportSize({ width: 1200, height: 630 });
    for (const sitePage of edition.pages.filter((p) => p.lang === lang)) {
      const cover = edition.report[lang];
      // The card page as the build screenshotted it (kept by the test build), with the site's assets.
      const cardPath = `${edition.base}og-card/${lang}/${sitePage.card}/`;
      await page.route(`**${cardPath}`, (route) =>
        route.fulfill({
          path: join(edition.cardsDir, lang, sitePage.card, 'index.html'),
          contentType: 'text/html',
        }),
      );
      await page.goto(cardPath);
      await page.evaluate(() => document.fonts.ready);
      const card = page.locator('[data-share-card]');
      await expect(card.locator('h1')).toContainText(pageTitle(edition, sitePage).split(/\s+/)[0]!);
      await expect(card).toContainText(cover.shortTitle);
      await expect(card).toContainText(cover.publisher);
      if (sitePage.kind !== 'section') await expect(card).toContainText(cover.subtitle);
      const stat = previewStat(edition, sitePage);
      const value = card.locator('[data-value]');
      if (stat) {
        await expect(value).toHaveText(printedNumber(stat.value, lang));
        await expect(value).toBeInViewport({ ratio: 1 });
        await expect(card).toContainText(stat.label);
      } else await expect(value).toHaveCount(0);
      // The shipped PNG is this page's picture.
      const shipped = readFileSync(join(edition.dist, 'og', lang, `${sitePage.card}.png`));
      const rendered = await page.screenshot({ type: 'png' });
      expect(
        await difference(shipped, rendered),
        `${sitePage.card}.png differs from its card page`,
      ).toBeLessThan(0.002);
    }
  });
}

test('the sitemap lists every page with its language versions, and robots.txt points to it', async ({
  request,
  edition,
}) => {
  const root = `${edition.site}${edition.base}`;
  const index = await (await request.get('sitemap-index.xml')).text();
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(parts).toEqual([`${root}sitemap-0.xml`]);
  const sitemap = await (await request.get('sitemap-0.xml')).text();
  const urls = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]!);
  expect(urls).toHaveLength(edition.pages.length);
  for (const { lang, neutral } of edition.pages) {
    const entry = urls.find((url) => url.includes(`<loc>${canonical(edition, lang, neutral)}</loc>`));
    expect(entry, neutral).toBeDefined();
    const alternates = [...entry!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)]
      .map((m) => `${m[1]} ${m[2]}`)
      .sort();
    expect(alternates, neutral).toEqual(
      [
        `en ${canonical(edition, 'en', neutral)}`,
        `x-default ${canonical(edition, 'zh', neutral)}`,
        `zh-CN ${canonical(edition, 'zh', neutral)}`,
      ].sort(),
    );
  }
  const robots = await (await request.get('robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${root}sitemap-index.xml`);
  expect(robots).toMatch(/^User-agent: \*$/m);
  expect(robots, 'robots.txt shuts search engines out').not.toMatch(/^Disallow:\s*\S/m);
});

test('every anchor on a page exists in the other language too', ({ edition }) => {
  const idsOf = (lang: Lang, neutral: string) => {
    const html = readFileSync(
      join(edition.dist, `${sitePath(edition, lang, neutral).slice(edition.base.length)}index.html`),
      'utf8',
    );
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    return [...main.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!).sort();
  };
  for (const { neutral } of edition.pages.filter((p) => p.lang === 'zh')) {
    const zh = idsOf('zh', neutral);
    expect(zh.length, neutral).toBeGreaterThan(0);
    expect(idsOf('en', neutral), neutral).toEqual(zh);
  }
});

test.describe('copying a link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the canonical address of each part and figure, says so once in one status region, then clears', async ({
    page,
    edition,
  }) => {
    for (const { lang, prefix } of LANGUAGES) {
      const sections = edition.sections[lang];
      await page.goto(`${prefix}full-report/`);
      const addresses = await page
        .locator('main section.report-section button[data-share-copy]')
        .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset['shareUrl']));
      expect(addresses).toEqual(sections.map(({ slug }) => canonical(edition, lang, `${slug}/`)));
      const last = sections.at(-1)!;
      await page.locator(`#${last.slug} button[data-share-copy]`).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        canonical(edition, lang, `${last.slug}/`),
      );
      const withFigures = sections.find((s) => s.stats.length > 0)!;
      await page.goto(`${prefix}${withFigures.slug}/`);
      await expect(page.locator('[data-share-status]')).toHaveCount(1);
      await expect(
        page.locator('[data-figure-row] [role="status"], .figure-block [role="status"]'),
      ).toHaveCount(0);
      await page
        .locator(`#${withFigures.slug} [data-share]`)
        .first()
        .getByRole('button', { name: lang === 'zh' ? /复制链接/ : /Copy link/ })
        .click();
      // The published address, without a fragment: the section is the page.
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        canonical(edition, lang, `${withFigures.slug}/`),
      );
      const status = page.getByRole('status');
      await expect(status).toHaveText(COPIED[lang]);
      const figure = withFigures.stats.at(-1)!;
      await page.locator(`#${figure.id}`).hover();
      await page.locator(`#${figure.id} a[data-share-copy]`).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        canonical(edition, lang, `${withFigures.slug}/`, figure.id),
      );
      await expect(status).toHaveText(COPIED[lang]);
      await expect(page.getByText(COPIED[lang])).toHaveCount(1);
      if (lang === 'en') await expect(status).toHaveText('', { timeout: 15_000 });
    }
  });

  test('a figure’s link icon stays quiet until the figure is pointed at or the icon has focus', async ({
    page,
    edition,
  }) => {
    const section = edition.sections.zh.find((s) => s.stats.length > 0)!;
    const { id } = section.stats[0]!;
    await page.goto(`${section.slug}/`);
    const icon = page.locator(`#${id} [data-share]`);
    const opacity = () => icon.evaluate((el) => Number(getComputedStyle(el).opacity));
    await page.mouse.move(0, 0);
    await expect.poll(opacity).toBe(0);
    await page.locator(`#${id}`).hover();
    await expect.poll(opacity).toBe(1);
    await page.mouse.move(0, 0);
    await icon.locator('a').focus();
    await expect.poll(opacity).toBe(1);
  });
});

test('shows a selectable address where the clipboard refuses, and offers the device’s share sheet once per section', async ({
  page,
  edition,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
    (window as unknown as { shared: unknown[] }).shared = [];
    navigator.share = async (data) => {
      (window as unknown as { shared: unknown[] }).shared.push(data);
    };
  });
  const { slug } = edition.sections.en.at(-1)!;
  await page.goto(`en/${slug}/`);
  const copy = page.locator(`#${slug} [data-share-copy]`).first();
  await copy.click();
  const input = page.locator('[data-share-fallback] input');
  await expect(input).toBeVisible();
  await expect(input).toHaveValue(canonical(edition, 'en', `${slug}/`));
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(copy).toBeFocused();
  await expect(input).toBeHidden();
  await page.goto(`${slug}/`);
  await expect(page.locator('[data-share-native]:visible')).toHaveCount(1);
  await page.locator(`#${slug} [data-share-native]`).click();
  const shared = await page.evaluate(() => (window as unknown as { shared: Array<{ url: string }> }).shared);
  expect(shared[0]?.url).toBe(canonical(edition, 'zh', `${slug}/`));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a figure’s link leads to it, a section offers its address in a field, no share button shows', async ({
    page,
    edition,
  }) => {
    const section = edition.sections.zh.find((s) => s.stats.length > 0)!;
    const stat = section.stats[0]!;
    await page.goto(`${section.slug}/`);
    await expect(page.locator('[data-share-native]').first()).toBeHidden();
    await expect(page.locator('button[data-share-copy]:visible')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: '复制此链接：' })).toHaveValue(
      canonical(edition, 'zh', `${section.slug}/`),
    );
    await page.getByRole('link', { name: new RegExp(`^链接到：.*${stat.value}`) }).click();
    await expect(page).toHaveURL(new RegExp(`${sitePath(edition, 'zh', `${section.slug}/`)}#${stat.id}$`));
  });
});

test.describe('QR codes', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('each language’s section QR code decodes to its canonical URL, and closes as focus moves on', async ({
    page,
    edition,
  }) => {
    for (const { lang, prefix } of LANGUAGES) {
      const { slug } = edition.sections[lang].at(-1)!;
      await page.goto(`${prefix}${slug}/`);
      await page.locator(`#${slug} [data-share-qr] [popovertarget]`).click();
      const code = page.locator(`#${slug} [data-share-qr] [data-qr]`);
      await expect(code).toBeVisible();
      const png = await code.screenshot();
      const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const url = canonical(edition, lang, `${slug}/`);
      expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(url);
      await expect(code).toHaveAccessibleName(new RegExp(url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      // It opens over the page, so it closes like a menu: focus moving on closes it.
      await page.keyboard.press('Tab');
      await expect(code).toBeHidden();
    }
  });
});

test('an anchor link scrolls its target to just below the sticky header', async ({ page, edition }) => {
  // The figure furthest down the full report that the page can still scroll to the top.
  await page.goto('full-report/');
  const ids = statsOf(edition, 'zh').map(({ id }) => id);
  const id = await page.evaluate((candidates) => {
    const room = document.documentElement.scrollHeight - innerHeight;
    return candidates.findLast((candidate) => {
      const element = document.getElementById(candidate)!;
      return (
        element.getBoundingClientRect().top +
          scrollY -
          parseFloat(getComputedStyle(element).scrollMarginTop) <
        room
      );
    });
  }, ids);
  expect(id).toBeDefined();
  await page.goto(`full-report/#${id}`);
  const { scrolled, top, headerBottom, padding } = await page.evaluate((target) => {
    const element = document.getElementById(target)!;
    return {
      scrolled: window.scrollY,
      top: element.getBoundingClientRect().top,
      headerBottom: document.querySelector('body > header')!.getBoundingClientRect().bottom,
      padding: parseFloat(getComputedStyle(element).scrollMarginTop),
    };
  }, id!);
  // The figure is far down the full report: a page that never scrolled fails here.
  expect(scrolled).toBeGreaterThan(500);
  expect(top, 'hidden under the header').toBeGreaterThanOrEqual(headerBottom);
  expect(Math.abs(top - padding), 'not where its scroll-margin-top puts it').toBeLessThanOrEqual(2);
});
