import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { startNginx } from '../../scripts/serve-nginx.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { projectRoot, runAstro } from '../support/astro-cli';
import { editionPages, readEdition } from '../support/edition-content';
import { grammarProblems, seeFigures } from '../support/figure-checks';
import { checkLinks, filesBelow } from '../support/link-check';
import { openDataProblems } from '../support/open-data-checks';
import { poppler } from '../support/poppler';
import { reflowProblems } from '../support/reflow';

// A second edition, shaped unlike 2023, built by the unchanged engine from content alone, under
// a sub-path as a year's edition is deployed (README: "Publishing next year's review").
const SAMPLE = join(projectRoot, 'tests/fixtures/sample-edition');
const BASE = '/review-2025/';
const SITE = 'https://www.example.gov.cn';
const SECTIONS = ['community-consultation', 'member-services', 'keeping-in-touch'];
const PAGES = ['', 'full-report/', ...SECTIONS.map((slug) => `${slug}/`)].flatMap((path) => [
  path,
  `en/${path}`,
]);

/** Words and identifiers of the 2023 edition that must not leak into another edition. */
function words2023(): string[] {
  const content = join(projectRoot, 'content');
  const tokens = new Set(['朝阳', 'Chaoyang', '2023']);
  for (const file of filesBelow(content).filter((f) => f.endsWith('.mdx'))) {
    const data = parseFrontmatter(readFileSync(join(content, file), 'utf8')).frontmatter as Record<
      string,
      any
    >;
    for (const token of [
      data['id'],
      data['slug'],
      ...(data['stats'] ?? []).map((s: { id: string }) => s.id),
    ]) {
      if (token) tokens.add(token);
    }
    if (file.startsWith('report/')) tokens.add(data['title']);
  }
  return [...tokens];
}

