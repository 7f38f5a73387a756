import type { ReportSummary } from '../../../electron/core/contract';

// The library's reports grouped by unit (units in Chinese collation order, years newest first).

export interface UnitGroup {
  unitName: string;
  reports: ReportSummary[];
}

/** Filters by unit name (or title) and groups by unit. */
export function groupReports(reports: ReportSummary[], query: string): UnitGroup[] {
  const q = query.trim().toLowerCase();
  const hits = q ? reports.filter((r) => r.unitName.toLowerCase().includes(q) || r.title.toLowerCase().includes(q)) : reports;
  const byUnit = new Map<string, ReportSummary[]>();
  for (const r of hits) {
    const list = byUnit.get(r.unitName) ?? [];
    list.push(r);
    byUnit.set(r.unitName, list);
  }
  return [...byUnit.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([unitName, list]) => ({ unitName, reports: list.sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt)) }));
}

/** "3 个错误" / "2 个警告" / "可以导出" and its tone. */
export function reportStatus(r: Pick<ReportSummary, 'errors' | 'warnings'>): { text: string; tone: 'error' | 'warning' | 'ok' } {
  if (r.errors) return { text: `${r.errors} 个错误${r.warnings ? ` · ${r.warnings} 个警告` : ''}`, tone: 'error' };
  if (r.warnings) return { text: `${r.warnings} 个警告 · 可以导出`, tone: 'warning' };
  return { text: '可以导出', tone: 'ok' };
}
