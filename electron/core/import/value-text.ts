import { toHalfWidth } from './label-match';

// Telling number cells from label cells in printed tables ("0", "/", "22（其中修订16件）", "251000元"
// are values; "1.属于国家秘密" and "2024年度" are not).

const BLANKISH = /^[/\\、\-—–―_－~～]+$/;
const WORD_BLANK = /^(无|空|暂无|不适用)$/;
const NUMBER_CELL = /^[-+]?\d[\d,，]*(\.\d+)?(万元|元|件|个|条|起|宗|项|次)?([(（【[][^()（）]*[)）】\]])?$/;

/** True when the text of a cell is a value (blank, a dash or slash, "无", or a number with an optional unit or bracketed note). */
export function looksLikeValue(text: string): boolean {
  const t = toHalfWidth(text ?? '').replace(/[\s\u00a0\u3000]+/g, '');
  if (!t) return true;
  if (t.length > 60) return false;
  return BLANKISH.test(t) || WORD_BLANK.test(t) || NUMBER_CELL.test(t);
}

/** True when the text holds a digit (used to tell a number row from a label row). */
export function hasDigit(text: string): boolean {
  return /[0-9０-９]/.test(text);
}
