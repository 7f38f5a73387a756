import { formatCellValue } from '../../../electron/core/model/cell-text';
import type { Report } from '../../../electron/core/model/report';
import type { TableDef } from '../../../electron/core/template/schema';
import { gridGeometry, type Placement } from '../grid/grid-geometry';

// One printed table, or the part of it on one page: optional header rows, then body rows [from, to)
// with merged cells clipped to the page (a merge that started on the previous page continues empty).

interface Slot {
  p: Placement;
  rowSpan: number;
  continued: boolean;
}

function bodySlots(table: TableDef, start: number, end: number): Slot[][] {
  const g = gridGeometry(table);
  const out: Slot[][] = [];
  for (let r = start; r < end; r++) {
    const slots: Slot[] = g.rows[r].map((p) => ({ p, rowSpan: Math.min(p.rowSpan, end - r), continued: false }));
    if (r === start) {
      const seen = new Set<Placement>();
      for (const q of g.occupancy[r]) {
        if (!q || q.row >= r || seen.has(q)) continue;
        seen.add(q);
        slots.push({ p: q, rowSpan: Math.min(q.row + q.rowSpan, end) - r, continued: true });
      }
      slots.sort((a, b) => a.p.col - b.p.col);
    }
    out.push(slots);
  }
  return out;
}

/** A table (or one page's part of it) in print layout. */
export function PreviewTable(props: { table: TableDef; values: Report['values']; from: number; to: number; header: boolean }) {
  const { table, values, from, to, header } = props;
  const g = gridGeometry(table);
  const head = header ? g.rows.slice(0, g.headerRows) : [];
  const body = bodySlots(table, g.headerRows + from, g.headerRows + to);
  const cell = (s: Slot, key: string) => {
    const p = s.p;
    const span = { colSpan: p.colSpan > 1 ? p.colSpan : undefined, rowSpan: s.rowSpan > 1 ? s.rowSpan : undefined };
    if (p.kind === 'data') {
      return (
        <td key={key} {...span} className="pp-num">
          {s.continued ? '' : formatCellValue(values[p.path])}
        </td>
      );
    }
    return (
      <td key={key} {...span} className={p.header ? 'pp-th' : 'pp-label'}>
        {s.continued ? '' : p.text}
      </td>
    );
  };
  return (
    <table className={`pp-table pp-${table.id} ${g.columns >= 8 ? 'pp-small' : 'pp-normal'}`}>
      <colgroup>
        {g.widths.map((w, i) => (
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      {head.length ? (
        <thead>
          {head.map((row, i) => (
            <tr key={i} data-row={`h${i}`}>
              {row.map((p) => cell({ p, rowSpan: p.rowSpan, continued: false }, `c${p.col}`))}
            </tr>
          ))}
        </thead>
      ) : null}
      <tbody>
        {body.map((slots, i) => (
          <tr key={i} data-row={from + i}>
            {slots.map((s) => cell(s, `c${s.p.col}`))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
