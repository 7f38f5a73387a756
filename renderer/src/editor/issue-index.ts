import type { Issue, Severity } from '../../../electron/core/rules/issue';

// Issues arranged for the editor: sorted (errors first), worst severity per path, counts per area and
// the issues of each table — each part kept identical while unchanged so memoised views do not re-render.

/** Areas of the outline that carry badges. */
export type IssueArea = 'title' | 'preface' | 's1' | 's2' | 's3' | 's4' | 's5' | 's6' | 'signature' | 'unplaced';

export interface AreaCount {
  errors: number;
  warnings: number;
}

export interface IssueIndex {
  key: string;
  list: Issue[];
  errors: number;
  warnings: number;
  /** Worst severity per cell or text path ("t3.r1_new.natural", "sections.s1.<blockId>", "sections.s6"). */
  byPath: Map<string, Severity>;
  byArea: Partial<Record<IssueArea, AreaCount>>;
  byTable: Record<string, Issue[]>;
}

/** The outline area a path belongs to. */
export function areaOfPath(path: string): IssueArea | null {
  if (path.startsWith('t2.')) return 's2';
  if (path.startsWith('t3.')) return 's3';
  if (path.startsWith('t4.')) return 's4';
  if (path === 'title') return 'title';
  if (path.startsWith('preface')) return 'preface';
  if (path.startsWith('signature')) return 'signature';
  if (path.startsWith('unplaced')) return 'unplaced';
  const m = /^sections\.(s[1-6])/.exec(path);
  return m ? (m[1] as IssueArea) : null;
}

const issueKey = (i: Issue) => `${i.severity}|${i.rule}|${i.message}|${i.cells.join(',')}`;

/** Builds the index, reusing `prev` (or its per-table lists) when nothing in them changed. */
export function buildIssueIndex(issues: Issue[], prev?: IssueIndex): IssueIndex {
  const keys = issues.map(issueKey);
  const key = keys.join('\n');
  if (prev && prev.key === key) return prev;
  const order = issues.map((_, i) => i).sort((a, b) => (issues[a].severity === issues[b].severity ? a - b : issues[a].severity === 'error' ? -1 : 1));
  const list = order.map((i) => issues[i]);
  const byPath = new Map<string, Severity>();
  const byArea: IssueIndex['byArea'] = {};
  const tableLists: Record<string, Issue[]> = {};
  const tableKeys: Record<string, string> = {};
  let errors = 0;
  for (const i of order) {
    const issue = issues[i];
    if (issue.severity === 'error') errors++;
    const areas = new Set<IssueArea>();
    const tables = new Set<string>();
    for (const p of issue.cells) {
      if (byPath.get(p) !== 'error') byPath.set(p, issue.severity);
      const a = areaOfPath(p);
      if (a) areas.add(a);
      if (/^t\d\./.test(p)) tables.add(p.slice(0, 2));
    }
    for (const a of areas) {
      const c = (byArea[a] ??= { errors: 0, warnings: 0 });
      if (issue.severity === 'error') c.errors++;
      else c.warnings++;
    }
    for (const t of tables) {
      (tableLists[t] ??= []).push(issue);
      tableKeys[t] = (tableKeys[t] ?? '') + keys[i] + '\n';
    }
  }
  const byTable: Record<string, Issue[]> = {};
  for (const t of Object.keys(tableLists)) {
    const old = prev?.byTable[t];
    byTable[t] = old && old.map((x) => issueKey(x) + '\n').join('') === tableKeys[t] ? old : tableLists[t];
  }
  return { key, list, errors, warnings: issues.length - errors, byPath, byArea, byTable };
}

export const NO_ISSUES: Issue[] = [];
