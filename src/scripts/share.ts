// Progressive enhancement of ShareControls: the markup is a working anchor link; with
// JavaScript it copies the full URL (or hands it to the device's share sheet) instead.

function linkFor(anchor: HTMLAnchorElement): string {
  const url = new URL(anchor.href, location.href);
  return `${location.origin}${location.pathname}${url.hash}`;
}

function announce(root: Element, text: string) {
  const status = root.querySelector<HTMLElement>('[data-share-status]');
  if (!status) return;
  // Clearing first makes a repeated message announce again.
  status.textContent = '';
  requestAnimationFrame(() => (status.textContent = text));
}

function showFallback(root: Element, url: string) {
  const fallback = root.querySelector<HTMLLabelElement>('[data-share-fallback]');
  const input = fallback?.querySelector('input');
  if (!fallback || !input) return;
  fallback.hidden = false;
  input.value = url;
  input.focus();
  input.select();
}

export function enhanceShareControls(scope: ParentNode) {
  for (const root of scope.querySelectorAll('[data-share]')) {
    const copy = root.querySelector<HTMLAnchorElement>('[data-share-copy]');
    const native = root.querySelector<HTMLButtonElement>('[data-share-native]');
    if (!copy || root.hasAttribute('data-share-ready')) continue;
    root.setAttribute('data-share-ready', '');

    copy.addEventListener('click', async (event) => {
      event.preventDefault();
      const url = linkFor(copy);
      history.replaceState(null, '', url);
      try {
        await navigator.clipboard.writeText(url);
        announce(root, root.querySelector<HTMLElement>('[data-share-status]')?.dataset['copied'] ?? '');
      } catch {
        showFallback(root, url);
      }
    });

    if (native && typeof navigator.share === 'function') {
      native.hidden = false;
      native.addEventListener('click', () => {
        navigator
          .share({ title: native.dataset['shareTitle'] ?? document.title, url: linkFor(copy) })
          .catch(() => {
            // The reader closed the share sheet: nothing to do.
          });
      });
    }
  }
}
