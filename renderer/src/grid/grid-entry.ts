import { formatCellValue, parseCellText } from '../../../electron/core/model/cell-text';
import type { CellKind } from '../../../electron/core/template/schema';

// What a clerk typed or pasted into a number cell: accepted as a value, or refused with a message.

/** The inline message for text that is not a number. */
export const NOT_A_NUMBER = '请输入数字（没有的填 0）';

export type Entry = { ok: true; value: number | null } | { ok: false; message: string };

function decimals(n: number): number {
  const s = String(n);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Parses the text typed into a cell of this kind: full-width digits accepted, "/" and blank become blank, anything else refused. */
export function parseEntry(text: string, kind: CellKind): Entry {
  const p = parseCellText(text, kind);
  if (p.problem) return { ok: false, message: NOT_A_NUMBER };
  if (p.value == null) return { ok: true, value: null };
  // A number followed by words ("12个左右") is not a clean number; 元 → 万元 conversions are.
  if (p.note && !(kind === 'amount' && p.note.startsWith('原文'))) return { ok: false, message: NOT_A_NUMBER };
  const v = p.value;
  if (kind === 'amount') {
    if (v < 0) return { ok: false, message: '金额不能为负数' };
    if (decimals(v) > 6) return { ok: false, message: '金额以万元为单位，最多保留 6 位小数' };
    return { ok: true, value: v };
  }
  if (!Number.isInteger(v)) return { ok: false, message: '件数应为整数，不能有小数' };
  if (kind !== 'signed' && v < 0) return { ok: false, message: '件数不能为负数' };
  return { ok: true, value: v };
}

/** Splits clipboard text copied from Excel or WPS 表格 into rows of cells (tabs between columns, \r\n or \n between rows). */
export function parseClipboardBlock(text: string): string[][] {
  const t = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  if (!t) return [];
  return t.split('\n').map((line) => line.split('\t').map((cell) => cell.replace(/^"(.*)"$/s, '$1').trim()));
}

/** Tab-separated text of a block of values (rows joined with \r\n, as Excel writes it). */
export function blockToClipboard(rows: Array<Array<number | null | undefined>>): string {
  return rows.map((row) => row.map((v) => formatCellValue(v)).join('\t')).join('\r\n');
}
