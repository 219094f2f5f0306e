import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of content/glossary.json. */
export interface GlossaryTerm {
  zh: string;
  /** The preferred English rendering; an English file must contain it wherever the Chinese has `zh`. */
  en: string;
  /** Other renderings the note allows in a given context (督办: “supervising the handling” beside “supervision”). */
  alternatives?: string[];
  /** Renderings that must never appear anywhere in the English edition. */
  avoid?: string[];
  note: string;
  /** Longer words that contain `zh` but mean something else (委员 in 委员会). */
  except?: string[];
}

const glossaryPath = join(import.meta.dirname, '../../content/glossary.json');

/** The glossary of content/, the default of the functions below (each edition has its own: Edition.glossary). */
export const glossaryTerms: readonly GlossaryTerm[] = existsSync(glossaryPath)
  ? (JSON.parse(readFileSync(glossaryPath, 'utf8')) as { terms: GlossaryTerm[] }).terms
  : [];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for one avoided phrase that also matches it in built HTML, PDF text and share-card
 * text: case-insensitive; whole words only (“concentric circles” does not match “concentric
 * circle”, nor “participation” “participations”); any run of white space for a space (line
 * breaks in PDF text); straight or curly apostrophes and quotation marks; any hyphen or dash
 * character for a hyphen.
 */
function avoidedPattern(phrase: string): RegExp {
  const body = [...phrase.trim()]
    .map((char) => {
      if (/\s/u.test(char)) return '\\s+';
      if (char === "'" || char === '’') return "['’]";
      if (char === '"' || char === '“' || char === '”') return '["“”]';
      if (char === '-' || char === '‐' || char === '‑') return '[-‐‑]';
      return escape(char);
    })
    .join('')
    .replace(/(?:\\s\+)+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Every avoided rendering (from the glossary's `avoid` lists) that occurs in `text`, each named
 * once, in glossary order. Pure: pass `terms` to check against another glossary. Soft hyphens
 * and zero-width characters (left by hyphenation in PDFs and HTML) are ignored.
 */
export function findAvoidedRenderings(
  text: string,
  terms: readonly GlossaryTerm[] = glossaryTerms,
): string[] {
  const clean = text.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '');
  const found = new Set<string>();
  for (const term of terms) {
    for (const phrase of term.avoid ?? []) {
      if (!found.has(phrase) && avoidedPattern(phrase).test(clean)) found.add(phrase);
    }
  }
  return [...found];
}
