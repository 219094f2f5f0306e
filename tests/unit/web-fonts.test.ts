import { existsSync, readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import {
  fontFaceCss,
  fontFaces,
  fontSourcePath,
  printDateCharacters,
  WEB_FONTS,
} from '../../src/lib/web-fonts';
import { sfntTables, toWoff2, uintBase128 } from '../../src/lib/woff2';

/** A WOFF2 file read back by the format's rules (W3C WOFF 2.0, null transforms only): its tables. */
function readWoff2(file: Buffer) {
  expect(file.toString('latin1', 0, 4)).toBe('wOF2');
  expect(file.readUInt32BE(8)).toBe(file.length);
  const count = file.readUInt16BE(12);
  const compressedLength = file.readUInt32BE(20);
  let offset = 48;
  const readBase128 = () => {
    let value = 0;
    for (;;) {
      const byte = file[offset++]!;
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
  };
  const entries = Array.from({ length: count }, () => {
    const flags = file[offset++]!;
    expect(flags >> 6, 'a null transform').toBe([10, 11].includes(flags & 63) ? 3 : 0);
    if ((flags & 63) === 63) offset += 4;
    return readBase128();
  });
  const stream = brotliDecompressSync(file.subarray(offset, offset + compressedLength));
  let at = 0;
  return entries.map((length) => stream.subarray(at, (at += length)));
}

describe('web fonts', () => {
  it('has each family in text and bold, and italics where the family has them, from installed files', () => {
    const faces = fontFaces();
    for (const font of Object.values(WEB_FONTS)) {
      const styles = faces.filter((face) => face.family === font.family).map((f) => `${f.weight} ${f.style}`);
      expect(styles.sort()).toEqual(
        font.italic ? ['400 italic', '400 normal', '700 italic', '700 normal'] : ['400 normal', '700 normal'],
      );
    }
    for (const face of faces) expect(existsSync(fontSourcePath(face)), face.source).toBe(true);
    expect(new Set(faces.map((face) => face.file)).size).toBe(faces.length);
  });

  it('declares each face once, with its style and weight', () => {
    const [face] = fontFaces().filter((f) => f.style === 'italic');
    expect(fontFaceCss([face!], '/base/fonts/')).toBe(
      `@font-face{font-family:'${face!.family}';font-style:italic;font-weight:${face!.weight};font-display:block;` +
        `src:url(/base/fonts/${face!.file}) format('woff2')}`,
    );
  });

  it('covers every character of a long date in each language, digits included', () => {
    const chars = printDateCharacters(['zh-CN', 'en-GB']);
    for (const char of '0123456789年月日DecemberJanuary') expect(chars).toContain(char);
  });
});

describe('WOFF2', () => {
  it('writes numbers in UIntBase128', () => {
    expect(uintBase128(0)).toEqual([0]);
    expect(uintBase128(127)).toEqual([127]);
    expect(uintBase128(128)).toEqual([0x81, 0]);
    expect(uintBase128(63_000)).toEqual([0x83, 0xec, 0x18]);
  });

  it('holds every table of a subset font unchanged, loca right after glyf', async () => {
    const face = fontFaces().find((f) => f.family === WEB_FONTS.sansSc.family)!;
    const text = '建言资政担使命 Report 2025年3月';
    const ttf = Buffer.from(
      await subsetFont(readFileSync(fontSourcePath(face)), text, { targetFormat: 'truetype' }),
    );
    const woff2 = await toWoff2(ttf);
    expect(woff2.length).toBeLessThan(ttf.length);
    const { tables } = sfntTables(ttf);
    const tags = tables.map((table) => table.tag);
    expect(tags[tags.indexOf('glyf') + 1]).toBe('loca');
    const read = readWoff2(woff2);
    expect(read.length).toBe(tables.length);
    read.forEach((data, i) => expect(data.equals(tables[i]!.data), tables[i]!.tag).toBe(true));
  });
});
