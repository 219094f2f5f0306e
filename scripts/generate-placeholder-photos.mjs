// Generates stand-in photos for an edition until the originals arrive, as its
// photos/placeholders.json describes them (which photos, their sizes, scenes, caption cards,
// cameras, dates and places: all content, none of it here).
//
// Usage: node_modules/.bin/node scripts/generate-placeholder-photos.mjs [--preview <dir>]
//   REPORT_CONTENT_DIR=<folder>  the edition (default content/); writes into its photos/
//   --preview <dir>  also writes a 600 px wide, upright PNG of each photo into <dir>.
//
// Each picture is an SVG (an abstract scene + a caption card that says it is a placeholder),
// rendered by sharp/librsvg at the full camera size and saved as a JPEG that looks like a camera
// file: quality 85, EXIF Make/Model/DateTimeOriginal, GPS and Orientation.
// The output is deterministic (no randomness); re-running overwrites the files with the same bytes.
//
// Why camera-like files: the site's image pipeline must cope with what real photos bring, so the
// placeholders bring it too. GPS is personal data a page should not leak. A photo with
// `"orientation": 6` is stored the way phones store portrait shots: the pixels are landscape and
// EXIF Orientation 6 says "turn 90° clockwise to display". It only shows upright when the
// pipeline honours the tag; if it appears sideways on the site, the pipeline ignores orientation.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const CONTENT = path.resolve(
  process.env['REPORT_CONTENT_DIR'] ?? path.join(import.meta.dirname, '../content'),
);
const OUT = path.join(CONTENT, 'photos');
const C = { paper: '#faf7f2', ink: '#1c1917', red: '#a61b1b' };
const [SANS, SERIF] = [`'Noto Sans CJK SC', sans-serif`, `'Noto Serif CJK SC', 'Noto Sans CJK SC', serif`];
const LABEL = '示意图 · PLACEHOLDER — replace with the original photo';
const CAMERAS = {
  iphone: { Make: 'Apple', Model: 'iPhone 13 Pro' },
  canon: { Make: 'Canon', Model: 'Canon EOS R6' },
  huawei: { Make: 'HUAWEI', Model: 'NOH-AN00' },
};
const SCENES = { skyline, hall, table, group, colonnade };

// Per photo (photos/placeholders.json): size as displayed; scene; zh: the caption broken by hand
// at phrase boundaries (CJK ≈ 1em per character); card: caption card position, in fractions of
// the picture, `from` the edge y is measured to; shot: camera, local time, latitude N, longitude E.
const PHOTOS = JSON.parse(readFileSync(path.join(OUT, 'placeholders.json'), 'utf8')).photos.map((p) => {
  if (!SCENES[p.scene]) throw new Error(`placeholders.json: ${p.id} has no scene ${p.scene}`);
  return { ...p, scene: SCENES[p.scene] };
});

// SVG helpers. hash() is a fixed pseudo-random sequence in [0, 1), so every run draws the same.
const hash = (i) => (((Math.sin(i * 12.9898) * 43758.5453) % 1) + 1) % 1;
const rep = (n, draw) => Array.from({ length: n }, (_, i) => draw(i)).join('');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rect = (x, y, w, h, fill, extra = '') =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" ${extra}/>`;
const circle = (x, y, r, fill, extra = '') =>
  `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" ${extra}/>`;
const text = (x, y, size, fill, body, font = SANS, extra = '') =>
  `<text x="${x}" y="${y}" font-family="${font}" font-size="${size}" fill="${fill}" ${extra}>${esc(body)}</text>`;
const lin = (id, stops, x2 = 0, y2 = 1) =>
  `<linearGradient id="${id}" x2="${x2}" y2="${y2}">${rep(stops.length, (i) => `<stop offset="${i / (stops.length - 1)}" stop-color="${stops[i]}"/>`)}</linearGradient>`;
// A soft drop shadow from stacked translucent rectangles (a blur filter takes seconds at 12 MP).
const shadow = (x, y, w, h, rx, u) =>
  [2.4, 2.1, 1.8, 1.5, 1.2, 0.9, 0.6, 0.3]
    .map((g) =>
      rect(x - g * u, y - g * u, w + 2 * g * u, h + 2 * g * u, '#000', `rx="${rx + g * u}" opacity=".03"`),
    )
    .join('');

// A figure seen head-on: head, shoulders and a light shirt collar; y is the top of the head.
function person(x, y, r, seed, tones) {
  const fill = tones[Math.floor(hash(seed + 3) * tones.length)];
  [x, y] = [x + (hash(seed + 5) - 0.5) * 0.8 * r, y + (hash(seed + 9) - 0.5) * 0.6 * r];
  const top = y + r * 2.25;
  return `${circle(x, y + r, r, fill)}${rect(x - 1.75 * r, top, 3.5 * r, 14 * r, fill, `rx="${1.3 * r}"`)}
    <path d="M${x - 0.55 * r} ${top} L${x} ${top + 1.2 * r} L${x + 0.55 * r} ${top} Z" fill="#e9e3d9"/>`;
}

