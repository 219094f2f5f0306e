import type { Page } from '@playwright/test';
import { MAX_UNIT_MARKS } from '../../src/lib/chart-spec';
import { printedNumber as printed, type Chart, type Edition, type Lang, type Section } from './edition';

/*
 * The chart grammar (content/README.md, "Charts"), checked on a built page against the content
 * it was built from: every drawn mark is of the kind its chart row declares, drawn to its value,
 * with what it is compared with in the figure's visible text; lone counts draw no mark; counted
 * units stay within the limit; a computed share stands in its part's row; no row shows two
 * percentages without a label. Used by figures.spec, on every edition.
 */

type Row = Chart['rows'][number];

/** How the content says a stat is drawn: its chart row's kind (a part's whole, and stats no chart draws: "none"). */
function drawOf(section: Section, statId: string): { row?: Row; draw: Row['draw'] } {
  for (const chart of section.charts) {
    for (const row of chart.rows) {
      if (row.stats.includes(statId)) return { row, draw: row.draw };
      if (row.of === statId) return { row, draw: 'none' };
    }
  }
  return { draw: 'none' };
}

/** A share in per cent, to one decimal, as the pages round it. */
const percentOf = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

interface SeenMark {
  kind: string;
  stat: string;
  /** Filled width ÷ the mark's width (bars, parts, meters). */
  ratio: number | null;
  units: number;
  items: number;
  /** The visible text of the figure (chart, block or home-page card) the mark stands in. */
  text: string;
}

interface SeenPage {
  marks: SeenMark[];
  /** Figures (by stat id) whose own row or card holds a mark. */
  markedFigures: string[];
  /** Figures shown on the page (rows and cards), by stat id. */
  figures: string[];
  headlineMarks: number;
  computed: Array<{ row: string | null; text: string }>;
  /** Per figure row or card: percentages in its visible text outside scales and computed shares. */
  percents: Array<{ row: string; count: number }>;
}

/** What a page shows of its figures and marks, read in the browser. */
export function seeFigures(page: Page): Promise<SeenPage> {
  return page.locator('main').evaluate((main) => {
    const visibleText = (root: Element, skip = '.sr-only') => {
      const parts: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        if (parent.closest(skip) || !parent.checkVisibility()) continue;
        parts.push(node.textContent ?? '');
      }
      return parts.join(' ').replace(/\s+/g, ' ');
    };
    const figureOf = (el: Element) =>
      el.closest('[data-dashboard-figure]')?.getAttribute('href')?.split('#')[1] ??
      el.closest('[data-figure-row]')?.id ??
      null;
    const marks = [...main.querySelectorAll<HTMLElement>('[data-mark]')]
      .filter((el) => el.checkVisibility())
      .map((el) => {
        const fill = el.querySelector('[data-fill]');
        const width = el.getBoundingClientRect().width;
        const container = el.closest('figure[data-chart], .figure-block, [data-dashboard-figure]') ?? el;
        return {
          kind: el.dataset['mark'] ?? '',
          stat: el.dataset['stat'] ?? '',
          ratio: fill && width > 0 ? fill.getBoundingClientRect().width / width : null,
          units: el.querySelectorAll('[data-unit]').length,
          items: el.children.length,
          text: visibleText(container),
        };
      });
    const rows = [...main.querySelectorAll('[data-figure-row], [data-dashboard-figure]')];
    return {
      marks,
      markedFigures: rows.filter((row) => row.querySelector('[data-mark]')).map((row) => figureOf(row)!),
      figures: rows.map((row) => figureOf(row)!),
      headlineMarks: main.querySelectorAll('[data-headline-figures] [data-mark]').length,
      computed: [...main.querySelectorAll('[data-computed]')]
        .filter((el) => el.checkVisibility())
        .map((el) => ({ row: figureOf(el), text: visibleText(el) })),
      percents: rows.map((row) => ({
        row: figureOf(row)!,
        count: (visibleText(row, '.sr-only, [data-scale], [data-computed]').match(/\d[\d.,]*\s*%/g) ?? [])
          .length,
      })),
    };
  });
}

const KIND = { bars: 'bar', part: 'part', meter: 'meter', units: 'units', list: 'list' } as const;
const near = (a: number, b: number) => Math.abs(a - b) <= 0.015;

