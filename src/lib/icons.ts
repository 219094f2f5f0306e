/** Icon paths drawn by Icon.astro (20 × 20 grid, 1.8 px stroke) that more than one component uses. */

/** Download: an arrow down onto a tray. */
export const PDF_ICON = 'M10 3v10m0 0-4-4m4 4 4-4M4 16h12';
