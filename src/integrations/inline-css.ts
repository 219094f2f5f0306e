import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterBuild } from './after-build';
import { pruneCss, styleHash } from '../lib/inline-css';
import { cspMeta } from '../lib/security-headers';

const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*>|<style>([\s\S]*?)<\/style>/g;
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The page without the developers' HTML comments (kept in the components' source), outside scripts and styles. */
const withoutComments = (html: string) =>
  html
    .split(/(<script\b[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>)/)
    .map((part, i) => (i % 2 ? part : part.replace(/<!--[\s\S]*?-->/g, '')))
    .join('');

/** The page's module scripts and the chunks they import, as text. */
function scriptsOf(html: string, read: (path: string) => string | undefined): string[] {
  const seen = new Map<string, string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    const text = read(path);
    if (text === undefined) return;
    seen.set(path, text);
    for (const [, chunk] of text.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g))
      visit(path.replace(/[^/]+$/, chunk!));
  };
  for (const [, src] of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)) visit(src!);
  return [...seen.values()];
}

/**
 * Puts each page's stylesheets into the page, pruned to the rules it can use
 * (src/lib/inline-css.ts): the site's CSS, and what only paper uses — the print rules and the
 * web fonts' @font-face rules, under @media print as their <link> said — so the first screen
 * renders from the HTML alone and a screen requests no stylesheet, print-only or not (the
 * developers' HTML comments go too). The CSP
 * <meta> then allows that one inline stylesheet by its hash (the hosts' headers follow, from
 * src/integrations/host-headers.ts), and the stylesheet files, referenced by no page, go.
 */
export function inlineCss(): AstroIntegration {
  return afterBuild('inline-css', ({ distDir, base, logger }) => {
    const local = (href: string) =>
      href.startsWith(base) ? href.slice(base.length).split(/[?#]/)[0] : undefined;
    const read = (href: string) => {
      const file = local(href);
      return file && existsSync(join(distDir, file)) ? readFileSync(join(distDir, file), 'utf8') : undefined;
    };
    const inlined = new Set<string>();
    let [pages, before, after] = [0, 0, 0];
    for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.html')) continue;
      const path = join(distDir, file);
      const html = withoutComments(readFileSync(path, 'utf8'));
      const sheets: string[] = [];
      const marked = html.replace(STYLESHEET, (tag, inline: string | undefined) => {
        let css = inline;
        if (css === undefined) {
          const href = attribute(tag, 'href') ?? '';
          css = read(href);
          if (css === undefined) return tag; // another origin's, or not built: left as it is
          inlined.add(local(href)!);
          const media = attribute(tag, 'media');
          if (media && media !== 'all') css = `@media ${media}{${css}}`;
        }
        sheets.push(css);
        return sheets.length === 1 ? '<!--inline-css-->' : '';
      });
      if (sheets.length === 0) {
        writeFileSync(path, html);
        continue;
      }
      const css = pruneCss(sheets.join('\n'), { html: marked, scripts: scriptsOf(html, read) });
      if (/<\/style/i.test(css)) throw new Error(`${file}: the CSS would close its own <style>`);
      const withStyle = marked
        .replace('<!--inline-css-->', () => `<style>${css}</style>`)
        .replace(
          /(<meta http-equiv="content-security-policy" content=")[^"]*(")/,
          (_, open: string, close: string) => `${open}${cspMeta([styleHash(css)])}${close}`,
        );
      writeFileSync(path, withStyle);
      pages += 1;
      before += sheets.join('\n').length;
      after += css.length;
    }
    for (const file of inlined) {
      rmSync(join(distDir, file), { force: true });
      const folder = dirname(join(distDir, file));
      if (folder !== distDir && readdirSync(folder).length === 0) rmSync(folder, { recursive: true });
    }
    logger.info(
      `CSS inlined into ${pages} pages, ${Math.round(before / pages / 1024)} KB a page pruned to ` +
        `${Math.round(after / pages / 1024)} KB on average; ${inlined.size} stylesheet files no longer needed`,
    );
  });
}
