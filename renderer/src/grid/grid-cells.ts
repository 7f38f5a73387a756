import { formatCellValue } from '../../../electron/core/model/cell-text';
import type { Report } from '../../../electron/core/model/report';
import type { Issue } from '../../../electron/core/rules/issue';
import type { CellKind, TableDef, Template } from '../../../electron/core/template/schema';

// Per-cell facts the grid draws: Chinese names for screen readers, last year's hints, issues by cell.

export interface CellMeta {
  kind: CellKind;
  /** "一、本年新收政府信息公开申请数量，自然人" — the row and column as printed. */
  name: string;
  computed: boolean;
}

/** Drops the leading path parts every entry shares ("申请人情况") so names stay short. */
function trimCommon(paths: string[][]): Map<string, string> {
  const out = new Map<string, string>();
  let common = 0;
  if (paths.length > 1) {
    const shortest = Math.min(...paths.map((p) => p.length));
    while (common < shortest - 1 && paths.every((p) => p[common] === paths[0][common])) common++;
  }
  for (const p of paths) out.set(p.join('\u0000'), p.slice(common).join('·'));
  return out;
}

/** Names and kinds of every data cell of a table. */
export function cellMeta(template: Template, table: TableDef, computed: Set<string>): Map<string, CellMeta> {
  const rowNames = trimCommon(table.rows.map((r) => r.path));
  const colNames = trimCommon(table.columns.map((c) => c.path));
  const rowName = new Map(table.rows.map((r) => [r.key, rowNames.get(r.path.join('\u0000')) ?? r.label]));
  const colName = new Map(table.columns.map((c) => [c.key, colNames.get(c.path.join('\u0000')) ?? c.label]));
  const out = new Map<string, CellMeta>();
  for (const c of table.cells) {
    const path = `${table.id}.${c.row}.${c.col}`;
    const name = table.columns.length === 1 ? rowName.get(c.row)! : `${rowName.get(c.row)}，${colName.get(c.col)}`;
    out.set(path, { kind: template.cellKind.get(path) ?? c.kind, name, computed: computed.has(path) });
  }
  return out;
}

/** Last year's values shown beside this year's cells: 二、上年结转 ← 上年“四、结转下年度继续办理”; 现行有效件数 ← 上年现行有效件数. */
export function lastYearHints(template: Template, tableId: string, previous: Report['values'] | undefined): Record<string, string> {
  const hints: Record<string, string> = {};
  if (!previous) return hints;
  const table = template.table.get(tableId);
  if (!table) return hints;
  for (const rule of template.rules) {
    if (rule.kind === 'carryOver' && rule.table === tableId) {
      for (const col of table.columns) {
        const v = previous[`${tableId}.${rule.from}.${col.key}`];
        const to = `${tableId}.${rule.to}.${col.key}`;
        if (v != null && template.cellKind.has(to)) hints[to] = `上年结转下年：${formatCellValue(v)}`;
      }
    } else if (rule.kind === 'stock' && rule.table === tableId) {
      for (const row of rule.rows) {
        const path = `${tableId}.${row}.${rule.valid}`;
        const v = previous[path];
        if (v != null) hints[path] = `上年现行有效：${formatCellValue(v)}`;
      }
    }
  }
  return hints;
}

export interface CellIssue {
  severity: 'error' | 'warning';
  text: string;
}

/** The issues that name cells of this table, merged per cell (an error outranks a warning). */
export function issuesByCell(issues: Issue[], tableId: string): Map<string, CellIssue> {
  const prefix = `${tableId}.`;
  const acc = new Map<string, { severity: 'error' | 'warning'; texts: string[] }>();
  for (const issue of issues) {
    for (const cell of issue.cells) {
      if (!cell.startsWith(prefix)) continue;
      let a = acc.get(cell);
      if (!a) acc.set(cell, (a = { severity: issue.severity, texts: [] }));
      if (issue.severity === 'error') a.severity = 'error';
      if (!a.texts.includes(issue.message)) a.texts.push(issue.message);
    }
  }
  const out = new Map<string, CellIssue>();
  for (const [cell, a] of acc) out.set(cell, { severity: a.severity, text: a.texts.join('；') });
  return out;
}
