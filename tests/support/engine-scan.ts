/*
 * Finding a report's words in the engine's code: its slugs, ids and years. Pure, so the rules
 * themselves are tested (tests/unit/engine-scan.test.ts).
 */

/** The text without comments (`//…`, `/* … *\/`, `<!-- … -->`), where an example date may stand. */
export function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, '$1');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The tokens that stand in `text`. A year (all digits) is found wherever no digit touches it
 * ("$review2023_cache", "2023年"), in code but not in comments; any other token wherever no
 * letter, digit or hyphen touches it, comments included ("key-topics" in "#key-topics", not
 * in "key-topics-extra").
 */
export function tokensIn(text: string, tokens: readonly string[]): string[] {
  const code = withoutComments(text);
  return tokens.filter((token) =>
    /^\d+$/.test(token)
      ? new RegExp(`(?<!\\d)${token}(?!\\d)`).test(code)
      : new RegExp(`(?<![A-Za-z0-9-])${escape(token)}(?![A-Za-z0-9-])`).test(text),
  );
}
