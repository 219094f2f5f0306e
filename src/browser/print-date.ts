import { cssString, PRINT_DATE_PROPERTY } from '../lib/print-css';

/** Between the page's URL and the print date in the foot margin. */
const SEPARATOR = '  ·  ';

/**
 * The value of the print-date custom property: a CSS string that follows the URL in the foot
 * margin (" · Printed 5 March 2024"), in the reader's own time zone unless one is given.
 */
export function printDateValue(template: string, locale: string, date: Date, timeZone?: string): string {
  const formatted = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
  return cssString(`${SEPARATOR}${template.replace('{date}', formatted)}`);
}

/**
 * Marks a document as the published edition being printed (the build's PDFs): its margins then
 * carry the edition's date, not the day it was printed.
 */
export const EDITION_PRINT_ATTRIBUTE = 'data-print-edition';

/** The page's print mark (components/PrintPageMark), with what the margins need. */
function printMark(root: Document) {
  const mark = root.querySelector<HTMLElement>('[data-print-date-template]');
  return mark?.dataset ?? {};
}

/**
 * Gives the margin boxes today's date ("Printed …"), or for the published edition its date
 * ("Published …"); returns it (empty without a print mark).
 */
export function stampPrintDate(root: Document, now = new Date()): string {
  const { printDateTemplate: template, dateLocale: locale, editionDate } = printMark(root);
  if (!template || !locale) return '';
  const edition = root.documentElement.hasAttribute(EDITION_PRINT_ATTRIBUTE) && editionDate;
  const date = edition ? cssString(`${SEPARATOR}${edition}`) : printDateValue(template, locale, now);
  root.documentElement.style.setProperty(PRINT_DATE_PROPERTY, date);
  return date;
}
