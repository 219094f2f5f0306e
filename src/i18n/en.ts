import type { UiKey } from './zh';

/** Interface text of the English edition; the type makes every Chinese key required here. */
export const en: Record<UiKey, string> = {
  skipToContent: 'Skip to content',
  siteNavigation: 'Report contents',
  menu: 'Contents',
  home: 'Home',
  contents: 'Contents',
  fullReport: 'Full report',
  readFullReport: 'Read the full report',
  readSection: 'Read this section',
  languageSwitch: '中文',
  keyFigures: '2023 in figures',
  keyFiguresIntro: 'The main figures of the year’s work; each leads to its section.',
  sectionFigures: 'Figures in this section',
  previousSection: 'Previous section',
  nextSection: 'Next section',
  sectionPager: 'Section pages',
  backToContents: 'Back to contents',
  sourceCutEllipsis: '…',
  sourceCut: 'the source breaks off here',
  footerYear: 'The year {year} in review',
  notFoundTitle: 'Page not found',
  notFoundBody: 'The page you asked for does not exist or has moved.',
  notFoundHome: 'Go to the home page',
  sectionNumber: 'Part {n}',
};
