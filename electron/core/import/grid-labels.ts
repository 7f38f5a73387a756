import { listTemplates } from '../template/registry';
import { normaliseLabel } from './label-match';

// Every printed label of every template table (rows, columns, header cells), normalised: used to tell
// the pieces of a table header that a copy left outside the table from the report's own text.

let cache: { exact: Set<string>; all: string[]; header: Set<string> } | undefined;

function known(): { exact: Set<string>; all: string[]; header: Set<string> } {
  if (cache) return cache;
  const exact = new Set<string>();
  const header = new Set<string>();
  for (const t of listTemplates()) {
    for (const table of t.tables) {
      const rowLabels = new Set(table.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])]).map(normaliseLabel));
      table.grid.forEach((row, ri) => {
        for (const c of row) {
          if (!('text' in c)) continue;
          const n = normaliseLabel(c.text);
          // Header cells: the header rows of 表三/表四, and 表二's block and column labels.
          if ((table.headerRows > 0 ? ri < table.headerRows : true) && !rowLabels.has(n)) header.add(n);
        }
      });
      for (const row of table.grid) for (const c of row) if ('text' in c) exact.add(normaliseLabel(c.text));
      for (const r of table.rows) for (const l of [r.label, ...(r.aliases ?? []), ...r.path]) exact.add(normaliseLabel(l));
      for (const c of table.columns) for (const l of [c.label, ...(c.aliases ?? []), ...c.path]) exact.add(normaliseLabel(l));
    }
  }
  exact.delete('');
  header.delete('');
  cache = { exact, all: [...exact], header };
  return cache;
}

/** 'exact' when the text is a whole table label, 'part' when it is a piece of one (≥ 2 characters, or every space-separated piece is), else undefined. */
export function tableLabelKind(text: string): 'exact' | 'part' | undefined {
  const n = normaliseLabel(text);
  if (!n || n.length > 80) return undefined;
  const g = known();
  if (g.exact.has(n)) return 'exact';
  const isPart = (s: string) => s.length >= 2 && g.all.some((x) => x.includes(s));
  if (isPart(n)) return 'part';
  const pieces = text.trim().split(/[\s\u3000]+/).map(normaliseLabel).filter(Boolean);
  if (pieces.length >= 2 && pieces.every((p) => g.exact.has(p) || isPart(p))) return 'part';
  return undefined;
}

/** Share of the text's characters covered by whole table labels (a header row whose cells a PDF copy glued together). */
export function tableLabelCoverage(text: string): number {
  const n = normaliseLabel(text);
  if (!n) return 1;
  if (n.length > 200) return 0;
  const covered = new Array<boolean>(n.length).fill(false);
  for (const label of known().all) {
    if (label.length < 2 || label.length > n.length) continue;
    let i = n.indexOf(label);
    while (i >= 0) {
      for (let k = i; k < i + label.length; k++) covered[k] = true;
      i = n.indexOf(label, i + 1);
    }
  }
  return covered.filter(Boolean).length / n.length;
}

/** True when the text is a whole header or block label ("第二十条第（五）项", "信息内容", "自然人", "行政复议"), never a row of numbers. */
export function isHeaderLabel(text: string): boolean {
  return known().header.has(normaliseLabel(text));
}
