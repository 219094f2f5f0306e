import { createHash } from 'node:crypto';
import postcss, { type Container, type Root } from 'postcss';

/*
 * Each page carries its CSS inline, so the first screen renders from the HTML alone (one round
 * trip), and only the rules the page can use: a rule goes when a class it needs appears
 * nowhere in the page's markup or scripts, or when it names an attribute value (a page's print
 * key, a photo's id) the page does not carry. Rules that depend on state only (:hover, [open],
 * :target, an attribute a script sets) stay. Pure: CSS and page in, CSS out.
 */

export interface PageText {
  html: string;
  /** The page's own scripts: a class or attribute they set must keep its rules. */
  scripts: readonly string[];
}

/** `.sm\:grid-cols-2` → `sm:grid-cols-2`; CSS escapes, hexadecimal ones included. */
function unescapeCss(text: string): string {
  return text.replace(/\\([0-9a-fA-F]{1,6}\s?|.)/g, (_, escaped: string) =>
    /^[0-9a-fA-F]{1,6}\s?$/.test(escaped) ? String.fromCodePoint(parseInt(escaped, 16)) : escaped,
  );
}

/**
 * What a selector needs the page to carry: the selector itself, less the parts that need
 * nothing — :not(…), which matches where something is absent, and a list of alternatives in
 * :is(…), :where(…) or :has(…), any one of which may be the one present.
 */
export function requiredPart(selector: string): string {
  let out = '';
  for (let i = 0; i < selector.length; i++) {
    const char = selector[i]!;
    if (char === '\\') {
      out += selector.slice(i, i + 2);
      i += 1;
      continue;
    }
    const pseudo = /^:(not|is|where|has|matches|-webkit-any)\(/.exec(selector.slice(i));
    if (!pseudo) {
      out += char;
      continue;
    }
    let depth = 0;
    let topLevelComma = false;
    let end = i + pseudo[0].length;
    for (; end < selector.length; end++) {
      const c = selector[end];
      if (c === '\\') end += 1;
      else if (c === '(') depth += 1;
      else if (c === ')' && depth-- === 0) break;
      else if (c === ',' && depth === 0) topLevelComma = true;
    }
    const inner = selector.slice(i + pseudo[0].length, end);
    if (pseudo[1] !== 'not' && !topLevelComma) out += ` ${requiredPart(inner)} `;
    i = end;
  }
  return out;
}

/** The element names a selector needs: a type at the start of a compound (`table`, `abbr:where(…)`). */
function typesOf(required: string): string[] {
  // Arguments of the pseudo-classes left (:lang(en), :nth-child(2)) name no element.
  let bare = required.replace(/\\./g, '_').replace(/\[[^\]]*\]/g, '[]');
  while (/\([^()]*\)/.test(bare)) bare = bare.replace(/\([^()]*\)/g, '');
  return [...bare.matchAll(/(?:^|[\s>+~,])([a-z][a-z0-9-]*)/g)].map(([, type]) => type!);
}

/** What a page offers selectors, read once per page: its classes, its elements, its scripts. */
interface PageOffer {
  page: PageText;
  classes: ReadonlySet<string>;
  /** Element names in the markup, and quoted words of the scripts (which may create elements). */
  elements: ReadonlySet<string>;
  scriptText: string;
}

/** Whether a page can match the selector: each class, element and attribute value it needs is there. */
function canMatch(selector: string, { page, classes, elements, scriptText }: PageOffer): boolean {
  const positive = requiredPart(selector);
  for (const type of typesOf(positive)) if (!elements.has(type)) return false;
  for (const [, name] of positive.matchAll(/\.((?:\\[0-9a-fA-F]{1,6}\s?|\\.|[\w-])+)/g)) {
    if (!classes.has(unescapeCss(name!))) return false;
  }
  for (const [, attribute, value] of positive.matchAll(/\[([\w-]+)=["']?([^"'\]]+)["']?\]/g)) {
    const written =
      page.html.includes(`${attribute}="${value}"`) || page.html.includes(`${attribute}=${value}`);
    if (!written && !(scriptText.includes(attribute!) && scriptText.includes(value!))) return false;
  }
  return true;
}

/** The page's classes: in its markup, and any word of its scripts (which may add classes). */
function classesOf(page: PageText): Set<string> {
  const classes = new Set<string>();
  for (const [, list] of page.html.matchAll(/\sclass="([^"]*)"/g))
    for (const name of list!.split(/\s+/)) classes.add(name.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  for (const script of page.scripts) for (const word of script.split(/[\s"'`]+/)) classes.add(word);
  return classes;
}

/**
 * Drops the custom properties (and their @property rules) that nothing left reads: the
 * variables of the utilities the page does not use, the theme values none of its rules name.
 * One whose name the page or its scripts mention (a script may set or read it) stays.
 */
function dropUnreadVariables(root: Root, page: PageText, scriptText: string) {
  for (let pass = 0; pass < 3; pass++) {
    const text = root.toString();
    const read = new Set([...text.matchAll(/var\(\s*(--[\w-]+)/g)].map(([, name]) => name!));
    let dropped = 0;
    const unread = (name: string) =>
      !read.has(name) && !page.html.includes(name) && !scriptText.includes(name);
    root.walkDecls(/^--/, (decl) => {
      if (unread(decl.prop)) {
        decl.remove();
        dropped += 1;
      }
    });
    root.walkAtRules('property', (rule) => {
      if (unread(rule.params.trim())) {
        rule.remove();
        dropped += 1;
      }
    });
    root.walkRules((rule) => {
      if (rule.nodes.length === 0) rule.remove();
    });
    if (dropped === 0) break;
  }
}

function dropEmpty(container: Container) {
  container.each((node) => {
    if (node.type === 'atrule' && node.nodes) {
      dropEmpty(node);
      if (node.nodes.length === 0) node.remove();
    }
  });
}

/** The CSS less the rules the page cannot use. */
export function pruneCss(css: string, page: PageText): string {
  const scriptText = page.scripts.join('\n');
  const elements = new Set<string>();
  for (const [, name] of page.html.matchAll(/<([a-z][a-z0-9-]*)[\s>/]/g)) elements.add(name!);
  for (const [, word] of scriptText.matchAll(/["'`]([a-z][a-z0-9-]*)["'`]/g)) elements.add(word!);
  const offer: PageOffer = { page, classes: classesOf(page), elements, scriptText };
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    // Keyframe steps (from, 50%) are not selectors of the page.
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as { name: string }).name)) return;
    const kept = rule.selectors.filter((selector) => canMatch(selector, offer));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  dropUnreadVariables(root, page, scriptText);
  dropEmpty(root);
  return root.toString();
}

/** The CSP source of an inline stylesheet: 'sha256-…' of its text (without the quotes). */
export const styleHash = (css: string) =>
  `sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`;

/** The hashes of a page's inline stylesheets, in order. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => styleHash(css!));
}