test.describe('a second edition from content alone', () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });
  let outDir = '';

  test.beforeAll(async () => {
    // A whole build, PDFs included: minutes on a busy two-core machine.
    test.setTimeout(480_000);
    // Named like the sub-path, so nginx can serve its parent as root (README, "Deploying").
    outDir = join(mkdtempSync(join(tmpdir(), 'report-sample-')), BASE);
    const { status, output } = await runAstro('build', SAMPLE, outDir, { BASE_PATH: BASE, SITE_URL: SITE });
    expect(status, output).toBe(0);
  });

  test.afterAll(() => rmSync(join(outDir, '..'), { recursive: true, force: true }));

  test('holds no word of the 2023 edition, in pages, files or PDFs', () => {
    const files = filesBelow(outDir);
    const texts = files.filter((file) => /\.(html|css|js|xml|txt|json|svg)$/.test(file));
    expect(texts.length).toBeGreaterThan(10);
    const pdfs = files.filter((file) => file.endsWith('.pdf'));
    expect(pdfs.sort()).toEqual([
      'downloads/example-district-review-2025-en.pdf',
      'downloads/example-district-review-2025-zh.pdf',
    ]);
    const leaks: string[] = [];
    const tokens = words2023();
    for (const file of texts) {
      const text = readFileSync(join(outDir, file), 'utf8');
      for (const token of tokens) if (text.includes(token)) leaks.push(`${file}: ${token}`);
    }
    for (const file of pdfs) {
      const text = poppler('pdftotext', '-enc', 'UTF-8', join(outDir, file), '-');
      expect(text).toContain(file.endsWith('zh.pdf') ? '协商为民' : 'Consulting for the People');
      for (const token of tokens) if (text.includes(token)) leaks.push(`${file}: ${token}`);
    }
    expect(leaks).toEqual([]);
  });

  test('has every link, image, preview and canonical URL under its base path', () => {
    // The footer's link to the previous year's edition leaves this edition on purpose.
    const { pages, references, problems } = checkLinks(outDir, SITE, BASE, [`${SITE}/review-2024/`]);
    expect(pages).toEqual([...PAGES.map((path) => `${path}index.html`), '404.html', 'en/404.html'].sort());
    expect(references).toBeGreaterThan(PAGES.length * 20);
    expect(problems).toEqual([]);
  });

  test('has a share preview for each page and language, drawn at 1200 × 630', async () => {
    const images = readdirSync(join(outDir, 'og'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.png'),
    );
    expect(images.sort()).toEqual(
      ['home', 'full-report', ...SECTIONS].flatMap((key) => [`en/${key}.png`, `zh/${key}.png`]).sort(),
    );
    for (const image of images) {
      const { width, height } = await sharp(join(outDir, 'og', image)).metadata();
      expect([width, height], image).toEqual([1200, 630]);
    }
  });

  test('serves its pages with their charts, figures and footer, loading all they need from under the base', async ({
    page,
  }) => {
    const server = await startStaticServer({ dir: outDir, base: BASE });
    try {
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      for (const path of PAGES) {
        await page.goto(new URL(path, server.url).href);
        await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}${BASE}${path}`);
        await expect(page.locator('h1')).toHaveCount(1);
      }
      const url = (path: string) => new URL(path, server.url).href;
      await page.goto(url('en/community-consultation/'));
      await expect(page.locator('main figure[data-chart]')).toHaveCount(2);
      await expect(page.locator('#chart-meetings [data-computed]')).toContainText('62.5%');
      await expect(page.locator('#pilot-communities li')).toHaveText([
        'East Garden',
        'West Garden',
        'South Garden',
      ]);
      await expect(page.locator('#suggestions-adopted')).toContainText('57');
      await page.goto(url('member-services/'));
      await expect(page.locator('main [data-figure-row]')).toHaveCount(0);
      await page.goto(url('keeping-in-touch/'));
      await expect(page.locator('main figure[data-chart]')).toHaveCount(0);
      await expect(page.locator('main [data-figure-row]')).toHaveCount(2);

      for (const { prefix, published, contact, siteCode } of [
        {
          prefix: '',
          published: '发布日期：2026年1月20日',
          contact: '政务大街1号',
          siteCode: '政府网站标识码：0000000000',
        },
        {
          prefix: 'en/',
          published: 'Published 20 January 2026',
          contact: '1 Government Street',
          siteCode: 'Government website ID: 0000000000',
        },
      ]) {
        await page.goto(url(prefix));
        const footer = page.locator('footer');
        await expect(footer.locator('[data-footer="published"]')).toHaveText(published);
        await expect(footer.locator('[data-footer="contact"]')).toContainText(contact);
        await expect(footer.locator('[data-footer="editions"] a')).toHaveAttribute(
          'href',
          `${SITE}/review-2024/`,
        );
        // Registrations last, in the order government sites give them: site code, ICP, public security.
        const registrations = footer.locator('[data-footer="registrations"] > *');
        expect(
          await registrations.evaluateAll((els) => els.map((el) => el.getAttribute('data-footer'))),
        ).toEqual(['site-code', 'icp', 'public-security']);
        await expect(registrations.nth(0)).toHaveText(siteCode);
        await expect(registrations.nth(1)).toHaveText('示ICP备00000000号-1');
        await expect(registrations.nth(1)).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
        await expect(registrations.nth(2)).toHaveText('示公网安备00000000000000号');
        await expect(registrations.nth(2)).toHaveAttribute(
          'href',
          /^https:\/\/beian\.mps\.gov\.cn\/.+00000000000000$/,
        );
        // In the English edition the Chinese record numbers are marked as Chinese.
        if (prefix) await expect(registrations.nth(1)).toHaveAttribute('lang', 'zh-CN');
        else await expect(registrations.nth(1)).not.toHaveAttribute('lang');
        expect(
          await footer.locator('[data-footer="registrations"]').evaluate((el) => !el.nextElementSibling),
        ).toBe(true);
      }
      expect(failed).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test('draws its figures by the chart grammar, opens each section with its standfirst (PDFs too), reflows at 320 px, and publishes its figures as data under its base path', async ({
    page,
  }) => {
    const edition = readEdition(SAMPLE);
    const squash = (text: string) => text.replace(/[‘’]/g, "'").replace(/[\s-]+/g, '');
    for (const lang of ['zh', 'en'] as const) {
      const pdf = squash(
        poppler(
          'pdftotext',
          '-enc',
          'UTF-8',
          join(outDir, `downloads/${edition.report[lang].id}-${lang}.pdf`),
          '-',
        ),
      );
      for (const section of edition.sections[lang])
        expect(pdf, section.slug).toContain(squash(section.summary));
    }
    const server = await startStaticServer({ dir: outDir, base: BASE });
    try {
      const problems: string[] = [];
      for (const { lang, path } of editionPages(edition)) {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(new URL(path, server.url).href);
        problems.push(...grammarProblems(await seeFigures(page), edition, lang, path));
        const section = edition.sections[lang].find((s) => path.endsWith(`${s.slug}/`));
        const plain = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
        if (section)
          expect(plain(await page.locator('main [data-standfirst]').innerText())).toBe(
            plain(section.summary),
          );
        await page.setViewportSize({ width: 320, height: 640 });
        problems.push(...(await reflowProblems(page)));
      }
      problems.push(...(await openDataProblems(page, edition, server.url)));
      expect(problems).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test('nginx with the shipped block serves it under its sub-path, as README says', async ({ request }) => {
    const nginx = await startNginx({ dir: outDir, base: BASE });
    try {
      for (const path of ['', 'en/', 'en/community-consultation/']) {
        const response = await request.get(new URL(path, nginx.url).href);
        expect(response.status(), path).toBe(200);
        expect(response.headers()['content-encoding'], path).toMatch(/^(br|gzip)$/);
      }
      const missing = await request.get(new URL('no-such-page/', nginx.url).href);
      expect(missing.status()).toBe(404);
      expect(await missing.text()).toContain(`href="${BASE}en/"`);
      // A file of the build's own (a script or a photo: the CSS is inlined into each page).
      const hashed = /(?:src|href)="([^"]+\/_astro\/[^"]+)"/.exec(
        await (await request.get(nginx.url)).text(),
      )?.[1];
      expect(hashed, 'the home page refers to a file under _astro/').toBeTruthy();
      const asset = await request.get(new URL(hashed!, nginx.origin).href);
      expect(asset.status()).toBe(200);
      expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      const bare = await request.get(nginx.url.slice(0, -1), { maxRedirects: 0 });
      expect(bare.status()).toBe(301);
      expect(bare.headers()['location']).toBe(BASE);
    } finally {
      await nginx.close();
    }
  });
});
