import type { Report } from '../model/report';
import { findTemplate } from '../template/registry';
import type { RuleDef, Template } from '../template/schema';
import type { Issue } from './issue';
import { cellLabel, columnLabel, fill, fmt, rowLabel } from './labels';
import { compileQuoteScanner } from './narrative';

export interface CheckOptions {
  /** Last year's report: enables S1 and S2 (otherwise the report's own baseline is used, if any). */
  previous?: Report;
}

type Values = Report['values'];
type Compiled = (report: Report, values: Values, prev: Values | undefined, prevYear: number | undefined, out: Issue[]) => void;

const EPS = 1e-9;
const sum = (values: Values, paths: string[]) => {
  let s = 0;
  let any = false;
  for (const p of paths) {
    const x = values[p];
    if (x != null) {
      s += x;
      any = true;
    }
  }
  return { s, any };
};

function compileSumEquals(t: Template, rule: Extract<RuleDef, { kind: 'sumEquals' }>): Compiled {
  const table = t.table.get(rule.table)!;
  const instances: Array<{ label: string; left: string[]; right: string[] }> = [];
  const outer = rule.over === 'columns' ? table.columns : table.rows;
  for (const o of outer) {
    const path = (k: string) => (rule.over === 'columns' ? `${table.id}.${k}.${o.key}` : `${table.id}.${o.key}.${k}`);
    const left = rule.left.map(path);
    const right = rule.right.map(path);
    if (![...left, ...right].every((p) => t.cellKind.has(p))) continue;
    instances.push({ label: rule.over === 'columns' ? columnLabel(table, o.key) : rowLabel(table, o.key), left, right });
  }
  return (_r, values, _p, _y, out) => {
    for (const ins of instances) {
      const l = sum(values, ins.left);
      const r = sum(values, ins.right);
      if (!l.any && !r.any) continue;
      if (Math.abs(l.s - r.s) > EPS) {
        out.push({
          rule: rule.id,
          severity: rule.severity,
          message: fill(rule.message, { label: ins.label, left: fmt(l.s), right: fmt(r.s) }),
          cells: [...ins.left, ...ins.right],
        });
      }
    }
  };
}

/** More than 6 decimal places, ignoring float noise (0.000001 + 5 is 5.000001, not 5.0000010000000005). */
function beyondSixDecimals(n: number): boolean {
  return Math.abs(Number(n.toFixed(6)) - n) > 1e-9 * Math.max(1, Math.abs(n));
}

function compileCellTypes(t: Template, rule: RuleDef): Compiled {
  const cells = [...t.cellKind.entries()];
  const labels = new Map(cells.map(([p]) => [p, cellLabel(t, p)]));
  return (_r, values, _p, _y, out) => {
    for (const [p, kind] of cells) {
      const x = values[p];
      if (x == null) continue;
      let problem = '';
      if (kind === 'amount') {
        if (x < 0) problem = `金额不能为负数（现为 ${fmt(x)}）`;
        else if (beyondSixDecimals(x)) problem = `金额以万元为单位，最多保留 6 位小数（现为 ${x}）`;
      } else if (kind === 'signed') {
        if (!Number.isInteger(x)) problem = `应为整数（现为 ${fmt(x)}）`;
      } else if (!Number.isInteger(x) || x < 0) problem = `应为不小于 0 的整数（现为 ${fmt(x)}）`;
      if (problem) out.push({ rule: rule.id, severity: rule.severity, message: fill(rule.message, { label: labels.get(p)!, problem }), cells: [p] });
    }
  };
}

