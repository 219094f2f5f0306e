// Progressive enhancement of PhotoGallery: without JavaScript each photo opens a view of its own
// (a :target overlay with its caption and a way back); with it, the links open a native
// <dialog> that pages through the gallery by buttons, arrow keys, Home/End and swipes, and
// leaves pinch-zoom to the browser. The page behind it does not scroll while it is open
// (src/styles/base.css); on closing, focus goes back to the photo last viewed, in view.

const SWIPE_DISTANCE = 40;

function enhance(gallery: HTMLElement) {
  const dialog = gallery.querySelector<HTMLDialogElement>('dialog[data-lightbox]');
  const items = [...gallery.querySelectorAll<HTMLElement>('[data-gallery-item]')];
  if (!dialog || items.length === 0) return;
  const part = <T extends Element>(name: string) => dialog.querySelector<T>(`[data-lightbox-${name}]`)!;
  const image = document.createElement('img');
  image.className = 'min-h-0 w-full object-contain';
  image.alt = '';
  part<HTMLElement>('stage').prepend(image);
  const [counter, caption] = [part<HTMLElement>('counter'), part<HTMLElement>('caption')];
  const [previous, next] = [part<HTMLButtonElement>('prev'), part<HTMLButtonElement>('next')];
  let index = 0;

  const show = (target: number) => {
    index = (target + items.length) % items.length;
    const item = items[index]!;
    const link = item.querySelector<HTMLAnchorElement>('a[data-lightbox-large]')!;
    image.src = link.dataset['lightboxLarge'] ?? link.href;
    image.alt = item.querySelector<HTMLImageElement>('picture img')?.alt ?? '';
    caption.textContent = item.querySelector('[data-caption]')?.textContent ?? '';
    counter.textContent = `${index + 1} / ${items.length}`;
  };
  previous.hidden = next.hidden = items.length < 2;

  items.forEach((item, position) => {
    item.querySelector('a[data-lightbox-large]')?.addEventListener('click', (event) => {
      const { metaKey, ctrlKey, shiftKey } = event as MouseEvent;
      if (metaKey || ctrlKey || shiftKey) return; // a new tab, as the reader asked
      event.preventDefault();
      show(position);
      dialog.showModal();
    });
  });
  previous.addEventListener('click', () => show(index - 1));
  next.addEventListener('click', () => show(index + 1));
  part<HTMLButtonElement>('close').addEventListener('click', () => dialog.close());
  const keys: Record<string, () => number> = {
    ArrowLeft: () => index - 1,
    ArrowRight: () => index + 1,
    Home: () => 0,
    End: () => items.length - 1,
  };
  dialog.addEventListener('keydown', (event) => {
    const target = keys[event.key];
    if (!target) return;
    event.preventDefault();
    show(target());
  });
  // A click on the dark backdrop, outside the picture, closes the viewer.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog || event.target === part('stage')) dialog.close();
  });
  dialog.addEventListener('close', () => {
    const last = items[index]!.querySelector<HTMLElement>('a[data-lightbox-large]')!;
    last.focus({ preventScroll: true });
    last.scrollIntoView({ block: 'nearest' });
  });

  // A one-finger swipe at normal scale pages; two fingers, or a zoomed-in photo, are the
  // browser's own pinch-zoom and panning. Touch events, as the browser may take the pointer.
  let swipeStart: number | undefined;
  const stage = part<HTMLElement>('stage');
  stage.addEventListener(
    'touchstart',
    (event) => {
      const zoomed = (visualViewport?.scale ?? 1) > 1.01;
      swipeStart = event.touches.length === 1 && !zoomed ? event.touches[0]!.clientX : undefined;
    },
    { passive: true },
  );
  stage.addEventListener(
    'touchend',
    (event) => {
      const end = event.changedTouches[0];
      if (swipeStart === undefined || !end || event.touches.length > 0) return;
      const distance = end.clientX - swipeStart;
      swipeStart = undefined;
      if (Math.abs(distance) >= SWIPE_DISTANCE) show(index + (distance < 0 ? 1 : -1));
    },
    { passive: true },
  );
}

export function enhanceGalleries(scope: ParentNode) {
  for (const gallery of scope.querySelectorAll<HTMLElement>('[data-gallery]')) {
    if (gallery.hasAttribute('data-gallery-ready')) continue;
    gallery.setAttribute('data-gallery-ready', '');
    enhance(gallery);
  }
}
