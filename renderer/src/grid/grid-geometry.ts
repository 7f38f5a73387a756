import type { TableDef } from '../../../electron/core/template/schema';

// The printed table laid onto a grid of rows × columns: where every label and data cell sits,
// and how a cursor moves between data cells (skipping labels, following merged cells).

/** A label cell of the printed table (column header or row header). */
export interface LabelPlacement {
  kind: 'label';
  text: string;
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
  /** A column header (header rows and rows without data cells); otherwise a row header. */
  header: boolean;
}

/** A data cell of the printed table. */
export interface DataPlacement {
  kind: 'data';
  path: string;
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
}

export type Placement = LabelPlacement | DataPlacement;

export interface GridGeometry {
  tableId: string;
  /** Number of grid columns. */
  columns: number;
  /** Column widths in percent of the table width. */
  widths: number[];
  /** Header rows that repeat on every printed page. */
  headerRows: number;
  /** Cells that start in each grid row, left to right. */
  rows: Placement[][];
  /** [row][col] → the cell covering that slot. */
  occupancy: Array<Array<Placement | null>>;
  /** Data cell path → its placement. */
  position: Map<string, DataPlacement>;
  /** Data cells in grid order (row by row, left to right). */
  order: string[];
  /** The grid rows that hold data cells, each with its data cells left to right. */
  dataRows: DataPlacement[][];
}

const cache = new WeakMap<TableDef, GridGeometry>();

/** Lays the template's printed grid onto rows and columns (cached per table definition). */
export function gridGeometry(table: TableDef): GridGeometry {
  const hit = cache.get(table);
  if (hit) return hit;
  const columns = table.widths.length;
  const occupancy: Array<Array<Placement | null>> = table.grid.map(() => new Array<Placement | null>(columns).fill(null));
  const rows: Placement[][] = table.grid.map(() => []);
  const position = new Map<string, DataPlacement>();
  table.grid.forEach((gridRow, r) => {
    const hasData = gridRow.some((c) => 'cell' in c);
    let c = 0;
    for (const item of gridRow) {
      while (c < columns && occupancy[r][c]) c++;
      const colSpan = item.colSpan ?? 1;
      const rowSpan = item.rowSpan ?? 1;
      const p: Placement =
        'cell' in item
          ? { kind: 'data', path: item.cell, row: r, col: c, colSpan, rowSpan }
          : { kind: 'label', text: item.text, row: r, col: c, colSpan, rowSpan, header: r < table.headerRows || !hasData };
      for (let dr = 0; dr < rowSpan && r + dr < occupancy.length; dr++) {
        for (let dc = 0; dc < colSpan && c + dc < columns; dc++) occupancy[r + dr][c + dc] = p;
      }
      rows[r].push(p);
      if (p.kind === 'data') position.set(p.path, p);
      c += colSpan;
    }
  });
  const dataRows = rows.map((row) => row.filter((p): p is DataPlacement => p.kind === 'data')).filter((row) => row.length > 0);
  const total = table.widths.reduce((a, b) => a + b, 0);
  const g: GridGeometry = {
    tableId: table.id,
    columns,
    widths: table.widths.map((w) => (w / total) * 100),
    headerRows: table.headerRows,
    rows,
    occupancy,
    position,
    order: dataRows.flat().map((p) => p.path),
    dataRows,
  };
  cache.set(table, g);
  return g;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The data cell above or below in the same grid column (labels skipped), or null at the edge. */
export function moveVertical(g: GridGeometry, path: string, dir: 'up' | 'down', column?: number): string | null {
  const p = g.position.get(path);
  if (!p) return null;
  const col = column ?? p.col;
  const step = dir === 'down' ? 1 : -1;
  for (let r = dir === 'down' ? p.row + p.rowSpan : p.row - 1; r >= 0 && r < g.occupancy.length; r += step) {
    const q = g.occupancy[r][Math.min(col, g.columns - 1)];
    if (q && q.kind === 'data' && q !== p) return q.path;
  }
  return null;
}

/** The data cell to the left or right in the same grid row, or null at the edge. */
export function moveHorizontal(g: GridGeometry, path: string, dir: 'left' | 'right'): string | null {
  const p = g.position.get(path);
  if (!p) return null;
  const line = g.occupancy[p.row];
  if (dir === 'right') {
    for (let c = p.col + p.colSpan; c < g.columns; c++) if (line[c]?.kind === 'data') return (line[c] as DataPlacement).path;
  } else {
    for (let c = p.col - 1; c >= 0; c--) if (line[c]?.kind === 'data') return (line[c] as DataPlacement).path;
  }
  return null;
}

/** The next (or previous) data cell in grid order, wrapping rows; null past either end. */
export function moveInOrder(g: GridGeometry, path: string, step: 1 | -1): string | null {
  const i = g.order.indexOf(path);
  if (i < 0) return null;
  return g.order[i + step] ?? null;
}

/** The first or last data cell of the cell's grid row. */
export function rowEdge(g: GridGeometry, path: string, edge: 'start' | 'end'): string | null {
  const p = g.position.get(path);
  if (!p) return null;
  const row = g.dataRows.find((r) => r[0].row === p.row);
  if (!row) return null;
  return (edge === 'start' ? row[0] : row[row.length - 1]).path;
}

/** The data cells inside the rectangle spanned by two cells, grouped by grid row (top to bottom, left to right). */
export function rectangle(g: GridGeometry, a: string, b: string): string[][] {
  const p = g.position.get(a);
  const q = g.position.get(b);
  if (!p || !q) return [];
  const top = Math.min(p.row, q.row);
  const bottom = Math.max(p.row + p.rowSpan - 1, q.row + q.rowSpan - 1);
  const left = Math.min(p.col, q.col);
  const right = Math.max(p.col + p.colSpan - 1, q.col + q.colSpan - 1);
  const out: string[][] = [];
  for (const row of g.dataRows) {
    if (row[0].row < top || row[0].row > bottom) continue;
    const cells = row.filter((c) => c.col <= right && c.col + c.colSpan - 1 >= left).map((c) => c.path);
    if (cells.length) out.push(cells);
  }
  return out;
}

/** Paste targets: block row i goes to the i-th data row from the start cell's row, block column j to the j-th data cell from the start column. */
export function pasteTargets(g: GridGeometry, start: string, block: string[][]): { targets: Array<{ path: string; text: string; at: [number, number] }>; outside: number } {
  const p = g.position.get(start);
  const targets: Array<{ path: string; text: string; at: [number, number] }> = [];
  let outside = 0;
  if (!p) return { targets, outside: block.flat().filter((t) => t.trim()).length };
  const first = g.dataRows.findIndex((row) => row[0].row === p.row);
  block.forEach((values, i) => {
    const row = g.dataRows[first + i];
    let from = -1;
    if (row) from = i === 0 ? row.findIndex((c) => c.path === start) : row.findIndex((c) => c.col + c.colSpan > p.col);
    values.forEach((text, j) => {
      const cell = row && from >= 0 ? row[from + j] : undefined;
      if (cell) targets.push({ path: cell.path, text, at: [i + 1, j + 1] });
      else if (text.trim()) outside++;
    });
  });
  return { targets, outside };
}
