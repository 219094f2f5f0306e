// What a reader may pay and what a build may cost (README, "Budgets"): `npm run bench` measures
// each through nginx and fails when one is broken; tests/e2e/budgets.spec.ts holds the page
// budgets on every build. Bytes are compressed (brotli), as they travel.
export const BUDGET = {
  /** A page's first load on a phone, not scrolled, everything counted. */
  firstLoad: 300 * 1024,
  /** The same without images. */
  withoutImages: 100 * 1024,
  /** A section page's first screen, images aside (text sections load none). */
  sectionFirstScreen: 16 * 1024,
  /** The HTML and all render-blocking CSS of every page but the full report: one TCP initial
      window (10 packets, ~14.6 KB), so the first screen renders after one round trip. */
  htmlAndBlockingCss: 14 * 1024,
  /** Requests the first paint waits for: the HTML alone. */
  paintRequests: 1,
  /** JavaScript a page loads. */
  js: 1.5 * 1024,
  /** Requests on screen for what only paper uses (fonts, print stylesheets). */
  printOnlyRequests: 0,
  /** Lighthouse (mobile): performance at least, and accessibility, best practices, SEO. */
  performance: 98,
  otherScores: 100,
  /** A cold build (a fresh clone: no dist/, no cache) on two cores, PDFs included. */
  coldBuildSeconds: 20,
};
