import type { Page } from '@playwright/test';

/*
 * Reflow (WCAG 1.4.10) as a reader at 320 CSS px meets it in a page's content (its <main>):
 * with every disclosure open, nothing reaches past the viewport or past the figure it belongs
 * to, no line of text is cut off by a box that hides what overflows, and what may scroll
 * sideways (a wide table) does so inside its own region, which the keyboard can reach and a
 * screen reader can name.
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    const where = (el: Element) =>
      `${location.pathname} ${el.tagName.toLowerCase()} in #${el.closest('[id]')?.id ?? '?'} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    if (root.scrollWidth > width + 1)
      problems.push(`${location.pathname}: the page is ${root.scrollWidth} px wide`);

    const main = document.querySelector('main')!;
    const all = [...main.querySelectorAll('*')].filter(
      (el) => !el.closest('.sr-only, dialog:not([open]), template') && el.checkVisibility(),
    );
    const shown = new Set(all);
    const scrollers = all.filter((el) => {
      const { overflowX } = getComputedStyle(el);
      return (overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
    });
    for (const scroller of scrollers) {
      const named = scroller.hasAttribute('aria-labelledby') || scroller.hasAttribute('aria-label');
      // Reachable as the browser decides (a scrolling box is a tab stop of its own in Chromium).
      (scroller as HTMLElement).focus({ preventScroll: true });
      const reachable = document.activeElement === scroller || scroller.contains(document.activeElement);
      if (!reachable || !named) {
        problems.push(
          `${where(scroller)}: scrolls sideways, but is not a named region the keyboard can reach`,
        );
      }
    }
    const scrolled = (el: Element) => scrollers.some((scroller) => scroller !== el && scroller.contains(el));
    const figureOf = (el: Element) =>
      el.closest('.figure-block, #key-figures li, [data-headline-figures] li');

    for (const el of all) {
      if (scrolled(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > width + 0.5 || box.left < -0.5) {
        problems.push(`${where(el)}: spans ${Math.round(box.left)}–${Math.round(box.right)} of ${width} px`);
      }
      const figure = figureOf(el);
      if (figure && figure !== el) {
        const outer = figure.getBoundingClientRect();
        if (box.right > outer.right + 0.5 || box.left < outer.left - 0.5) {
          problems.push(
            `${where(el)}: reaches past its figure (${Math.round(box.right)} > ${Math.round(outer.right)})`,
          );
        }
      }
      if (getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${where(el)}: ends in an ellipsis`);
      }
    }

    // Text, line by line: within the viewport, its figure, and every box around it that hides
    // what overflows (a clamped or clipped line is text a reader cannot get to).
    const hides = (value: string) => value === 'hidden' || value === 'clip';
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (!node.textContent?.trim() || !shown.has(parent) || scrolled(parent)) continue;
      const clips: DOMRect[] = [];
      for (let el: Element | null = parent; el && el !== main; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (hides(style.overflowX) || hides(style.overflowY)) clips.push(el.getBoundingClientRect());
      }
      const figure = figureOf(parent)?.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width === 0) continue;
        const outside = (box: DOMRect) =>
          rect.right > box.right + 0.5 ||
          rect.left < box.left - 0.5 ||
          rect.bottom > box.bottom + 0.5 ||
          rect.top < box.top - 0.5;
        if (rect.right > width + 0.5 || rect.left < -0.5 || (figure && rect.right > figure.right + 0.5)) {
          problems.push(`${where(parent)}: text runs to ${Math.round(rect.right)} px`);
        } else if (clips.some(outside)) {
          problems.push(`${where(parent)}: text is cut off by a box around it`);
        }
      }
    }
    return [...new Set(problems)];
  });
}
