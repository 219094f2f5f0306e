// Progressive enhancement of ShareControls. Every control carries the canonical URL it shares
// (data-share-url, written at build time). With a script, "copy link" copies it and says so
// in the page's one status region (ShareStatus), which clears itself; where the clipboard
// refuses, a field with the link to copy appears instead. The device's share sheet, where
// there is one, is offered by the section's share button. (A section's QR code opens over the
// page and closes like a menu: src/browser/popovers.ts.)

const CLEAR_AFTER_MS = 5000;

/** Says "link copied" in the page's status region, then clears it. */
function copiedAnnouncer(doc: Document) {
  const status = doc.querySelector<HTMLElement>('[data-share-status]');
  const text = status?.dataset['copied'] ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (!status) return;
    clearTimeout(timer);
    // Emptied first, so the same message said twice is announced twice.
    status.textContent = '';
    requestAnimationFrame(() => {
      status.textContent = text;
      timer = setTimeout(() => (status.textContent = ''), CLEAR_AFTER_MS);
    });
  };
}

function fallbackField(doc: Document) {
  const field = doc.querySelector<HTMLElement>('[data-share-fallback]');
  const input = field?.querySelector('input');
  if (!field || !input) return () => {};
  let opener: HTMLElement | null = null;
  const hide = () => field.removeAttribute('data-shown');
  input.addEventListener('blur', hide);
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' && event.key !== 'Enter') return;
    event.preventDefault();
    opener?.focus();
  });
  return (url: string, from: HTMLElement) => {
    opener = from;
    field.setAttribute('data-shown', '');
    input.value = url;
    input.focus();
    input.select();
  };
}

export function enhanceSharing(doc: Document) {
  const root = doc.documentElement;
  if (root.hasAttribute('data-share-ready')) return;
  root.setAttribute('data-share-ready', '');
  const announceCopied = copiedAnnouncer(doc);
  const offerField = fallbackField(doc);

  if (typeof navigator.share === 'function') {
    for (const button of doc.querySelectorAll<HTMLElement>('[data-share-native]')) button.hidden = false;
  }

  doc.addEventListener('click', (event) => {
    const control = (event.target as Element | null)?.closest<HTMLElement>(
      '[data-share-copy], [data-share-native]',
    );
    const url = control?.dataset['shareUrl'];
    if (!control || !url) return;
    if (control.hasAttribute('data-share-native')) {
      navigator.share({ title: control.dataset['shareTitle'] ?? doc.title, url }).catch(() => {
        // The reader closed the share sheet: nothing to do.
      });
      return;
    }
    const { metaKey, ctrlKey, shiftKey } = event as MouseEvent;
    if (metaKey || ctrlKey || shiftKey) return; // a figure's link opened in a new tab, as asked
    event.preventDefault();
    // No clipboard at all (an insecure origin) fails the same way as a refusal.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(url))
      .then(announceCopied)
      .catch(() => offerField(url, control));
  });
}
