/*
 * Paragraph anchors: every block of a body (a paragraph, or an item of a list, as
 * lib/numbers.ts `bodyBlocks` counts them) gets the id `<section slug>-p<n>`, or `lead-p<n>` in
 * the report's lead. The content checks pair the blocks of the two languages one to one, so a
 * paragraph has the same anchor in both, and the language link (src/browser/place.ts) keeps the
 * reader's place to the paragraph. Made by the engine as the Markdown is compiled, never typed.
 */

/** The anchor prefix of the report's lead, which has no slug. */
export const LEAD_ANCHOR = 'lead';

/** The id of the n-th block (from 1) of a body. */
export const paragraphAnchor = (prefix: string, n: number) => `${prefix}-p${n}`;

/** The block number in a paragraph anchor, or undefined when the id is none. */
export function paragraphNumber(id: string): number | undefined {
  const match = /-p(\d+)$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

interface HastElement {
  type: string;
  tagName?: string;
}

interface Context {
  parent(node: HastElement): HastElement | undefined;
  setProperty(node: HastElement, key: string, value: unknown): void;
}

/**
 * The Sätteri hast plugin (astro.config.mjs, `markdown.processor`), made once per document:
 * numbers its paragraphs and list items in document order, a paragraph inside a list item
 * counting as that item.
 */
export function paragraphAnchors(document: { data?: { astro?: { frontmatter?: Record<string, unknown> } } }) {
  const slug = document.data?.astro?.frontmatter?.['slug'];
  const prefix = typeof slug === 'string' && slug ? slug : LEAD_ANCHOR;
  let count = 0;
  return {
    name: 'paragraph-anchors',
    element: {
      filter: ['p', 'li'],
      visit(node: HastElement, ctx: Context) {
        const parent = ctx.parent(node);
        if (node.tagName === 'p' && parent?.type === 'element' && parent.tagName === 'li') return;
        ctx.setProperty(node, 'id', paragraphAnchor(prefix, ++count));
      },
    },
  };
}
