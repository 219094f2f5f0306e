// Progressive enhancement of the panels that open over the page on the Popover API (the contents
// menu, a section's QR code): the browser closes them on Esc and on a click elsewhere; this
// closes them, as a menu closes, when focus moves out of their scope (the button and the panel)
// and when one of their links is followed (an in-page anchor leaves the page where it is, so the
// open menu would cover the place it leads to); and the arrow keys, Home and End move between
// the menu's links, the page staying put.

export function closePopoversLikeMenus(doc: Document) {
  for (const scope of doc.querySelectorAll<HTMLElement>('[data-panel]')) {
    const panel = scope.querySelector<HTMLElement>('[popover]');
    if (!panel) continue;
    const close = () => panel.hidePopover();
    scope.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      // No next element: the window lost focus, or a click on something that takes none.
      if (next && !scope.contains(next)) close();
    });
    panel.addEventListener('click', (event) => {
      if ((event.target as Element).closest('a[href]')) close();
    });
    scope.addEventListener('keydown', (event) => {
      const links = [...panel.querySelectorAll<HTMLElement>('a[href]')];
      const step = { ArrowDown: 1, ArrowUp: -1, Home: 0, End: 0 }[event.key];
      if (step === undefined || links.length < 2 || !panel.matches(':popover-open')) return;
      event.preventDefault();
      const at = links.indexOf(doc.activeElement as HTMLElement);
      const next =
        event.key === 'Home'
          ? 0
          : event.key === 'End' || (at < 0 && step < 0)
            ? -1
            : (at + step) % links.length;
      links.at(next)!.focus();
    });
  }
}