function compileNoBlanks(t: Template, rule: RuleDef): Compiled {
  const groups: Array<{ label: string; cells: string[] }> = [];
  for (const table of t.table.values()) {
    for (const row of table.rows) {
      const cells = table.cells.filter((c) => c.row === row.key).map((c) => `${table.id}.${c.row}.${c.col}`);
      if (cells.length) groups.push({ label: `表${table.number}“${rowLabel(table, row.key)}”`, cells });
    }
  }
  return (r, values, _p, _y, out) => {
    for (const g of groups) {
      const blank = g.cells.filter((p) => values[p] == null);
      if (!blank.length) continue;
      const slash = blank.filter((p) => /^\s*[/／\\、-]+\s*$/.test(r.rawValues[p] ?? '')).length;
      const msg = fill(rule.message, { label: g.label, count: blank.length });
      out.push({ rule: rule.id, severity: rule.severity, message: slash ? `${msg}（其中 ${slash} 个填的是“/”）` : msg, cells: blank });
    }
  };
}

function compileCarryOver(t: Template, rule: Extract<RuleDef, { kind: 'carryOver' }>): Compiled {
  const table = t.table.get(rule.table)!;
  const pairs = table.columns
    .map((c) => ({ label: c.label, from: `${table.id}.${rule.from}.${c.key}`, to: `${table.id}.${rule.to}.${c.key}` }))
    .filter((x) => t.cellKind.has(x.from) && t.cellKind.has(x.to));
  return (_r, values, prev, prevYear, out) => {
    if (!prev) return;
    for (const x of pairs) {
      const expected = prev[x.from];
      const value = values[x.to];
      if (expected == null || value == null || Math.abs(expected - value) < EPS) continue;
      out.push({
        rule: rule.id,
        severity: rule.severity,
        message: fill(rule.message, { label: x.label, value: fmt(value), expected: fmt(expected), prevYear: prevYear ?? '上一' }),
        cells: [x.to],
      });
    }
  };
}

function compileStock(t: Template, rule: Extract<RuleDef, { kind: 'stock' }>): Compiled {
  const table = t.table.get(rule.table)!;
  const rows = rule.rows.map((row) => ({
    label: rowLabel(table, row),
    issued: `${table.id}.${row}.${rule.issued}`,
    repealed: `${table.id}.${row}.${rule.repealed}`,
    valid: `${table.id}.${row}.${rule.valid}`,
  }));
  return (_r, values, prev, _y, out) => {
    if (!prev) return;
    for (const x of rows) {
      const previous = prev[x.valid];
      const valid = values[x.valid];
      if (previous == null || valid == null) continue;
      const issued = values[x.issued] ?? 0;
      const repealed = values[x.repealed] ?? 0;
      const expected = previous + issued - repealed;
      if (Math.abs(expected - valid) < EPS) continue;
      out.push({
        rule: rule.id,
        severity: rule.severity,
        message: fill(rule.message, { label: x.label, value: fmt(valid), previous: fmt(previous), issued: fmt(issued), repealed: fmt(repealed), expected: fmt(expected) }),
        cells: [x.valid, x.issued, x.repealed],
      });
    }
  };
}

