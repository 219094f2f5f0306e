// Progressive enhancement of the disclosures that open over the page (the contents menu, a
// section's QR code): the <details> opens and closes by itself; this makes it close the way a
// menu does — on Esc (focus back on its button), on a click or tap outside it, when focus
// moves out of it, and when one of its links is followed (an in-page anchor leaves the page
// where it is, so the open menu would cover the place it leads to); and the arrow keys move
// within it.

export function closeLikeAMenu(details: HTMLDetailsElement) {
  if (details.hasAttribute('data-enhanced')) return;
  details.setAttribute('data-enhanced', '');
  const summary = details.querySelector('summary');
  const close = () => {
    details.open = false;
  };

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !details.open) return;
    const focusWasInside = details.contains(document.activeElement);
    close();
    if (focusWasInside) summary?.focus();
  });
  // On click, not pointerdown: closing a <details> while a pointer is down on its content
  // (the menu's scrim) crashes Chromium's renderer.
  document.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (details.open && (!details.contains(target) || target.closest('[data-menu-scrim]'))) close();
  });
  details.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    // No next element: the window lost focus, or a click on something that takes none (above).
    if (next && !details.contains(next)) close();
  });
  details.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a[href]')) close();
  });
  // In an open menu, the arrow keys, Home and End move between its links; the page stays put.
  details.addEventListener('keydown', (event) => {
    const links = [...details.querySelectorAll<HTMLElement>('nav a[href]')];
    const step = { ArrowDown: 1, ArrowUp: -1, Home: 0, End: 0 }[event.key];
    if (!details.open || step === undefined || links.length === 0) return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End' || (at < 0 && step < 0)
          ? -1
          : (at + step) % links.length;
    links.at(next)!.focus();
  });
}

/** The contents menu, and a section's QR code (ShareQrCode), which opens over the page too. */
export function enhanceMenus(scope: ParentNode) {
  for (const menu of scope.querySelectorAll<HTMLDetailsElement>('details[data-menu], details[data-share-qr]'))
    closeLikeAMenu(menu);
}