// English wraps by estimate: Noto Sans averages about 0.5em per character in running text.
function wrap(words, maxPx, size) {
  const lines = [''];
  for (const word of words.split(' ')) {
    const next = lines.at(-1) ? `${lines.at(-1)} ${word}` : word;
    if (next.length * 0.5 * size > maxPx && lines.at(-1)) lines.push(word);
    else lines[lines.length - 1] = next;
  }
  return lines;
}

// The caption card: placeholder label, Chinese caption, English caption, file name.
function card(p, W, H, u) {
  const { x, y, w, from, dark } = p.card;
  const [cx, inner, pad] = [x * W, w * W - 6.8 * u, 3.4 * u];
  const zhSize = Math.min(5.4 * u, inner / Math.max(...p.zh.map((l) => l.length)));
  const [enSize, en] = [2.3 * u, wrap(p.en, inner, 2.3 * u)];
  const height = 2 * pad + 11 * u + p.zh.length * zhSize * 1.32 + en.length * enSize * 1.45;
  const cy = from === 'top' ? y * H : y * H - height;
  const [bg, fg, sub] = dark ? [C.ink, C.paper, '#d6d3d1'] : [C.paper, C.ink, '#57534e'];
  const stored = p.orientation ? ` (stored ${H} × ${W}, EXIF orientation ${p.orientation})` : '';
  const file = `${path.basename(CONTENT)}/photos/${p.id}.jpg · ${W} × ${H}${stored}`;
  let t = cy + pad + 4.1 * u; // running baseline
  const zh = p.zh.map((line) =>
    text(cx + pad, (t += zhSize * 1.32) - zhSize * 0.3, zhSize, fg, line, SERIF, 'font-weight="700"'),
  );
  t += 1.8 * u;
  const english = en.map((line) => text(cx + pad, (t += enSize * 1.45) - enSize * 0.4, enSize, sub, line));
  return `${shadow(cx + 0.6 * u, cy + u, w * W, height, 0, u)}
    ${rect(cx, cy, w * W, height, bg, `opacity="${dark ? 0.9 : 0.95}"`)}${rect(cx, cy, 0.7 * u, height, C.red)}
    ${text(cx + pad, cy + pad + 1.5 * u, Math.min(1.55 * u, inner / 31), dark ? '#e9a3a3' : C.red, LABEL, SANS, 'font-weight="700"')}
    ${zh.join('')}${english.join('')}${rect(cx + pad, t + 1.6 * u, inner, 0.12 * u, sub)}
    ${text(cx + pad, t + 4 * u, Math.min(1.45 * u, inner / (file.length * 0.61)), sub, file, `'DejaVu Sans Mono', monospace`)}`;
}

// Scenes: soft, abstract compositions in the site's palette, drawn in fractions of W and H and in
// the layout unit u. Later elements paint over earlier ones.
function skyline(W, H, u) {
  const towers = (k, tone, base) =>
    rep(11, (i) => {
      const [bw, bh, bx] = [
        (6 + hash(i + k * 20) * 8) * u,
        (18 + hash(i * 3 + k) * 34 - k * 6) * u,
        (i / 11) * W + (hash(i + 7 * k) * 5 - k * 3) * u,
      ];
      return (
        rect(bx, base * H - bh, bw, bh + H, tone) +
        (k === 2 ? rect(bx + bw * 0.15, base * H - bh + 2 * u, bw * 0.7, bh, 'url(#win)') : '')
      );
    });
  return `<defs>${lin('sky', ['#efe6d8', '#f6efe4', '#dcd2c4'])}${lin('street', ['#8a7f77', '#5e554f'])}</defs>
    ${rect(0, 0, W, H, 'url(#sky)')}${circle(W * 0.74, H * 0.3, 24 * u, 'url(#glow)')}
    ${towers(0, '#cbc1b4', 0.72)}${towers(1, '#a89d92', 0.78)}${towers(2, '#7d736b', 0.84)}
    ${rect(0, H * 0.84, W, H, 'url(#street)')}
    ${rep(6, (i) => person(W * (0.68 + i * 0.036), H * 0.86, 1.4 * u, i, ['#2a2421', '#3a312c']))}`;
}

