import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import type { ReportFonts } from './docx-fonts';
import { BODY_LINE, CHAR, SIZE, TITLE_LINE } from './docx-layout';

// Paragraph kinds of the printed report and the Word styles behind them (built-in headings overridden: black, not blue).

/** A kind of paragraph the report prints. */
export type ParagraphKind = 'title' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'body';

/** Everything that sets how one paragraph kind looks. */
export interface KindLook {
  /** Word style id (built-in Title / Heading1–4, so the navigation pane and outline work). */
  styleId?: string;
  eastAsia: string;
  latin: string;
  size: number;
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** Exact line pitch in twips. */
  line: number;
  /** First-line indent in hundredths of a character (200 = two characters), or 0. */
  firstLineChars: number;
  keepNext: boolean;
  outlineLevel?: number;
}

/** The look of each paragraph kind for a font set. */
export function kindLooks(fonts: ReportFonts): Record<ParagraphKind, KindLook> {
  const text = (eastAsia: string, styleId: string | undefined, outlineLevel: number | undefined, keepNext: boolean): KindLook => ({
    styleId,
    eastAsia,
    latin: fonts.latin,
    size: SIZE.body,
    alignment: AlignmentType.BOTH,
    line: BODY_LINE,
    firstLineChars: 200,
    keepNext,
    outlineLevel,
  });
  return {
    title: { styleId: 'Title', eastAsia: fonts.title, latin: fonts.latin, size: SIZE.title, alignment: AlignmentType.CENTER, line: TITLE_LINE, firstLineChars: 0, keepNext: true },
    heading1: text(fonts.heading1, 'Heading1', 0, true),
    heading2: text(fonts.heading2, 'Heading2', 1, true),
    heading3: text(fonts.body, 'Heading3', 2, true),
    heading4: text(fonts.body, 'Heading4', 3, true),
    body: text(fonts.body, undefined, undefined, false),
  };
}

/** Run fonts: Chinese in the kind's font, digits and Latin in Times New Roman, ambiguous characters (“”) as Chinese. */
export const runFonts = (eastAsia: string, latin: string) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' });

/** Paragraph properties shared by a style and a paragraph of that kind. */
export function kindParagraphProps(look: KindLook) {
  return {
    alignment: look.alignment,
    spacing: { line: look.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: look.firstLineChars ? { firstLine: (look.firstLineChars / 100) * CHAR, firstLineChars: look.firstLineChars } : undefined,
    keepNext: look.keepNext || undefined,
    ...(look.outlineLevel !== undefined ? { outlineLevel: look.outlineLevel } : {}),
  };
}

/** Run properties shared by a style and a run of that kind. */
export function kindRunProps(look: KindLook) {
  return { font: runFonts(look.eastAsia, look.latin), size: look.size, sizeComplexScript: look.size, color: '000000' };
}

/** The document's styles: body defaults and the built-in Title / Heading 1–4 redefined for the report. */
export function reportStyles(fonts: ReportFonts): IStylesOptions {
  const looks = kindLooks(fonts);
  // Styles also switch off the bold, italic and blue the built-in headings carry.
  const style = (look: KindLook) => ({ run: { ...kindRunProps(look), bold: false, italics: false }, paragraph: kindParagraphProps(look) });
  return {
    default: {
      document: {
        run: { font: runFonts(fonts.body, fonts.latin), size: SIZE.body, sizeComplexScript: SIZE.body },
        paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      title: style(looks.title),
      heading1: style(looks.heading1),
      heading2: style(looks.heading2),
      heading3: style(looks.heading3),
      heading4: style(looks.heading4),
      heading5: style({ ...looks.heading4, outlineLevel: 4 }),
      heading6: style({ ...looks.heading4, outlineLevel: 5 }),
    },
  };
}
