import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  breakLines,
  breakUnits,
  CONTENT_RIGHT,
  detectCardFonts,
  findCardFonts,
  layoutOgCard,
  lineWidth,
  measureCard,
  OG_HEIGHT,
  OG_WIDTH,
  ogCardSvg,
  renderOgPng,
  type Measure,
  type OgCardModel,
  type OgLayout,
} from '../../src/lib/og-card';
import { ogImagePath } from '../../src/lib/og-paths';

const committeeEn =
  "Beijing Chaoyang District Committee of the Chinese People's Political Consultative Conference (CPPCC)";
const longEnglish: OgCardModel = {
  lang: 'en',
  kicker: 'Offering Counsel to Shoulder the Mission, Building Consensus to Advance Development',
  tag: 'Part 3',
  heading:
    'Steadily Enhanced Capacity to Participate in the Deliberation and Administration of State Affairs',
  stat: {
    value: 1255,
    unit: 'participations',
    label: 'by CPPCC members and political party members in research activities',
  },
  committee: committeeEn,
};
const chinese: OgCardModel = {
  lang: 'zh',
  kicker: '建言资政担使命 凝聚共识谋发展',
  tag: '第五部分',
  heading: '提案办理成效显著',
  stat: { value: 404, unit: '件', label: '提出提案' },
  committee: '政协北京市朝阳区委员会',
};

/** A stand-in for Pango: Latin 10 px a character, CJK 20, a space 5. */
const fakeMeasure: Measure = (text) =>
  [...text].reduce((sum, c) => sum + (c === ' ' ? 5 : /\p{Script=Han}|[，。、]/u.test(c) ? 20 : 10), 0);

describe('breakUnits', () => {
  it('keeps Latin words whole and lets Chinese break between characters', () => {
    expect(breakUnits('Notable Results').map((u) => u.text)).toEqual(['Notable', 'Results']);
    expect(breakUnits('提案办理').map((u) => u.text)).toEqual(['提', '案', '办', '理']);
  });

  it('follows Chinese line-breaking rules (kinsoku)', () => {
    const units = (text: string) => breakUnits(text).map((u) => u.text);
    // Closing punctuation never starts a line, opening punctuation never ends one.
    expect(units('凝聚，共识')).toEqual(['凝', '聚，', '共', '识']);
    expect(units('《提案》')).toEqual(['《提', '案》']);
    // A year with its measure word, and a dash pair, stay whole.
    expect(units('委员会2023年重点')).toEqual(['委', '员', '会', '2023年', '重', '点']);
    expect(units('——政协')).toEqual(['——', '政', '协']);
  });

  it('marks spaces and forced breaks', () => {
    const units = breakUnits('a b\nc');
    expect(units.map((u) => [u.text, u.spaceBefore, u.breakBefore])).toEqual([
      ['a', false, false],
      ['b', true, false],
      ['c', false, true],
    ]);
  });
});

describe('breakLines', () => {
  it('wraps a long title into lines that fit, without losing a word', () => {
    const text = longEnglish.heading;
    const lines = breakLines(text, 400, fakeMeasure);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(lineWidth(line, fakeMeasure)).toBeLessThanOrEqual(400);
    expect(lines.join(' ')).toBe(text);
  });

  it('balances lines instead of leaving a lone word at the end', () => {
    // Greedy filling at 400 px would leave a short "State Affairs" on a third line.
    const lines = breakLines(longEnglish.heading, 400, fakeMeasure);
    const widths = lines.map((line) => lineWidth(line, fakeMeasure));
    expect(Math.min(...widths)).toBeGreaterThan(0.6 * Math.max(...widths));
  });

  it('wraps Chinese between characters and honours forced breaks', () => {
    expect(breakLines('建言资政担使命\n凝聚共识谋发展', 1000, fakeMeasure)).toEqual([
      '建言资政担使命',
      '凝聚共识谋发展',
    ]);
    const lines = breakLines('政协北京市朝阳区第十四届委员会', 200, fakeMeasure);
    expect(lines.length).toBe(2);
    expect(lines.join('')).toBe('政协北京市朝阳区第十四届委员会');
  });
});