function compileNarrative(_t: Template, rule: Extract<RuleDef, { kind: 'narrativeNumbers' }>): Compiled {
  const scan = compileQuoteScanner(rule.facts);
  const facts = new Map(rule.facts.map((f) => [f.key, f]));
  return (r, values, _p, _y, out) => {
    for (const key of rule.sections) {
      const section = r.sections[key as keyof Report['sections']];
      if (!section) continue;
      for (const b of section.blocks) {
        if (b.type !== 'paragraph' || !b.text) continue;
        const seen = new Set<string>();
        for (const q of scan(b.text)) {
          const fact = facts.get(q.fact)!;
          const { s, any } = sum(values, fact.cells);
          if (!any || Math.abs(s - q.value) < EPS) continue;
          const k = `${q.fact}:${q.value}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push({
            rule: rule.id,
            severity: rule.severity,
            message: fill(rule.message, { quote: q.quote, value: fmt(q.value), name: fact.name, expected: fmt(s) }),
            cells: [`sections.${key}.${b.id}`, ...fact.cells],
          });
        }
      }
    }
  };
}

const sectionText = (r: Report, key: string) =>
  (r.sections[key as keyof Report['sections']]?.blocks ?? []).map((b) => b.text).join('\n');

function compileSectionMentions(_t: Template, rule: Extract<RuleDef, { kind: 'sectionMentions' }>): Compiled {
  return (r, _v, _p, _y, out) => {
    const text = sectionText(r, rule.section);
    if (rule.terms.some((term) => text.includes(term))) return;
    out.push({ rule: rule.id, severity: rule.severity, message: rule.message, cells: [`sections.${rule.section}`] });
  };
}

function compileSectionNotEmpty(t: Template, rule: Extract<RuleDef, { kind: 'sectionNotEmpty' }>): Compiled {
  const suggested = new Set(t.sections.find((s) => s.key === rule.section)?.suggestedSubheadings ?? []);
  const empty = new Set(rule.emptyTexts.map((x) => x.replace(/\s+/g, '')));
  return (r, _v, _p, _y, out) => {
    const blocks = r.sections[rule.section as keyof Report['sections']]?.blocks ?? [];
    const text = blocks
      .filter((b) => !(b.type !== 'paragraph' && suggested.has(b.text.trim())))
      .map((b) => b.text)
      .join('')
      .replace(/\s+/g, '');
    if (text && !empty.has(text)) return;
    out.push({ rule: rule.id, severity: rule.severity, message: rule.message, cells: [`sections.${rule.section}`] });
  };
}

function compileZeroForLevels(_t: Template, rule: Extract<RuleDef, { kind: 'zeroForLevels' }>): Compiled {
  const levels = new Set(rule.levels);
  return (r, values, _p, _y, out) => {
    if (!levels.has(r.unit.level)) return;
    const nonZero = rule.cells.filter((p) => (values[p] ?? 0) !== 0);
    if (nonZero.length) out.push({ rule: rule.id, severity: rule.severity, message: rule.message, cells: nonZero });
  };
}

function compileRule(t: Template, rule: RuleDef): Compiled {
  switch (rule.kind) {
    case 'sumEquals':
      return compileSumEquals(t, rule);
    case 'cellTypes':
      return compileCellTypes(t, rule);
    case 'noBlanks':
      return compileNoBlanks(t, rule);
    case 'carryOver':
      return compileCarryOver(t, rule);
    case 'stock':
      return compileStock(t, rule);
    case 'narrativeNumbers':
      return compileNarrative(t, rule);
    case 'sectionMentions':
      return compileSectionMentions(t, rule);
    case 'sectionNotEmpty':
      return compileSectionNotEmpty(t, rule);
    case 'zeroForLevels':
      return compileZeroForLevels(t, rule);
    default:
      return assertNever(rule);
  }
}

/** Exhaustiveness guard for switches over unions. */
export function assertNever(x: never): never {
  throw new Error(`未处理的类型：${JSON.stringify(x)}`);
}

const compiled = new WeakMap<Template, Compiled[]>();
function compiledRules(t: Template): Compiled[] {
  let c = compiled.get(t);
  if (!c) {
    c = t.rules.map((r) => compileRule(t, r));
    compiled.set(t, c);
  }
  return c;
}

/** Runs every rule of the report's template; returns the issues (errors H1–H6, warnings S1–S8) with the cells they concern. */
export function check(report: Report, options: CheckOptions = {}): Issue[] {
  const t = findTemplate(report.templateId);
  if (!t) return [{ rule: 'H0', severity: 'error', message: `未知的报告格式：${report.templateId}`, cells: [] }];
  let prev: Values | undefined;
  let prevYear: number | undefined;
  if (options.previous) {
    prev = options.previous.values;
    prevYear = options.previous.year;
  } else if (report.baseline) {
    prev = report.baseline.values;
    prevYear = report.baseline.year;
  }
  const out: Issue[] = [];
  for (const rule of compiledRules(t)) rule(report, report.values, prev, prevYear, out);
  return out;
}

/** Counts of errors and warnings. */
export function countIssues(issues: Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}

