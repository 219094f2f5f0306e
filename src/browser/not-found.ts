// Progressive enhancement of the 404 page, which hosts serve for every unknown address: the
// language of the address asked for comes first (under /en/…, English). Without a script the
// page opens in the default language, with every language on it.
import { withoutBase } from '../lib/base-path';
import { DEFAULT_LANG, pathLang } from '../lib/i18n';

export function readersLanguageFirst(doc: Document) {
  const lang = pathLang(withoutBase(import.meta.env.BASE_URL, doc.location.pathname));
  const block = lang !== DEFAULT_LANG && doc.querySelector(`[data-not-found-lang="${lang}"]`);
  if (!block || !block.parentElement) return;
  block.parentElement.prepend(block);
  doc.title = [...doc.querySelectorAll('[data-not-found-lang] h1')]
    .map((heading) => heading.textContent?.trim())
    .join(' · ');
}