/** Every line inside the canvas and the column, and the blocks stacked without overlap. */
function expectTidy(layout: OgLayout) {
  const blocks = [
    layout.kicker,
    layout.heading,
    layout.subheading,
    layout.figure,
    layout.label,
    layout.committee,
  ];
  for (const block of blocks) {
    for (const line of block?.lines ?? []) {
      expect(line.x + line.width, line.text).toBeLessThanOrEqual(CONTENT_RIGHT + 0.5);
      expect(line.y, line.text).toBeLessThan(OG_HEIGHT);
    }
  }
  const textBottom = (layout.subheading ?? layout.heading).bottom;
  expect(layout.kicker.bottom).toBeLessThan(layout.heading.top);
  expect(textBottom).toBeLessThan(Math.min(layout.figure!.top, layout.label!.top));
  expect(Math.max(layout.figure!.bottom, layout.label!.bottom)).toBeLessThan(layout.ruleY);
  expect(layout.ruleY).toBeLessThan(layout.committee.top);
  expect(layout.committee.bottom).toBeLessThanOrEqual(OG_HEIGHT);
}

describe('layoutOgCard (measured with the real fonts)', () => {
  it('wraps a long English section title inside the card', async () => {
    const layout = layoutOgCard(longEnglish, await measureCard(longEnglish, await findCardFonts()));
    expect(layout.heading.lines.length).toBeGreaterThan(1);
    expect(layout.heading.lines.map((line) => line.text).join(' ')).toBe(longEnglish.heading);
    expect(layout.heading.lines[0]!.size).toBeGreaterThanOrEqual(40);
    expectTidy(layout);
  });

  it('sets a short Chinese title on one line, large', async () => {
    const layout = layoutOgCard(chinese, await measureCard(chinese, await findCardFonts()));
    expect(layout.heading.lines.map((line) => line.text)).toEqual(['提案办理成效显著']);
    expect(layout.heading.lines[0]!.size).toBeGreaterThanOrEqual(72);
    expectTidy(layout);
  });

  it('refuses a title that cannot fit rather than clipping it', async () => {
    const model = { ...longEnglish, heading: `${longEnglish.heading} `.repeat(4).trim() };
    const metrics = await measureCard(model, await findCardFonts());
    expect(() => layoutOgCard(model, metrics)).toThrow(/does not fit/);
  });

  it('writes the text into the SVG, escaped', async () => {
    const fonts = await findCardFonts();
    const model = { ...chinese, kicker: 'A & B <C>' };
    const svg = ogCardSvg(layoutOgCard(model, await measureCard(model, fonts)), fonts);
    expect(svg).toContain('A &amp; B &lt;C&gt;');
    expect(svg).toContain('>404<');
    expect(svg).toContain(`font-family="'${fonts.serif}'"`);
  });
});

describe('renderOgPng', () => {
  it('draws a 1200×630 PNG', async () => {
    const png = await renderOgPng(chinese);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', OG_WIDTH, OG_HEIGHT]);
  });

  it('draws different images for different pages', async () => {
    const [a, b] = await Promise.all([renderOgPng(chinese), renderOgPng(longEnglish)]);
    const pixels = async (png: Buffer) => sharp(png).removeAlpha().raw().toBuffer();
    const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
    expect(pa.length).toBe(pb.length);
    let differing = 0;
    for (let i = 0; i < pa.length; i += 3) if (pa[i] !== pb[i]) differing += 1;
    expect(differing).toBeGreaterThan(10_000);
  });
});

describe('fonts', () => {
  // Unknown families resolve to fontconfig's default face (DejaVu on Debian), which has no Han.
  it('stops with install advice when no CJK font is found', async () => {
    await expect(
      detectCardFonts({ serif: ['No Such Font Serif'], sans: ['No Such Font Sans'] }),
    ).rejects.toThrow(/apt-get install fonts-noto-cjk/);
  });
});

describe('ogImagePath', () => {
  it('names one image per page and language', () => {
    expect(ogImagePath('zh', 'home')).toBe('/og/zh/home.png');
    expect(ogImagePath('en', 'full-report')).toBe('/og/en/full-report.png');
    expect(ogImagePath('en', 'deliberation')).toBe('/og/en/deliberation.png');
  });
});