function hall(W, H, u) {
  const seats = (tone, r, n = 12 + r * 2, y = H * (0.66 + r * 0.09)) =>
    rep(
      n,
      (i) =>
        (hash(i + r * 31) < 0.8 ? circle(((i + 0.5) * W) / n, y, (W / n) * 0.17, '#151210') : '') +
        rect(((i + 0.12) * W) / n, y, (W / n) * 0.76, H, tone, `rx="${u * (1 + r * 0.3)}"`),
    );
  return `<defs>${lin('wall', ['#3a322e', '#231e1b'])}${lin('banner', ['#b42222', '#7d1414'])}</defs>
    ${rect(0, 0, W, H, 'url(#wall)')}${rect(W * 0.18, H * 0.13, W * 0.64, H * 0.3, 'url(#banner)')}
    ${rep(9, (i) => circle(W * (0.1 + i * 0.1), H * 0.06, 5 * u, 'url(#glow)', 'opacity=".7"'))}
    ${rect(W * 0.22, H * 0.19, W * 0.56, 0.4 * u, '#d9b77a', 'opacity=".6"')}
    ${rep(12, (i) => person(W * (0.2 + i * 0.055), H * 0.36, 1.5 * u, i, ['#1c1917', '#2a2421']))}
    ${rect(W * 0.12, H * 0.46, W * 0.76, H * 0.13, '#d8d0c4')}${rect(W * 0.12, H * 0.46, W * 0.76, H * 0.03, '#f4efe6')}
    ${rep(12, (i) => rect(W * (0.19 + i * 0.055), H * 0.44, 2.2 * u, 0.8 * u, C.paper))}
    ${seats('#4a403a', 0)}${seats('#3d3531', 1)}${seats('#2f2926', 2)}${seats('#221d1a', 3)}`;
}

function table(W, H, u) {
  const [tx, ty, tw, th] = [W * 0.3, H * 0.06, W * 0.4, H * 0.5];
  const column = (dx, w, h, fill, extra) =>
    rep(8, (i) => rect(tx + dx, ty + th * (0.1 + i * 0.115), w, h, fill, extra));
  const chairs = [-6 * u, tw + u]
    .map((dx) => column(dx, 5 * u, 5 * u, '#57504a', `rx="${1.4 * u}"`))
    .join('');
  const papers = [2.2 * u, tw - 6.2 * u]
    .map((dx) => column(dx, 4 * u, 3 * u, C.paper, 'opacity=".9"'))
    .join('');
  return `<defs>${lin('carpet', ['#e4ddd2', '#cfc6ba'])}${lin('wood', ['#9a8b7e', '#7b6d62'], 1, 1)}</defs>
    ${rect(0, 0, W, H, 'url(#carpet)')}${chairs}${shadow(tx + 0.6 * u, ty + u, tw, th, tw / 2, u)}
    ${rect(tx, ty, tw, th, 'url(#wood)', `rx="${tw / 2}"`)}
    ${rect(tx + 4 * u, ty + 4 * u, tw - 8 * u, th - 8 * u, 'none', `rx="${tw / 2 - 4 * u}" stroke="#b8aa9c" stroke-width="${0.3 * u}"`)}
    ${papers}${circle(W / 2, ty + th / 2, 5 * u, '#6b7a5a', 'opacity=".35"')}${circle(W / 2, ty + th / 2, 3.2 * u, C.red)}`;
}

function group(W, H, u) {
  const row = (k, n, r, y, tones) =>
    rep(n, (i) => person(W * (0.5 + (i - (n - 1) / 2) * 0.082), H * y, r * u, i + k * 17, tones));
  return `<defs>${lin('red', ['#b52424', '#8c1717', '#5e1010'])}${lin('floor', ['#6d625b', '#3a302c'])}</defs>
    ${rect(0, 0, W, H, 'url(#red)')}${rep(24, (i) => rect((i * W) / 24, 0, W / 48, H, '#fff', 'opacity=".025"'))}
    ${rect(0, H * 0.86, W, H, 'url(#floor)')}
    ${row(0, 12, 2.5, 0.5, ['#7a6d66', '#6b5f58'])}${row(1, 11, 2.7, 0.59, ['#4a3f39', '#574b44'])}${row(2, 10, 2.9, 0.68, ['#2b2421', '#231d1a'])}`;
}

