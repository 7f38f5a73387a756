import { z } from 'zod';
import { FormatSchema, RulesFileSchema, type CellKind, type TableDef, type Template } from './schema';

export type TemplateLoadResult = { ok: true; template: Template } | { ok: false; problems: string[] };

function zodProblems(prefix: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${prefix}${i.path.length ? ' ' + i.path.join('.') : ''}：${i.message}`);
}

/** Validates the parsed JSON of a template folder and checks that grid, cells and rules agree. */
export function loadTemplate(formatJson: unknown, rulesJson: unknown): TemplateLoadResult {
  const f = FormatSchema.safeParse(formatJson);
  const r = RulesFileSchema.safeParse(rulesJson);
  const problems: string[] = [];
  if (!f.success) problems.push(...zodProblems('format.json', f.error));
  if (!r.success) problems.push(...zodProblems('rules.json', r.error));
  if (!f.success || !r.success) return { ok: false, problems };
  const format = f.data;
  if (r.data.template !== format.id) problems.push(`rules.json 属于模板 ${r.data.template}，不是 ${format.id}`);

  const table = new Map<string, TableDef>();
  const cellKind = new Map<string, CellKind>();
  const cellPaths: string[] = [];
  for (const t of format.tables) {
    if (table.has(t.id)) problems.push(`表 ${t.id} 重复`);
    table.set(t.id, t);
    const rows = new Set(t.rows.map((x) => x.key));
    const cols = new Set(t.columns.map((x) => x.key));
    for (const c of t.cells) {
      if (!rows.has(c.row)) problems.push(`${t.id} 的单元格引用了不存在的行 ${c.row}`);
      if (!cols.has(c.col)) problems.push(`${t.id} 的单元格引用了不存在的列 ${c.col}`);
      const p = `${t.id}.${c.row}.${c.col}`;
      if (cellKind.has(p)) problems.push(`单元格 ${p} 重复`);
      cellKind.set(p, c.kind);
    }
    // The grid must be a rectangle once spans are laid out, and hold every data cell exactly once.
    const width = t.widths.length;
    const occupied: boolean[][] = [];
    const seen = new Set<string>();
    t.grid.forEach((row, ri) => {
      occupied[ri] ??= [];
      let col = 0;
      for (const cell of row) {
        while (occupied[ri][col]) col++;
        const cs = cell.colSpan ?? 1;
        const rs = cell.rowSpan ?? 1;
        for (let dr = 0; dr < rs; dr++) {
          occupied[ri + dr] ??= [];
          for (let dc = 0; dc < cs; dc++) {
            if (occupied[ri + dr][col + dc]) problems.push(`${t.id} 网格第 ${ri + 1} 行第 ${col + dc + 1} 列重叠`);
            occupied[ri + dr][col + dc] = true;
          }
        }
        if ('cell' in cell) {
          if (!cellKind.has(cell.cell)) problems.push(`${t.id} 网格引用了未定义的单元格 ${cell.cell}`);
          if (seen.has(cell.cell)) problems.push(`${t.id} 网格中单元格 ${cell.cell} 出现两次`);
          seen.add(cell.cell);
          cellPaths.push(cell.cell);
        }
        col += cs;
      }
    });
    occupied.forEach((row, ri) => {
      const filled = row.filter(Boolean).length;
      if (filled !== width || row.length !== width) problems.push(`${t.id} 网格第 ${ri + 1} 行宽度为 ${filled}，应为 ${width}`);
    });
    if (occupied.length !== t.grid.length) problems.push(`${t.id} 的纵向合并超出了表格末行`);
    for (const c of t.cells) if (!seen.has(`${t.id}.${c.row}.${c.col}`)) problems.push(`${t.id}.${c.row}.${c.col} 未出现在网格中`);
    if (t.headerRows > t.grid.length) problems.push(`${t.id} 的表头行数超过了表格行数`);
  }
  for (const s of format.sections) if (s.table && !table.has(s.table)) problems.push(`章节 ${s.key} 引用了不存在的表 ${s.table}`);
  for (const rule of r.data.rules) {
    if ('table' in rule && !table.has(rule.table)) problems.push(`规则 ${rule.id} 引用了不存在的表 ${rule.table}`);
    if (rule.kind === 'sumEquals') {
      const t = table.get(rule.table);
      if (!t) continue;
      const keys = new Set((rule.over === 'columns' ? t.rows : t.columns).map((x) => x.key));
      for (const k of [...rule.left, ...rule.right]) if (!keys.has(k)) problems.push(`规则 ${rule.id} 引用了不存在的${rule.over === 'columns' ? '行' : '列'} ${k}`);
      if (rule.derive && rule.left.length !== 1) problems.push(`规则 ${rule.id}：derive 只允许左边一个总计`);
      if (rule.fix && !rule.right.includes(rule.fix.target)) problems.push(`规则 ${rule.id}：快速修复的目标必须在右边`);
    }
    if (rule.kind === 'zeroForLevels') for (const c of rule.cells) if (!cellKind.has(c)) problems.push(`规则 ${rule.id} 引用了不存在的单元格 ${c}`);
    if (rule.kind === 'narrativeNumbers') for (const fact of rule.facts) for (const c of fact.cells) if (!cellKind.has(c)) problems.push(`规则 ${rule.id} 引用了不存在的单元格 ${c}`);
  }
  if (format.migrateTo) {
    for (const from of Object.keys(format.migrateTo.cells)) if (!cellKind.has(from)) problems.push(`迁移映射引用了不存在的单元格 ${from}`);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, template: { ...format, rules: r.data.rules, cellPaths, cellKind, table } };
}
