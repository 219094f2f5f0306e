import { describe, expect, it } from 'vitest';
import { bodyBlocks } from '../../src/lib/numbers';
import { LEAD_ANCHOR, paragraphAnchors, paragraphNumber } from '../../src/lib/paragraph-anchors';

interface Node {
  type: string;
  tagName: string;
  parent?: Node;
  properties: Record<string, unknown>;
}

/** Runs the plugin's visitor over elements in document order, as the compiler does. */
function anchorsOf(frontmatter: Record<string, unknown>, tags: Array<[tag: string, parent?: string]>) {
  const plugin = paragraphAnchors({ data: { astro: { frontmatter } } });
  const nodes: Node[] = tags.map(([tagName, parent]) => ({
    type: 'element',
    tagName,
    properties: {},
    ...(parent ? { parent: { type: 'element', tagName: parent, properties: {} } } : {}),
  }));
  const ctx = {
    parent: (node: Node) => node.parent,
    setProperty: (node: Node, key: string, value: unknown) => (node.properties[key] = value),
  };
  for (const node of nodes) if (plugin.element.filter.includes(node.tagName)) plugin.element.visit(node, ctx);
  return nodes.map((node) => node.properties['id']);
}

describe('paragraphAnchors', () => {
  it('numbers paragraphs and list items in order, under the section’s slug', () => {
    expect(anchorsOf({ slug: 'consensus' }, [['p'], ['li', 'ul'], ['li', 'ul'], ['p']])).toEqual([
      'consensus-p1',
      'consensus-p2',
      'consensus-p3',
      'consensus-p4',
    ]);
  });

  it('counts a paragraph inside a list item as the item', () => {
    expect(anchorsOf({ slug: 'a' }, [['li', 'ul'], ['p', 'li'], ['p']])).toEqual(['a-p1', undefined, 'a-p2']);
  });

  it('names the lead’s paragraphs, which have no slug, and reads its numbers back', () => {
    expect(anchorsOf({}, [['p']])).toEqual([`${LEAD_ANCHOR}-p1`]);
    expect(paragraphNumber('consensus-p12')).toBe(12);
    expect(paragraphNumber('member-satisfaction')).toBeUndefined();
  });

  it('counts the blocks the content checks pair between the languages', () => {
    const body = 'One.\n\n- a\n- b\n\nTwo.';
    const tags: Array<[string, string?]> = [['p'], ['li', 'ul'], ['li', 'ul'], ['p']];
    expect(anchorsOf({ slug: 's' }, tags).filter(Boolean)).toHaveLength(bodyBlocks(body).length);
  });
});
