import { describe, expect, it } from 'vitest';
import { inlineStyleHashes, pruneCss, requiredPart } from '../../src/lib/inline-css';

const page = (html: string, scripts: string[] = []) => ({ html, scripts });

describe('pruning a page’s CSS', () => {
  it('keeps the rules of the classes the page carries, and drops the others', () => {
    const css = '.a{color:red}.b{color:blue}.sm\\:a:hover{color:green}@media (width>=40rem){.b{margin:0}}';
    expect(pruneCss(css, page('<p class="a sm:a">x</p>'))).toBe('.a{color:red}.sm\\:a:hover{color:green}');
  });

  it('keeps what a script may add, and what needs a class to be absent or one of several', () => {
    const css = '.shown{display:block}.x:not(.y){top:0}:where(.p,.q) .x{left:0}.z{right:0}';
    const pruned = pruneCss(css, page('<i class="x">', ['e.className=`shown`']));
    expect(pruned).toBe('.shown{display:block}.x:not(.y){top:0}:where(.p,.q) .x{left:0}');
  });

  it('drops a rule for another page’s attribute value, an element the page lacks, or inside :has()', () => {
    const css =
      ':root:has([data-print-page="a"]){--u:"a"}:root:has([data-print-page="b"]){--u:"b"}' +
      'table{border:0}abbr:where([title]){cursor:help}[data-shown]{display:block}' +
      '@page{@bottom-left{content:var(--u)}}';
    expect(pruneCss(css, page('<span data-print-page="a"></span><table></table>'))).toBe(
      ':root:has([data-print-page="a"]){--u:"a"}table{border:0}[data-shown]{display:block}@page{@bottom-left{content:var(--u)}}',
    );
  });

  it('drops custom properties and @property rules nothing reads, unless the page or a script names them', () => {
    const css =
      '@property --tw-a{syntax:"*";inherits:false}@property --tw-b{syntax:"*";inherits:false}' +
      ':root{--used:1px;--unused:2px;--set-by-script:0;--chain:var(--used)}.a{margin:var(--chain);--tw-a:1;translate:var(--tw-a)}';
    const pruned = pruneCss(css, page('<p class="a">', ['style.setProperty("--set-by-script","1")']));
    expect(pruned).toContain('--used:1px');
    expect(pruned).toContain('--chain:var(--used)');
    expect(pruned).toContain('--set-by-script:0');
    expect(pruned).toContain('@property --tw-a');
    expect(pruned).not.toContain('--unused');
    expect(pruned).not.toContain('--tw-b');
  });

  it('keeps @font-face, @keyframes and the :lang() rules of every language', () => {
    const css =
      '@media print{@font-face{font-family:R;src:url(/f.woff2)}}@keyframes k{from{opacity:0}to{opacity:1}}' +
      ':lang(en) .p{hyphens:auto}';
    expect(pruneCss(css, page('<p class="p">'))).toBe(css);
  });

  it('reads what a selector needs, less :not() and lists of alternatives', () => {
    expect(requiredPart('.a:not(.b) :is(.c) :where(.d,.e)').replace(/\s+/g, ' ').trim()).toBe('.a .c');
    expect(requiredPart('.h-\\[calc\\(1px\\)\\]:has(> img)').replace(/\s+/g, ' ').trim()).toBe(
      '.h-\\[calc\\(1px\\)\\] > img',
    );
  });
});

describe('inline style hashes', () => {
  it('gives each <style> of a page its CSP source, in order', () => {
    const hashes = inlineStyleHashes('<style>a{}</style><p></p><style>b{}</style>');
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(hash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(hashes[0]).not.toBe(hashes[1]);
  });
});
