declare namespace App {
  interface Locals {
    /** The language of the page being rendered (src/middleware.ts). */
    readonly lang: import('./lib/i18n').Lang;
  }
}
