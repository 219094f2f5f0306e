import { defineMiddleware } from 'astro:middleware';
import { isLang, pageLang } from './lib/i18n';

/**
 * The page's language, resolved once per page from its route (Astro's i18n routing) for every
 * component to read as `Astro.locals.lang`. Routes outside the languages (the data files, the
 * print stylesheets) take theirs from their parameters and never read it: reading it there is
 * a bug, and says so.
 */
export const onRequest = defineMiddleware((context, next) => {
  const { currentLocale } = context;
  const lang = isLang(currentLocale) ? currentLocale : undefined;
  Object.defineProperty(context.locals, 'lang', { get: () => lang ?? pageLang(currentLocale) });
  return next();
});
