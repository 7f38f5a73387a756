import type { Report } from '../model/report';
import { getTemplate } from '../template/registry';
import type { Template } from '../template/schema';

type Values = Report['values'];

interface Derivations {
  /** computed cell → the cells it sums */
  parts: Map<string, string[]>;
  /** computed cells in an order where parts come before their totals */
  order: string[];
}

const cache = new WeakMap<Template, Derivations>();

function derivations(t: Template): Derivations {
  const hit = cache.get(t);
  if (hit) return hit;
  const parts = new Map<string, string[]>();
  for (const rule of t.rules) {
    if (rule.kind !== 'sumEquals' || !rule.derive) continue;
    const table = t.table.get(rule.table)!;
    const outer = rule.over === 'columns' ? table.columns : table.rows;
    for (const o of outer) {
      const path = (k: string) => (rule.over === 'columns' ? `${table.id}.${k}.${o.key}` : `${table.id}.${o.key}.${k}`);
      const target = path(rule.left[0]);
      const ps = rule.right.map(path);
      if (!t.cellKind.has(target) || !ps.every((p) => t.cellKind.has(p))) continue;
      if (!parts.has(target)) parts.set(target, ps); // first rule wins; both agree on consistent data
    }
  }
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (p: string) => {
    if (state.get(p) === 2) return;
    if (state.get(p) === 1) throw new Error(`模板的总计存在循环：${p}`);
    state.set(p, 1);
    for (const q of parts.get(p) ?? []) if (parts.has(q)) visit(q);
    state.set(p, 2);
    order.push(p);
  };
  for (const p of parts.keys()) visit(p);
  const d = { parts, order };
  cache.set(t, d);
  return d;
}

/** Every computed total cell of the template (the editor shows them read-only). */
export function computedCells(template: Template = getTemplate()): Set<string> {
  return new Set(derivations(template).parts.keys());
}

/** Values with every 总计 recomputed from its parts (blank when all parts are blank). */
export function deriveTotals(values: Values, template: Template = getTemplate()): Values {
  const { parts, order } = derivations(template);
  const out: Values = { ...values };
  for (const target of order) {
    let s = 0;
    let any = false;
    for (const p of parts.get(target)!) {
      const x = out[p];
      if (x != null) {
        s += x;
        any = true;
      }
    }
    if (any) out[target] = Math.round(s * 1e6) / 1e6;
    else delete out[target];
  }
  return out;
}

/** The report with totals recomputed. */
export function withDerivedTotals(report: Report): Report {
  return { ...report, values: deriveTotals(report.values, getTemplate(report.templateId)) };
}

export interface QuickFix {
  rule: string;
  title: string;
  /** The cell values the fix writes. */
  values: Record<string, number>;
}

/** Quick fixes the template defines (四、结转下年度继续办理 = 一 + 二 − （七）总计 per column), for columns where they apply. */
export function quickFixes(report: Report): QuickFix[] {
  const t = getTemplate(report.templateId);
  const fixes: QuickFix[] = [];
  for (const rule of t.rules) {
    if (rule.kind !== 'sumEquals' || !rule.fix) continue;
    const table = t.table.get(rule.table)!;
    const outer = rule.over === 'columns' ? table.columns : table.rows;
    const values: Record<string, number> = {};
    for (const o of outer) {
      const path = (k: string) => (rule.over === 'columns' ? `${table.id}.${k}.${o.key}` : `${table.id}.${o.key}.${k}`);
      const target = path(rule.fix.target);
      if (!t.cellKind.has(target)) continue;
      const left = rule.left.map(path);
      const others = rule.right.filter((k) => k !== rule.fix!.target).map(path);
      if (left.some((p) => report.values[p] == null) || others.some((p) => report.values[p] == null)) continue;
      const value = left.reduce((a, p) => a + report.values[p]!, 0) - others.reduce((a, p) => a + report.values[p]!, 0);
      if (value < 0 || value === report.values[target]) continue;
      values[target] = value;
    }
    if (Object.keys(values).length) fixes.push({ rule: rule.id, title: rule.fix.title, values });
  }
  return fixes;
}

/** Applies a quick fix's values and recomputes totals. */
export function applyQuickFix(report: Report, fix: QuickFix): Report {
  return withDerivedTotals({ ...report, values: { ...report.values, ...fix.values } });
}
