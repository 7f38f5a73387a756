import type { TableDef, Template } from '../template/schema';

const shortRow = (t: TableDef, key: string) => t.rows.find((r) => r.key === key)?.label ?? key;
const shortCol = (t: TableDef, key: string) => t.columns.find((c) => c.key === key)?.label ?? key;

/** "表三“一、本年新收政府信息公开申请数量”行“自然人”列" — a cell named the way a clerk reads the printed table. */
export function cellLabel(template: Template, path: string): string {
  const [tid, row, col] = path.split('.');
  const t = template.table.get(tid);
  if (!t) return path;
  if (t.id === 't2') return `表${t.number}“${shortRow(t, row)}”的“${shortCol(t, col)}”`;
  if (t.id === 't4') {
    const r = t.rows.find((x) => x.key === row);
    return `表${t.number}“${(r?.path ?? [row]).join('·')}”的“${shortCol(t, col)}”`;
  }
  return `表${t.number}“${shortRow(t, row)}”行“${shortCol(t, col)}”列`;
}

/** The table's row label (with its parent for table 四). */
export function rowLabel(t: TableDef, key: string): string {
  const r = t.rows.find((x) => x.key === key);
  if (!r) return key;
  return t.id === 't4' ? r.path.join('·') : r.label;
}

/** The table's column label. */
export function columnLabel(t: TableDef, key: string): string {
  return shortCol(t, key);
}

/** Fills "{name}" placeholders. */
export function fill(message: string, vars: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A number the way it is printed (no float noise). */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}
