import type { Lang } from '../i18n';
import { numbersIn } from '../numbers';

/*
 * The rule that every number a field states is a figure of the file: a stat, or a number of
 * its body. Section and report rules both apply it.
 */

/** Numbers that may be written in a field of an entry: those of its text, and the extra ones given. */
export function allowedNumbers(
  lang: Lang,
  text: string,
  exceptions: readonly string[],
  extra: readonly number[],
): Set<number> {
  return new Set([...numbersIn(text, lang, exceptions), ...extra]);
}

/** A field's numbers that are not allowed, as messages. */
export function strayNumberProblems(
  where: string,
  fields: Array<[field: string, text: string]>,
  lang: Lang,
  allowed: Set<number>,
  exceptions: readonly string[],
): string[] {
  return fields.flatMap(([field, text]) => {
    const stray = numbersIn(text, lang, exceptions).filter((value) => !allowed.has(value));
    return stray.length > 0
      ? [
          `${where} ${field}: ${stray.join(', ')} is neither a stat of this section nor in its body (${JSON.stringify(text)})`,
        ]
      : [];
  });
}

/** Each declared number exception must stand in its file: its body or another of its fields. */
export function exceptionProblems(
  where: string,
  entry: { body: string; data: { numberExceptions: readonly string[] } },
): string[] {
  const text = `${entry.body}\n${JSON.stringify({ ...entry.data, numberExceptions: [] })}`;
  return entry.data.numberExceptions.flatMap((phrase, index) =>
    text.includes(phrase)
      ? []
      : [`${where} numberExceptions[${index}]: "${phrase}" does not appear in this file`],
  );
}
