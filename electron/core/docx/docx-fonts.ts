// The fonts an exported report names: the official GB/T 9704 set, or the 方正 _GBK set Jiangsu offices use.

/** Which family of Chinese fonts the DOCX names. */
export type FontSet = 'standard' | 'gbk';

/** The font for each kind of text in the printed report. */
export interface ReportFonts {
  /** 标题: 2号小标宋. */
  title: string;
  /** 一级标题 "一、": 黑体. */
  heading1: string;
  /** 二级标题 "（一）": 楷体. */
  heading2: string;
  /** 正文 and 三、四级标题: 仿宋. */
  body: string;
  /** Text inside the tables. */
  table: string;
  /** Page numbers "— 1 —": 4号宋体. */
  pageNumber: string;
  /** Digits and Latin letters. */
  latin: string;
}

const STANDARD: ReportFonts = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  table: '宋体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

const GBK: ReportFonts = {
  ...STANDARD,
  title: '方正小标宋_GBK',
  heading1: '方正黑体_GBK',
  heading2: '方正楷体_GBK',
  body: '方正仿宋_GBK',
};

/** The fonts of a font set. */
export function reportFonts(fontSet: FontSet = 'standard'): ReportFonts {
  return fontSet === 'gbk' ? GBK : STANDARD;
}

/** Every distinct font the exported document names, in a fixed order. */
export function fontsNeeded(fonts: ReportFonts): string[] {
  const order = [fonts.title, fonts.heading1, fonts.heading2, fonts.body, fonts.table, fonts.pageNumber, fonts.latin];
  return [...new Set(order)];
}
