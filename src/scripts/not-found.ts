// Progressive enhancement of the 404 page, which hosts serve for every unknown address: the
// language of the address asked for comes first (under /en/…, English). Without a script the
// page opens in the default language, with every language on it.
import { DEFAULT_LANG, LANGS, withoutBase } from '../lib/i18n';

export function readersLanguageFirst(doc: Document) {
  const [first] = withoutBase(import.meta.env.BASE_URL, doc.location.pathname)
    .split('/')
    .filter(Boolean);
  const lang = LANGS.find((candidate) => candidate === first && candidate !== DEFAULT_LANG);
  const block = lang && doc.querySelector(`[data-not-found-lang="${lang}"]`);
  if (!block || !block.parentElement) return;
  block.parentElement.prepend(block);
  doc.title = [...doc.querySelectorAll('[data-not-found-lang] h1')]
    .map((heading) => heading.textContent?.trim())
    .join(' · ');
}
