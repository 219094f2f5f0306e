import { brotliCompress, constants } from 'node:zlib';
import { promisify } from 'node:util';

/*
 * A TrueType font (sfnt) as WOFF2 (W3C WOFF 2.0), with Node's own Brotli. Every table is stored
 * as it is ("null transform"; the format's optional glyf/loca transform would save a further
 * ~20 %): the fonts are subsets a few dozen kilobytes large, fetched only to print, and
 * wawoff2, the JavaScript port of the reference encoder, takes seconds per CJK face where
 * native Brotli takes a fraction of one, in the thread pool, beside the rest of the build.
 */

/** The tags WOFF2 numbers instead of spelling out (§ 5.2, "Known Table Tags"). */
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep',
  'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE',
  'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt',
  'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar',
  'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
]; // prettier-ignore

/** Transform version 3 is the null transform for glyf and loca; 0 is for every other table. */
const NULL_TRANSFORM = (tag: string) => (tag === 'glyf' || tag === 'loca' ? 3 : 0);

const round4 = (n: number) => (n + 3) & ~3;

/** UIntBase128 (§ 4.1): seven bits a byte, most significant first, the high bit on all but the last. */
export function uintBase128(value: number): number[] {
  const bytes = [value & 0x7f];
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128))
    bytes.unshift(0x80 | (rest & 0x7f));
  return bytes;
}

interface SfntTable {
  tag: string;
  data: Buffer;
}

/** The tables of a TrueType font, in the order WOFF2 requires: by tag, with loca right after glyf. */
export function sfntTables(font: Buffer): { flavor: number; tables: SfntTable[] } {
  const flavor = font.readUInt32BE(0);
  if (flavor !== 0x00010000 && flavor !== 0x74727565) throw new Error('Not a TrueType font (sfnt 1.0)');
  const count = font.readUInt16BE(4);
  const tables: SfntTable[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 12 + 16 * i;
    const tag = font.toString('latin1', entry, entry + 4);
    const offset = font.readUInt32BE(entry + 8);
    const length = font.readUInt32BE(entry + 12);
    if (tag !== 'DSIG') tables.push({ tag, data: font.subarray(offset, offset + length) });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const loca = tables.findIndex((table) => table.tag === 'loca');
  if (loca >= 0) {
    const [table] = tables.splice(loca, 1);
    tables.splice(tables.findIndex((t) => t.tag === 'glyf') + 1, 0, table!);
  }
  return { flavor, tables };
}

/** The font as WOFF2. */
export async function toWoff2(font: Buffer): Promise<Buffer> {
  const { flavor, tables } = sfntTables(font);
  const stream = Buffer.concat(tables.map((table) => table.data));
  const compressed = await promisify(brotliCompress)(stream, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT,
      // Quality 9: 3 % larger than 11, for a twentieth of the time.
      [constants.BROTLI_PARAM_QUALITY]: 9,
      [constants.BROTLI_PARAM_SIZE_HINT]: stream.length,
    },
  });
  const directory = Buffer.from(
    tables.flatMap(({ tag, data }) => {
      const known = KNOWN_TAGS.indexOf(tag);
      const flags = (NULL_TRANSFORM(tag) << 6) | (known >= 0 ? known : 63);
      const spelled = known >= 0 ? [] : [...Buffer.from(tag, 'latin1')];
      return [flags, ...spelled, ...uintBase128(data.length)];
    }),
  );
  const headerSize = 48;
  const length = round4(headerSize + directory.length + compressed.length);
  const header = Buffer.alloc(headerSize);
  header.write('wOF2', 0, 'latin1');
  header.writeUInt32BE(flavor, 4);
  header.writeUInt32BE(length, 8);
  header.writeUInt16BE(tables.length, 12);
  header.writeUInt32BE(
    12 + 16 * tables.length + tables.reduce((sum, t) => sum + round4(t.data.length), 0),
    16,
  );
  header.writeUInt32BE(compressed.length, 20);
  header.writeUInt16BE(1, 24); // the WOFF file's own version, 1.0; no metadata, no private data
  const file = Buffer.alloc(length);
  header.copy(file, 0);
  directory.copy(file, headerSize);
  compressed.copy(file, headerSize + directory.length);
  return file;
}
