import type { CellKind } from '../template/schema';

// Turns what a person typed or a published report printed in a number cell into a value.
// Blank and "/" stay blank (never silently 0); notes beside the number are kept for a warning.

export interface ParsedCell {
  value: number | null;
  /** Text beside the number, or the reason it became blank (kept for the import log / a warning). */
  note?: string;
  /** Set when the text is not a number at all: the cell is refused (editor) or left blank (import). */
  problem?: string;
}

const FULL_WIDTH = /[０-９．－＋，]/g;
const toHalf = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const DASHES = /^[/／\\、\-－—–_＿]+$/;
const WORD_BLANK = /^(无|空|暂无|—|不适用)$/;

/** Normalises full-width digits, spaces and thousands separators. */
export function normaliseNumberText(text: string): string {
  return toHalf(text).replace(/[\s\u3000\u00a0]+/g, '').replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
}

/** Parses the text of one number cell for a cell of the given kind. */
export function parseCellText(text: string, kind: CellKind = 'count'): ParsedCell {
  const t = normaliseNumberText(text ?? '');
  if (!t) return { value: null };
  if (DASHES.test(t)) return { value: null, note: /^[/／]+$/.test(t) ? '/' : t };
  if (WORD_BLANK.test(t)) return { value: null, note: t };
  const m = /^([+-]?\d+(?:\.\d+)?)(.*)$/.exec(t);
  if (!m) return { value: null, problem: `“${text.trim()}”不是数字` };
  let value = Number(m[1]);
  let rest = m[2];
  let note: string | undefined;
  if (kind === 'amount') {
    if (/^万元$/.test(rest)) rest = '';
    else if (/^元$/.test(rest)) {
      value = Math.round((value / 10000) * 1e6) / 1e6;
      rest = '';
      note = `原文“${text.trim()}”以元为单位，已换算为 ${value} 万元`;
    }
  } else if (/^(件|个|条|起|宗|项|次)$/.test(rest)) rest = '';
  if (rest) note = rest.replace(/^[（(]/, '').replace(/[）)]$/, '');
  return note ? { value, note } : { value };
}

/** How a value is shown in a cell or printed (blank for null). */
export function formatCellValue(value: number | null | undefined): string {
  if (value == null) return '';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}
