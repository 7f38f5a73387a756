import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import type { Block, Report } from '../model/report';
import type { ReportFonts } from './docx-fonts';
import { BODY_LINE, CHAR, PAGE_NUMBER_INDENT, SIZE } from './docx-layout';
import { kindParagraphProps, kindRunProps, runFonts, type KindLook, type ParagraphKind } from './docx-styles';
import { splitTitle } from './title-lines';
import { lineChars, printedDate, printedLines } from '../model/printed-text';

// The report's text as Word paragraphs: title, headings, body, 落款, and the odd/even page-number footers.

export { printedLines };

/** One printed line of report text and how it is set. */
export interface PrintedLine {
  kind: ParagraphKind;
  text: string;
}

/** A paragraph of one kind holding one line of text. */
export function kindParagraph(look: KindLook, text: string, keepNext = false): Paragraph {
  const props = kindParagraphProps(look);
  return new Paragraph({
    ...(look.styleId ? { style: look.styleId } : {}),
    ...props,
    keepNext: keepNext || props.keepNext,
    children: [new TextRun({ text, ...kindRunProps(look) })],
  });
}

const BLOCK_KIND: Record<Block['type'], ParagraphKind> = {
  heading2: 'heading2',
  heading3: 'heading3',
  heading4: 'heading4',
  paragraph: 'body',
};

/** The printed lines of the report's blocks in order; empty blocks are not printed. */
export function blockLines(blocks: Block[]): PrintedLine[] {
  return blocks.flatMap((b) => printedLines(b.text).map((text) => ({ kind: BLOCK_KIND[b.type], text })));
}

/** The title: one centred paragraph, its balanced lines separated by line breaks; a blank line follows it. */
export function titleParagraph(title: string, look: KindLook): Paragraph | undefined {
  const lines = splitTitle(printedLines(title).join(''));
  if (!lines.length) return undefined;
  const base = kindParagraphProps(look);
  return new Paragraph({
    style: look.styleId,
    ...base,
    spacing: { ...base.spacing, after: BODY_LINE },
    children: lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined, ...kindRunProps(look) })),
  });
}


/** Empty lines left above the 落款 for the seal. */
export const SEAL_LINES = 2;
/** The date stands four characters in from the right margin. */
export const DATE_RIGHT_INDENT = 4 * CHAR;

/** The 落款: room for the seal, the unit centred over the date, the date right-aligned four characters in. */
export function signatureParagraphs(signature: Report['signature'], look: KindLook): Paragraph[] {
  const unit = printedLines(signature.unit).join('');
  const date = printedDate(signature.date);
  if (!unit && !date) return [];
  const line = (text: string, rightIndent: number, keepNext: boolean) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: { right: Math.max(0, Math.round(rightIndent)) },
      keepNext: keepNext || undefined,
      children: text ? [new TextRun({ text, ...kindRunProps(look) })] : [],
    });
  const out: Paragraph[] = [];
  for (let i = 0; i < SEAL_LINES; i++) out.push(line('', 0, true));
  if (unit) {
    const centred = date ? DATE_RIGHT_INDENT + ((lineChars(date) - lineChars(unit)) / 2) * CHAR : DATE_RIGHT_INDENT;
    out.push(line(unit, centred, Boolean(date)));
  }
  if (date) out.push(line(date, DATE_RIGHT_INDENT, false));
  return out;
}

/** The page-number footers: "— n —" in 4号宋体, odd pages right (one character in), even pages left (one character in). */
export function pageNumberFooters(fonts: ReportFonts): { default: Footer; even: Footer } {
  const footer = (odd: boolean) =>
    new Footer({
      children: [
        new Paragraph({
          alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: odd ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: runFonts(fonts.pageNumber, fonts.pageNumber),
              size: SIZE.pageNumber,
              sizeComplexScript: SIZE.pageNumber,
              color: '000000',
            }),
          ],
        }),
      ],
    });
  return { default: footer(true), even: footer(false) };
}
