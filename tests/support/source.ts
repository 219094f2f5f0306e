/*
 * The received text of an edition (the one file in its source/ folder) as the site must carry
 * it: the editor's mends applied (listed in the edition's tests.json), headings, photo captions
 * and running heads set apart from the paragraphs of running text.
 */
import type { Edition } from './edition';

/** The received text with the editor's mends applied; a mend that no longer matches fails loudly. */
export function mendedSource(edition: Edition): string {
  let text = edition.source.text;
  for (const { from, to, times } of edition.expects.mends) {
    const count = text.split(from).length - 1;
    if (count !== times) {
      throw new Error(
        `Mend "${from}" matches the received text ${count} times, not ${times}: has it changed?`,
      );
    }
    text = text.replaceAll(from, to);
  }
  return text;
}

/** The non-empty lines of the mended text, trimmed. */
const lines = (edition: Edition) =>
  mendedSource(edition)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Headings of the received text in order, level and text (Markdown `#` lines). */
export function sourceHeadings(edition: Edition): Array<{ level: number; text: string }> {
  return [...mendedSource(edition).matchAll(/^(#+)\s*(.+)$/gm)].map((m) => ({
    level: m[1]!.length,
    text: m[2]!.trim(),
  }));
}

/** Headings with no text under them before the next heading or the end: not published. */
export function emptyHeadings(edition: Edition): string[] {
  const all = lines(edition);
  return all
    .filter((line, index) => line.startsWith('#') && (all[index + 1] ?? '#').startsWith('#'))
    .map((line) => line.replace(/^#+\s*/, ''));
}

/** The Chinese photo captions that stand as lines of the received text, in the order the text has them. */
export function sourceCaptions(edition: Edition): string[] {
  const captions = new Set(
    [edition.report.zh, ...edition.sections.zh].flatMap((entry) =>
      entry.photos.map((photo) => photo.caption),
    ),
  );
  return lines(edition).filter((line) => captions.has(line));
}

/**
 * Every paragraph (and list item) of running text the site must show verbatim: not headings,
 * the subtitle (a line opening with a dash), photo captions, or a heading repeated as a running
 * head; list markers and bullet glyphs are the list's, not the text's.
 */
export function bodyParagraphs(edition: Edition): string[] {
  const all = lines(edition);
  const headings = new Set(sourceHeadings(edition).map(({ text }) => text));
  const captions = new Set(sourceCaptions(edition));
  return all
    .filter((line) => !line.startsWith('#') && !/^[—–-]{2}/.test(line))
    .filter((line) => !captions.has(line) && !headings.has(line))
    .map((line) => line.replace(/^[-*]\s+/, '').replace(/^[◆●■▪•]\s*/, ''));
}

/**
 * The figures of the received text: each number written in digits, once, except years (four
 * digits before 年, and the report's year).
 */
export function sourceFigures(edition: Edition): number[] {
  const text = mendedSource(edition).replace(/\d{4}(?=年)/g, ' ');
  const numbers = (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  return [...new Set(numbers)].filter((n) => n !== edition.report.zh.year);
}
