// Progressive enhancement of LanguageSwitch: anchors are identical in both languages, but a
// plain link cannot know where the reader is. As the link is followed, it takes the anchor of
// the innermost section, chart, figure or photo at the top of the screen (below the sticky
// header), so the other language opens at the same place. Without a script the link leads to
// the top of the same page.

/** The id of the innermost anchored element at the top of the screen, or '' at the page top. */
function placeAtTop(doc: Document = document): string {
  if (doc.defaultView && doc.defaultView.scrollY < 1) return '';
  const header = doc.querySelector('body > header');
  // What a reader sees first: just below the header, where an anchor the page was opened at lands.
  const line = (header?.getBoundingClientRect().bottom ?? 0) + 32;
  let below: HTMLElement | undefined;
  let place = '';
  for (const element of doc.querySelectorAll<HTMLElement>('main [id]')) {
    const { top, bottom, height } = element.getBoundingClientRect();
    if (height === 0) continue;
    // Document order: a later element spanning the line is inside an earlier one.
    if (top <= line && bottom > line) place = element.id;
    else if (top > line && !below) below = element;
  }
  return place || below?.id || '';
}

export function keepPlaceAcrossLanguages(scope: ParentNode) {
  for (const link of scope.querySelectorAll<HTMLAnchorElement>('a[data-keep-hash]')) {
    // Before the browser acts on the link: a click, Enter, or a middle/ctrl click for a new tab.
    const carry = () => {
      const place = placeAtTop();
      link.hash = place ? `#${place}` : '';
    };
    link.addEventListener('click', carry);
    link.addEventListener('auxclick', carry);
    link.addEventListener('contextmenu', carry);
  }
}
