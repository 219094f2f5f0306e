/** Interface text of the Chinese edition. Keys are the contract for {@link ./en.ts}. */
export const zh = {
  skipToContent: '跳到正文',
  siteNavigation: '报告目录',
  menu: '目录',
  home: '首页',
  contents: '目录',
  fullReport: '全文',
  readFullReport: '阅读全文',
  readSection: '阅读本部分',
  languageSwitch: 'English',
  keyFigures: '年度数据',
  keyFiguresIntro: '2023年履职工作中的主要数字，点击可查看所在部分。',
  sectionFigures: '本部分数据',
  previousSection: '上一部分',
  nextSection: '下一部分',
  sectionPager: '章节翻页',
  backToContents: '返回目录',
  sourceCutEllipsis: '……',
  sourceCut: '原文至此中断',
  footerYear: '{year}年度工作回眸',
  notFoundTitle: '页面未找到',
  notFoundBody: '您访问的页面不存在或已移动。',
  notFoundHome: '返回首页',
  sectionNumber: '第{n}部分',
} as const;

export type UiKey = keyof typeof zh;
