import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { WCAG_TAGS } from './wcag';

// Two accessibility checkers beside axe, each with rules of its own: HTML_CodeSniffer (the
// engine behind pa11y, WCAG 2 AA) and IBM Equal Access (accessibility-checker-engine). Both are
// injected from node_modules into the page already loaded for axe, through the DevTools
// protocol, which the page's CSP does not govern.
const require = createRequire(import.meta.url);
const source = (module: string) => readFileSync(require.resolve(module), 'utf8');
const HTMLCS = source('html_codesniffer/build/HTMLCS.js');
const ACE = source('accessibility-checker-engine/ace.js');

/** Where an element is, for a message: its tag, id and first class. */
function describeElement(element: Element | null | undefined): string {
  if (!element || !('tagName' in element)) return 'document';
  const id = element.id ? `#${element.id}` : '';
  const className = typeof element.className === 'string' ? element.className.split(' ')[0] : '';
  return `${element.tagName.toLowerCase()}${id}${className ? `.${className}` : ''}`;
}

/** HTML_CodeSniffer's errors (not warnings or notices) against WCAG 2 AA, one line each. */
export async function htmlcsErrors(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'HTMLCS' in window))) await page.evaluate(HTMLCS);
  return page.evaluate(
    (describe) =>
      new Promise<string[]>((resolve, reject) => {
        const where = new Function(`return (${describe})`)() as (element: Element) => string;
        const htmlcs = (window as unknown as { HTMLCS: any }).HTMLCS;
        htmlcs.process(
          'WCAG2AA',
          document,
          () =>
            resolve(
              htmlcs
                .getMessages()
                .filter((message: { type: number }) => message.type === 1)
                .map(
                  (message: { code: string; element: Element }) =>
                    `${message.code} ${where(message.element)}`,
                ),
            ),
          () => reject(new Error('HTML_CodeSniffer failed to run')),
          'en',
        );
      }),
    describeElement.toString(),
  );
}

/** IBM Equal Access violations (its "IBM_Accessibility" rule set, failures only), one line each. */
export async function equalAccessViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'ace' in window))) await page.evaluate(ACE);
  return page.evaluate(async () => {
    const ace = (window as unknown as { ace: any }).ace;
    const report = await new ace.Checker().check(document, ['IBM_Accessibility']);
    return report.results
      .filter(
        (result: { value: [string, string] }) =>
          result.value[0] === 'VIOLATION' && result.value[1] === 'FAIL',
      )
      .map(
        (result: { ruleId: string; reasonId: string; path: { dom: string } }) =>
          `${result.ruleId}/${result.reasonId} ${result.path.dom}`,
      );
  });
}

/**
 * axe on the page as loaded, WCAG 2.2 A and AA unless `rules` names some, violations only (axe
 * then skips gathering the nodes that pass, most of its time). Legacy mode runs axe in the page
 * itself: the pages hold no frames, and the default mode opens a blank page per run to merge
 * frame results, which doubles the cost.
 */
export function axe(page: Page, rules?: string[]) {
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  return (rules ? builder.withRules(rules) : builder.withTags(WCAG_TAGS)).analyze();
}
