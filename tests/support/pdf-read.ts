/*
 * Reading the printed PDFs back, as a reader's tools would: poppler (pdfinfo, pdffonts,
 * pdftotext, pdftoppm), pdf.js (Firefox's viewer, through unpdf) and a QR decoder (jsQR).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { getDocumentProxy } from 'unpdf';
import { inkedRows, pageFill, readPgm, type PageFill } from './page-fill';

export const poppler = (tool: string, ...args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

export const pageCount = (path: string) => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', path))![1]);

/** The text of one page, as pdftotext reads it. */
export const popplerPageText = (path: string, page: number, ...options: string[]) =>
  poppler('pdftotext', ...options, '-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-');

/** A4 with the margins of /print/<lang>.css: 18 mm above, 20 mm below and at the sides. */
export const PAGE = { heightMm: 297, topMm: 18, bottomMm: 20, sideMm: 20 };
const MM_PER_PT = 25.4 / 72;

/** Renders pages to files with pdftoppm and hands each file to `read`, in page order. */
function renderPages<T>(path: string, args: string[], extension: string, read: (file: string) => T): T[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-pages-'));
  try {
    const pages = pageCount(path);
    return Array.from({ length: pages }, (_, i) => {
      const prefix = join(dir, `p${i + 1}`);
      execFileSync('pdftoppm', [
        ...args,
        '-f',
        String(i + 1),
        '-l',
        String(i + 1),
        '-singlefile',
        path,
        prefix,
      ]);
      return read(`${prefix}.${extension}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The fill of every page body, from its picture (rows holding ink between the margins), across
 * the page or, given `columnMm`, in a column of it (from the left edge to that width).
 */
export function pageFills(path: string, columnMm?: number, dpi = 40): PageFill[] {
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const crop = columnMm
    ? ['-x', '0', '-y', '0', '-W', String(px(columnMm)), '-H', String(px(PAGE.heightMm))]
    : [];
  return renderPages(path, ['-gray', '-r', String(dpi), ...crop], 'pgm', (file) => {
    const image = readPgm(readFileSync(file));
    return pageFill(inkedRows(image, px(PAGE.topMm), px(PAGE.heightMm - PAGE.bottomMm)));
  });
}

/** For every page, which rows of its body hold ink in a band of it, from `leftMm` to `rightMm`. */
export function inkedBodyRows(path: string, leftMm: number, rightMm: number, dpi = 40): boolean[][] {
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const crop = ['-x', px(leftMm), '-y', 0, '-W', px(rightMm - leftMm), '-H', px(PAGE.heightMm)].map(String);
  return renderPages(path, ['-gray', '-r', String(dpi), ...crop], 'pgm', (file) =>
    inkedRows(readPgm(readFileSync(file)), px(PAGE.topMm), px(PAGE.heightMm - PAGE.bottomMm)),
  );
}

/**
 * Every QR code in a band of every page (from `leftMm` to the page's right edge), decoded with
 * jsQR from a 200 dpi picture. jsQR reads one code per picture and none where two confuse it,
 * so the band is read in overlapping strips of 50 mm, each tall enough to hold a whole code;
 * each page lists its codes top to bottom, once each.
 */
export async function qrCodesByPage(path: string, leftMm: number, dpi = 200): Promise<string[][]> {
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const band = ['-x', px(leftMm), '-y', 0, '-W', px(210 - leftMm), '-H', px(PAGE.heightMm)].map(String);
  const files = renderPages(path, ['-png', '-r', String(dpi), ...band], 'png', (file) => readFileSync(file));
  const pages: string[][] = [];
  for (const file of files) {
    const found = new Map<string, number>();
    const { width = 0, height = 0 } = await sharp(file).metadata();
    for (let top = 0; top < PAGE.heightMm - 25; top += 25) {
      const strip = { left: 0, top: px(top), width, height: Math.min(px(50), height - px(top)) };
      const image = sharp(file).extract(strip).ensureAlpha().raw();
      const { data, info } = await image.toBuffer({ resolveWithObject: true });
      const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
      const code = jsQR(pixels, info.width, info.height, { inversionAttempts: 'dontInvert' });
      // A row of squares (a figure's counted units) can pass for a finder pattern: a real code
      // here always holds an address.
      if (code?.data && !found.has(code.data))
        found.set(code.data, strip.top + code.location.topLeftCorner.y);
    }
    pages.push([...found].sort((a, b) => a[1] - b[1]).map(([data]) => data));
  }
  return pages;
}

interface PositionedText {
  str: string;
  x: number;
  y: number;
}

/**
 * The running text of the PDF as pdf.js (Firefox's viewer) extracts it, with no Unicode
 * normalization: the text of the text column between the margins (so neither the running
 * head and foot, nor the figures, photos and QR codes of the rail), line by line in reading
 * order across pages. Lines are joined with a newline.
 */
export async function textColumnLines(path: string, columnRightMm: number): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const lines: string[] = [];
  const toPt = (mm: number) => mm / MM_PER_PT;
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent({ disableNormalization: true });
    const items: PositionedText[] = content.items
      .filter((item) => 'str' in item && item.str !== '')
      .map((item) => {
        const { str, transform } = item as { str: string; transform: number[] };
        return { str, x: transform[4]!, y: transform[5]! };
      })
      .filter(
        ({ x, y }) =>
          x < toPt(columnRightMm) && y > toPt(PAGE.bottomMm) && y < toPt(PAGE.heightMm - PAGE.topMm),
      );
    // Reading order: top to bottom, then left to right; items less than 2 pt apart share a line.
    items.sort((a, b) => (Math.abs(b.y - a.y) < 2 ? a.x - b.x : b.y - a.y));
    let line: PositionedText[] = [];
    for (const item of items) {
      if (line.length > 0 && Math.abs(line[0]!.y - item.y) >= 2) {
        lines.push(line.map((part) => part.str).join(''));
        line = [];
      }
      line.push(item);
    }
    if (line.length > 0) lines.push(line.map((part) => part.str).join(''));
  }
  return lines;
}
