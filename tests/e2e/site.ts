/** The URL contract (README, first table): these paths must always exist, in both languages. */
export const SECTION_SLUGS = [
  'political-guidance',
  'democratic-oversight',
  'deliberation',
  'consensus',
  'proposals',
] as const;

export const LANGUAGES = [
  { lang: 'zh', htmlLang: 'zh-CN', prefix: '' },
  { lang: 'en', htmlLang: 'en', prefix: '/en' },
] as const;

const PAGE_PATHS = ['/', '/full-report/', ...SECTION_SLUGS.map((slug) => `/${slug}/`)];

export const ALL_PAGES = LANGUAGES.flatMap(({ lang, htmlLang, prefix }) =>
  PAGE_PATHS.map((path) => ({ lang, htmlLang, path: `${prefix}${path}` })),
);
