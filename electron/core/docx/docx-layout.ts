// Page geometry and type sizes of GB/T 9704-2012 in exact twips (1 mm = 1440 / 25.4 twips).
// The values are written out, not computed with docx's convertMillimetersToTwip, which floors (37 mm → 2097).

/** Twips for a length in millimetres, rounded to the nearest twip. */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** The A4 page and its margins (天头 37 mm, 订口 28 mm, text block 156 × 225 mm). */
export const PAGE = {
  width: 11906, // 210 mm
  height: 16838, // 297 mm
  top: 2098, // 37 mm
  bottom: 1984, // 35 mm
  left: 1588, // 28 mm (1587.4, rounded up so the text block never exceeds 156 mm)
  right: 1474, // 26 mm
  /** Header distance from the top edge (no header is printed). */
  header: mmToTwips(15),
  /**
   * Footer distance from the bottom edge to the bottom of the page-number line. With a 4号 line (5–6.4 mm) the
   * 一字线 then sits about 7 mm below the text block (GB/T 9704 §7.5); measured in a LibreOffice render: 7.0 mm.
   */
  footer: mmToTwips(25), // 1417
} as const;

/** Width of the text block, 156 mm: every table is exactly this wide. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 8844 (156 mm = 8844.1)

/** Type sizes in half-points (w:sz). */
export const SIZE = {
  /** 2号 22 pt: the title. */
  title: 44,
  /** 3号 16 pt: body and headings. */
  body: 32,
  /** 4号 14 pt: page numbers. */
  pageNumber: 28,
  /** 五号 10.5 pt: table 二. */
  table: 21,
  /** 小五 9 pt: tables 三 and 四 (10 and 15 columns). */
  tableSmall: 18,
} as const;

/** Exact line pitch of the body: 225 mm / 22 lines = 579.8 twips; 579 so that 22 lines fit the 12756-twip block (580 × 22 overflows to 21 lines). */
export const BODY_LINE = 579;
/** Exact line pitch of the title lines (common practice 35 pt for a 2号 title). */
export const TITLE_LINE = 700;
/** One character of 3号 (16 pt) in twips: the unit of indents. */
export const CHAR = 320;
/** One character of 4号 (14 pt): the page number's indent from the margin. */
export const PAGE_NUMBER_INDENT = 280;
