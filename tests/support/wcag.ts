/** The axe rule tags of WCAG 2.2 level A and AA, for every accessibility check of the suite. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
