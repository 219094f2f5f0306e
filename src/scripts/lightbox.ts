// Progressive enhancement of PhotoGallery: without JavaScript each photo is a link to its large
// rendition; with it, the links open a native <dialog> that pages through the gallery by
// buttons, arrow keys, Home/End and swipes. The page behind it does not scroll while it is open
// (global.css); on closing, focus goes back to the photo it was opened from, in view.

const SWIPE_DISTANCE = 40;

function enhance(gallery: HTMLElement) {
  const dialog = gallery.querySelector<HTMLDialogElement>('dialog[data-lightbox]');
  const items = [...gallery.querySelectorAll<HTMLElement>('[data-gallery-item]')];
  if (!dialog || items.length === 0) return;
  const part = <T extends Element>(name: string) => dialog.querySelector<T>(`[data-lightbox-${name}]`)!;
  const image = document.createElement('img');
  image.className = 'max-h-full max-w-full object-contain';
  part<HTMLElement>('stage').prepend(image);
  const [counter, caption] = [part<HTMLElement>('counter'), part<HTMLElement>('caption')];
  const [previous, next] = [part<HTMLButtonElement>('prev'), part<HTMLButtonElement>('next')];
  let index = 0;
  let opener: HTMLElement | null = null;

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
      opener = event.currentTarget as HTMLElement;
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
    opener?.focus({ preventScroll: true });
    opener?.scrollIntoView({ block: 'nearest' });
  });

  let swipeStart: number | undefined;
  const stage = part<HTMLElement>('stage');
  stage.addEventListener('pointerdown', (event) => (swipeStart = event.clientX));
  stage.addEventListener('pointerup', (event) => {
    if (swipeStart === undefined) return;
    const distance = event.clientX - swipeStart;
    swipeStart = undefined;
    if (Math.abs(distance) >= SWIPE_DISTANCE) show(index + (distance < 0 ? 1 : -1));
  });
}

export function enhanceGalleries(scope: ParentNode) {
  for (const gallery of scope.querySelectorAll<HTMLElement>('[data-gallery]')) {
    if (gallery.hasAttribute('data-gallery-ready')) continue;
    gallery.setAttribute('data-gallery-ready', '');
    enhance(gallery);
  }
}