/** Problems with the figures seen on a page of the given language, judged by the content. */
export function grammarProblems(seen: SeenPage, edition: Edition, lang: Lang, where: string): string[] {
  const problems: string[] = [];
  const sections = edition.sections[lang];
  const sectionOf = (id: string): Section | undefined =>
    sections.find((section) => section.stats.some((stat) => stat.id === id));
  const statOf = (id: string) => sectionOf(id)?.stats.find((stat) => stat.id === id);
  const value = (id: string) => statOf(id)?.value ?? NaN;

  for (const mark of seen.marks) {
    const at = `${where}: ${mark.kind} mark of ${mark.stat}`;
    const section = sectionOf(mark.stat);
    const stat = statOf(mark.stat);
    if (!section || !stat) {
      problems.push(`${at}: no such stat in the content`);
      continue;
    }
    const { row, draw } = drawOf(section, stat.id);
    if (draw === 'none' || !row) {
      problems.push(`${at}: the content draws it as a lone figure, with no mark`);
      continue;
    }
    if (KIND[draw] !== mark.kind) problems.push(`${at}: the content declares "${draw}"`);
    const shows = (number: number, what: string) => {
      if (!mark.text.includes(printed(number, lang))) {
        problems.push(`${at}: ${what} ${printed(number, lang)} is not in the figure's text ("${mark.text}")`);
      }
    };
    const ratio = (expected: number) => {
      if (mark.ratio === null || !near(mark.ratio, expected)) {
        problems.push(
          `${at}: drawn at ${mark.ratio?.toFixed(3)}, but its value makes ${expected.toFixed(3)}`,
        );
      }
    };
    switch (draw) {
      case 'bars': {
        const max = Math.max(...row.stats.map(value));
        for (const other of row.stats) shows(value(other), `the bar of ${other}`);
        ratio(stat.value / max);
        break;
      }
      case 'part':
        shows(value(row.of!), `its whole (${row.of})`);
        ratio(stat.value / value(row.of!));
        break;
      case 'meter':
        if (!mark.text.includes('100%')) problems.push(`${at}: its 100 % end is not labelled`);
        ratio(stat.value / 100);
        break;
      case 'units':
        shows(stat.value, 'its count');
        if (mark.units !== stat.value) problems.push(`${at}: ${mark.units} marks for ${stat.value}`);
        if (stat.value > MAX_UNIT_MARKS)
          problems.push(`${at}: ${stat.value} is over the limit of ${MAX_UNIT_MARKS}`);
        break;
      case 'list':
        if (mark.items !== (stat.items ?? []).length) problems.push(`${at}: ${mark.items} items drawn`);
        for (const item of stat.items ?? [])
          if (!mark.text.includes(item)) problems.push(`${at}: "${item}" missing`);
        break;
    }
  }

  // Every figure shown whose row declares a mark has one; lone figures have none.
  for (const id of new Set(seen.figures)) {
    const section = sectionOf(id);
    if (!section) {
      problems.push(`${where}: figure ${id} is not in the content`);
      continue;
    }
    const { draw } = drawOf(section, id);
    const marked = seen.markedFigures.includes(id);
    const drawnHere = seen.marks.some((mark) => mark.stat === id);
    if (draw === 'none' && marked)
      problems.push(`${where}: ${id} is a lone figure, but its row holds a mark`);
    if (draw !== 'none' && !drawnHere) problems.push(`${where}: ${id} is drawn "${draw}", but has no mark`);
  }
  if (seen.headlineMarks > 0) problems.push(`${where}: the headline strip draws marks`);

  // A computed share stands in its part's row, labelled, with the share its figures make.
  const declared = sections.flatMap((section) =>
    section.charts.flatMap((chart) => (chart.computed ?? []).map((share) => ({ ...share, section }))),
  );
  for (const shown of seen.computed) {
    const share = declared.find((s) => s.part === shown.row);
    if (!share) {
      problems.push(`${where}: a computed share stands in ${shown.row}, which is no computed share's part`);
      continue;
    }
    const percent = `${printed(percentOf(value(share.part), value(share.whole)), lang)}%`;
    if (!shown.text.includes(share.label) || !shown.text.includes(percent)) {
      problems.push(
        `${where}: the share of ${share.part} reads "${shown.text}", not its label and ${percent}`,
      );
    }
  }
  for (const share of declared) {
    if (seen.figures.includes(share.part) && !seen.computed.some((shown) => shown.row === share.part)) {
      problems.push(`${where}: ${share.part} is shown without its computed share`);
    }
  }
  for (const { row, count } of seen.percents) {
    if (count > 1) problems.push(`${where}: ${row} shows ${count} percentages, not each labelled`);
  }
  return problems;
}
