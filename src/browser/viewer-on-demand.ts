// The photo viewer (src/browser/lightbox.ts) is fetched when a reader first reaches for a photo, not
// with the page: until then each photo is the link to its large rendition it is without
// JavaScript. Its module waits, inert, in a <template> (components/Lightbox.astro; in `astro dev`
// it runs at once, and this does nothing); fetching
// starts as a pointer comes down on a photo or focus reaches one, and the click that opens the
// first photo waits for it (or follows the link if it cannot be had).

const LINK = 'a[data-lightbox-large]';

export function openViewerOnDemand(doc: Document) {
  const inert = doc
    .querySelector<HTMLTemplateElement>('template[data-defer-script]')
    ?.content.querySelector('script');
  if (!inert) return;
  let ready = false;
  let viewer: Promise<void> | undefined;
  const load = () =>
    (viewer ??= new Promise<void>((resolve, reject) => {
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = inert.getAttribute('src') ?? '';
      script.onload = () => {
        ready = true;
        resolve();
      };
      script.onerror = reject;
      doc.head.append(script);
    }));
  const photoLink = (event: Event) => (event.target as Element | null)?.closest?.<HTMLAnchorElement>(LINK);
  for (const type of ['pointerdown', 'focusin'])
    doc.addEventListener(type, (event) => photoLink(event) && load());
  doc.addEventListener('click', (event) => {
    const link = photoLink(event);
    const { metaKey, ctrlKey, shiftKey } = event as MouseEvent;
    if (!link || ready || metaKey || ctrlKey || shiftKey) return;
    event.preventDefault();
    load().then(
      () => link.click(),
      () => location.assign(link.href),
    );
  });
}