function colonnade(W, H, u) {
  const x = (i) => W * (0.055 + i * 0.17);
  return `<defs>${lin('air', ['#f4ede2', '#e6dccd', '#c9bdae'])}${lin('col', ['#c4b9ab', '#f3ece1', '#a99d8e'], 1, 0)}</defs>
    ${rect(0, 0, W, H, 'url(#air)')}${rect(0, H * 0.4, W, H * 0.075, '#b3a798')}${rect(0, H * 0.4, W, 0.5 * u, '#8f8375')}
    ${rect(W * 0.28, H * 0.418, W * 0.44, H * 0.038, C.red)}
    ${rep(6, (i) => rect(x(i), H * 0.475, W * 0.1, H * 0.33, 'url(#col)') + rect(x(i) - u, H * 0.475, W * 0.1 + 2 * u, 1.2 * u, '#a89c8d'))}
    ${rep(8, (i) => rect(0, H * (0.8 + i * 0.025), W, H * 0.025, i % 2 ? '#cbbfb0' : '#ddd3c6'))}
    ${rep(14, (i) => circle(W * (0.06 + i * 0.068), H * 0.8, 1.6 * u, i % 2 ? '#8c1717' : C.red))}
    ${rep(9, (i) => person(W * (0.22 + i * 0.07), H * (0.85 + (i % 2) * 0.008), 1.9 * u, i, ['#2b2421', '#3a312c']))}`;
}

function svg(p) {
  const [W, H] = p.size;
  const u = Math.sqrt(W * H) / 100; // layout unit: 1% of the geometric mean of the sides
  const fade = (c, a0, a1, o0 = 0) =>
    `<stop offset="${o0}" stop-color="${c}" stop-opacity="${a0}"/><stop offset="1" stop-color="${c}" stop-opacity="${a1}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <defs><pattern id="win" width="${2 * u}" height="${2.6 * u}" patternUnits="userSpaceOnUse">${rect(0, 0, 1.1 * u, 1.4 * u, '#f3e9d8', 'opacity=".22"')}</pattern>
    <radialGradient id="glow">${fade('#fff6e6', 0.9, 0)}</radialGradient><radialGradient id="vig" r=".75">${fade(C.ink, 0, 0.38, 0.55)}</radialGradient></defs>
    ${p.scene(W, H, u)}${rect(0, 0, W, H, 'url(#vig)')}${card(p, W, H, u)}</svg>`;
}

// EXIF rationals as libvips parses them: degrees, minutes, hundredths of seconds.
const dms = (v) =>
  `${Math.floor(v)}/1 ${Math.floor((v * 60) % 60)}/1 ${Math.round(((v * 3600) % 60) * 100)}/100`;

async function render(p) {
  const [camera, date, lat, lon] = p.shot;
  const file = path.join(OUT, `${p.id}.jpg`);
  // withExif replaces all EXIF; sharp keys it by IFD: IFD0 = image, IFD2 = Exif sub-IFD, IFD3 = GPS.
  // Values are strings; libvips cuts a value at "(", so the description avoids parentheses.
  const exif = {
    IFD0: { ...CAMERAS[camera], DateTime: date, ImageDescription: `PLACEHOLDER - ${p.id}` },
    IFD2: { DateTimeOriginal: date, DateTimeDigitized: date, ColorSpace: '1' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: dms(lat), GPSLongitudeRef: 'E', GPSLongitude: dms(lon) },
  };
  await sharp(Buffer.from(svg(p)))
    .rotate(p.orientation === 6 ? 270 : 0) // turn the upright drawing into sensor orientation
    .withMetadata({ orientation: p.orientation ?? 1 }) // writes the Orientation tag; embeds sRGB ICC
    .withExif(exif)
    .jpeg({ quality: 85 })
    .toFile(file);
  return file;
}

// Dependency-free EXIF check: the tag ids in IFD0 (0x8825 points to the GPS IFD).
function ifd0Tags(exif) {
  const t = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const [u16, u32] =
    t[0] === 0x49
      ? [(o) => t.readUInt16LE(o), (o) => t.readUInt32LE(o)]
      : [(o) => t.readUInt16BE(o), (o) => t.readUInt32BE(o)];
  return new Set(Array.from({ length: u16(u32(4)) }, (_, i) => u16(u32(4) + 2 + i * 12)));
}

const preview = process.argv.includes('--preview')
  ? process.argv[process.argv.indexOf('--preview') + 1]
  : null;
mkdirSync(OUT, { recursive: true });
if (preview) mkdirSync(preview, { recursive: true });
for (const p of PHOTOS) {
  const file = await render(p);
  const m = await sharp(file).metadata();
  const tags = ifd0Tags(m.exif); // Make, Model, Orientation, Exif IFD, GPS IFD
  const ok = [0x010f, 0x0110, 0x0112, 0x8769, 0x8825].every((tag) => tags.has(tag));
  const size = `${m.width}×${m.height}, orientation ${m.orientation}, ${Math.round(statSync(file).size / 1024)} KB`;
  console.log(`${path.relative(process.cwd(), file)}: stored ${size}, EXIF ${ok ? 'ok' : 'MISSING TAGS'}`);
  if (!ok) process.exitCode = 1;
  const upright = sharp(file).rotate().resize({ width: 600 }); // rotate() applies the Orientation tag
  if (preview) await upright.png().toFile(path.join(preview, `${p.id}.png`));
}
