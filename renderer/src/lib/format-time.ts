import { printedDate } from '../../../electron/core/model/printed-text';

// Times shown to the clerk, in local time.

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05:09". */
export function clockTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "2026年1月20日 14:05" (with seconds: "14:05:09") from an ISO time ("" when invalid). */
export function dateTime(iso: string, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = seconds ? clockTime(d) : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
}

/** "2026年1月20日" from "2026-01-20" ("" for ""), as printed. */
export const chineseDate = printedDate;

/** Reads a date as clerks write it ("2026年1月20日", "2026-1-20", "2026/01/20", "2026.1.20", full-width digits) → "2026-01-20"; "" for blank; null when not a real date. */
export function parseDateText(text: string): string | null {
  const t = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  if (!t) return '';
  const m = /^(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})日?$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
