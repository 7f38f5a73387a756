import { splitTitle } from '../../../electron/core/docx/title-lines';
import { lineChars, printedDate, printedLines } from '../../../electron/core/model/printed-text';
import type { Block, Report } from '../../../electron/core/model/report';
import { SECTION_KEYS } from '../../../electron/core/model/report';
import type { Template } from '../../../electron/core/template/schema';

// The report as the sequence of printed blocks the preview flows onto A4 pages, in the order and with the
// line rules of the DOCX export (electron/core/docx/export-docx.ts): every non-blank line of a block is one
// paragraph, empty blocks are not printed, each table follows its section's text, the 落款 ends the report.

export type FlowBlock =
  | { key: string; type: 'title'; lines: string[] }
  | { key: string; type: 'h1' | 'h2' | 'h3' | 'h4'; text: string }
  /** keepNext: the last line of text travels with the 落款. */
  | { key: string; type: 'p'; text: string; keepNext?: boolean }
  | { key: string; type: 'table'; tableId: string }
  /** unitIndent: the unit's right indent in characters, so it is centred over the date (which stands 4 characters in). */
  | { key: string; type: 'signature'; unit: string; date: string; unitIndent: number };

/** Empty lines left above the 落款 for the seal (as the export). */
export const SEAL_LINES = 2;
/** The date's right indent in characters. */
export const DATE_INDENT = 4;

const BLOCK_KIND = { heading2: 'h2', heading3: 'h3', heading4: 'h4', paragraph: 'p' } as const;

function blockLines(prefix: string, blocks: Block[], out: FlowBlock[]): void {
  for (const b of blocks) {
    printedLines(b.text).forEach((text, i) => {
      const key = `${prefix}-${b.id}-${i}`;
      out.push({ key, type: BLOCK_KIND[b.type], text });
    });
  }
}

/** Title, preface, the six sections (each table after its section's text) and the 落款, in print order. */
export function reportBlocks(report: Report, template: Template): FlowBlock[] {
  const out: FlowBlock[] = [];
  const title = splitTitle(printedLines(report.title).join(''));
  if (title.length) out.push({ key: 'title', type: 'title', lines: title });
  blockLines('pre', report.preface, out);
  for (const key of SECTION_KEYS) {
    const section = report.sections[key];
    const def = template.sections.find((s) => s.key === key);
    printedLines(section.heading).forEach((text, i) => out.push({ key: `${key}-h${i}`, type: 'h1', text }));
    blockLines(key, section.blocks, out);
    if (def?.table && template.table.has(def.table)) out.push({ key: `${key}-table`, type: 'table', tableId: def.table });
  }
  const unit = printedLines(report.signature.unit).join('');
  const date = printedDate(report.signature.date);
  if (unit || date) {
    const last = out[out.length - 1];
    if (last?.type === 'p') last.keepNext = true;
    const unitIndent = date ? Math.max(0, DATE_INDENT + (lineChars(date) - lineChars(unit)) / 2) : DATE_INDENT;
    out.push({ key: 'signature', type: 'signature', unit, date, unitIndent });
  }
  return out;
}
