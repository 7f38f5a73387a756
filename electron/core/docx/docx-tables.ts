import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { formatCellValue } from '../model/cell-text';
import type { Report } from '../model/report';
import type { GridCell, TableDef } from '../template/schema';
import type { ReportFonts } from './docx-fonts';
import { SIZE, TEXT_WIDTH } from './docx-layout';
import { runFonts } from './docx-styles';

// The statistical tables drawn from the template grid, with the merges written by hand
// (w:gridSpan, w:vMerge restart/continue) instead of docx's rowSpan, which misplaces cells (docx issue #695).

/** One slot of a laid-out grid row: a cell that starts here, or the continuation of a cell merged down from above. */
export type PlacedCell =
  | { kind: 'origin'; cell: GridCell; col: number; colSpan: number; rowSpan: number }
  | { kind: 'continue'; origin: GridCell; col: number; colSpan: number };

/** Lays the template grid out on its columns: each row lists, left to right, the cells that occupy it. */
export function layoutGrid(def: TableDef): PlacedCell[][] {
  const rows: PlacedCell[][] = def.grid.map(() => []);
  const taken: boolean[][] = def.grid.map(() => []);
  def.grid.forEach((row, ri) => {
    let col = 0;
    for (const cell of row) {
      while (taken[ri][col]) col++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      rows[ri].push({ kind: 'origin', cell, col, colSpan, rowSpan });
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) if (taken[ri + dr]) taken[ri + dr][col + dc] = true;
        if (dr > 0 && rows[ri + dr]) rows[ri + dr].push({ kind: 'continue', origin: cell, col, colSpan });
      }
      col += colSpan;
    }
  });
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}

/** Column widths in twips proportional to the template's widths, summing exactly to `total`. */
export function columnTwips(widths: number[], total: number = TEXT_WIDTH): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const exact = widths.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  // Hand the leftover twips to the columns that lost most to rounding (stable: leftmost first on ties).
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k].i]++;
  return out;
}

/** Whether a table has so many columns that it is set in 小五 rather than 五号. */
export const isWideTable = (def: TableDef): boolean => def.widths.length >= 8;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_MARGIN = { top: 0, bottom: 0, left: 85, right: 85 } as const;

/** The printed text of a grid cell: its label, or the value formatted (blank cells stay blank). */
export function gridCellText(cell: GridCell, values: Report['values']): string {
  return 'text' in cell ? cell.text : formatCellValue(values[cell.cell]);
}

/** Paragraph style ids of table text: 五号 for narrow tables, 小五 for wide ones. */
export const TABLE_STYLE = { normal: 'ReportTable', small: 'ReportTableSmall' } as const;

/**
 * The table paragraph styles: font, size, centred, single spacing, no indent, and keep-with-next (every row but a
 * table's last keeps with the next, so a table that fits on a page moves whole with its heading).
 * Set once in styles.xml instead of on each of the ~400 cells, which keeps the export fast.
 */
export function tableParagraphStyles(fonts: ReportFonts) {
  const style = (id: string, name: string, size: number) => ({
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: runFonts(fonts.table, fonts.latin), size, sizeComplexScript: size, color: '000000' },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      indent: { firstLine: 0, firstLineChars: 0, left: 0, right: 0 },
      keepNext: true,
    },
  });
  return [style(TABLE_STYLE.normal, '报告表格（五号）', SIZE.table), style(TABLE_STYLE.small, '报告表格（小五）', SIZE.tableSmall)];
}

/** One template table as a Word table: fixed layout on an exact w:tblGrid, header rows repeated, rows never split. */
export function reportTable(def: TableDef, values: Report['values']): Table {
  const cols = columnTwips(def.widths);
  const wide = isWideTable(def);
  const styleId = wide ? TABLE_STYLE.small : TABLE_STYLE.normal;
  const span = (col: number, colSpan: number) => cols.slice(col, col + colSpan).reduce((a, b) => a + b, 0);
  const lastRow = def.grid.length - 1;
  // Cells are centred by the style; only row labels are set left.
  const paragraph = (text: string, left: boolean, last: boolean) =>
    new Paragraph({
      style: styleId,
      alignment: left ? AlignmentType.LEFT : undefined,
      // The style keeps every row with the next; the last row lets the table end.
      keepNext: last ? false : undefined,
      children: text ? [new TextRun(text)] : [],
    });
  const layout = layoutGrid(def);
  const rows = layout.map((placed, ri) => {
    const hasData = placed.some((p) => p.kind === 'origin' && 'cell' in p.cell);
    const header = ri < def.headerRows;
    const cells = placed.map((p) => {
      const common = {
        width: { size: span(p.col, p.colSpan), type: WidthType.DXA },
        columnSpan: p.colSpan > 1 ? p.colSpan : undefined,
        verticalAlign: VerticalAlignTable.CENTER,
      };
      if (p.kind === 'continue') return new TableCell({ ...common, verticalMerge: VerticalMergeType.CONTINUE, children: [paragraph('', false, ri === lastRow)] });
      const isData = 'cell' in p.cell;
      const left = !isData && !header && hasData;
      return new TableCell({
        ...common,
        verticalMerge: p.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
        children: [paragraph(gridCellText(p.cell, values), left, ri === lastRow)],
      });
    });
    return new TableRow({
      children: cells,
      cantSplit: true,
      tableHeader: header || undefined,
      height: { value: wide ? 340 : 454, rule: HeightRule.ATLEAST },
    });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGIN,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}
