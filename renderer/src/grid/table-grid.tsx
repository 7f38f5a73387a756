import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent as ReactClipboardEvent,
  type FocusEvent as ReactFocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import { formatCellValue, parseCellText } from '../../../electron/core/model/cell-text';
import type { Report } from '../../../electron/core/model/report';
import { computedCells } from '../../../electron/core/rules/derive';
import type { Issue } from '../../../electron/core/rules/issue';
import type { CellKind, Template } from '../../../electron/core/template/schema';
import { cellMeta, issuesByCell, lastYearHints, type CellMeta } from './grid-cells';
import { NOT_A_NUMBER, blockToClipboard, parseClipboardBlock, parseEntry } from './grid-entry';
import {
  gridGeometry,
  moveHorizontal,
  moveInOrder,
  moveVertical,
  pasteTargets,
  rectangle,
  rowEdge,
  type LabelPlacement,
} from './grid-geometry';
import './table-grid.css';

// One official table (二, 三 or 四) drawn from the template grid and edited like a spreadsheet:
// roving focus over data cells, Excel-style typing, paste and copy of blocks, computed totals read-only.

export interface TableGridProps {
  tableId: 't2' | 't3' | 't4';
  template: Template;
  values: Report['values'];
  /** Last year's values: the hints (上年结转下年, 上年现行有效) are computed from them unless `hints` is given. */
  previousValues?: Report['values'];
  /** Hint text per cell path, shown small and grey in a blank cell and as its tooltip. */
  hints?: Record<string, string>;
  issues: Issue[];
  /** One call per user action (a pasted block is one call); null means a blank cell. */
  onChange(patch: Record<string, number | null>): void;
  /** Focus and scroll to this cell whenever the nonce changes. */
  focusRequest?: { cell: string; nonce: number };
  readOnly?: boolean;
}

type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev' | null;

interface Editing {
  cell: string;
  initial: string;
  /** Started with F2 or a double-click: arrow keys move the caret instead of leaving the cell. */
  caret: boolean;
}

interface EditorApi {
  commit(cell: string, text: string, move: Move, blur: boolean): boolean;
  cancel(cell: string): void;
}

interface CellView {
  kind: 'data';
  path: string;
  col: number;
  colSpan: number;
  rowSpan: number;
  text: string;
  label: string;
  readOnly: boolean;
  computed: boolean;
  severity?: 'error' | 'warning';
  issue?: string;
  hint?: string;
  active: boolean;
  selected: boolean;
  editing?: Editing;
  notice?: string;
  /** The notice bubble opens towards the left (cells in the right half of the table). */
  flip: boolean;
}

type Item = LabelPlacement | CellView;

const READ_ONLY_TOTAL = '总计由各项自动计算，不能直接填写';
const READ_ONLY_TABLE = '表格当前为只读';

const TABLE_NAMES: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

function sameView(a: CellView, b: CellView): boolean {
  for (const k of Object.keys(a) as Array<keyof CellView>) if (a[k] !== b[k]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

function sameItems(a: Item[], b: Item[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.kind !== 'data' || y.kind !== 'data' || !sameView(x, y)) return false;
  }
  return true;
}

interface CellEditorProps {
  /** id of the grid's own (empty) form: see the <form> in TableGrid. */
  form: string;
  cell: string;
  initial: string;
  caret: boolean;
  label: string;
  placeholder?: string;
  api: EditorApi;
}

const ARROWS: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The text box of the cell being edited; its keystrokes re-render only itself. */
function CellEditor({ form, cell, initial, caret, label, placeholder, api }: CellEditorProps) {
  const [draft, setDraft] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useLayoutEffect(() => {
    const el = ref.current!;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const finish = (move: Move) => {
    if (done.current) return;
    // Done before committing: the commit moves focus to the next cell, and the blur that causes is not a second commit.
    done.current = true;
    if (!api.commit(cell, ref.current?.value ?? draft, move, false)) done.current = false;
  };
  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(e.shiftKey ? 'up' : 'down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      finish(e.shiftKey ? 'prev' : 'next');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      done.current = true;
      api.cancel(cell);
    } else if (!caret && ARROWS[e.key] && !e.shiftKey) {
      e.preventDefault();
      finish(ARROWS[e.key]);
    }
  };
  const onBlur = () => {
    if (done.current) return;
    done.current = true;
    api.commit(cell, ref.current?.value ?? draft, null, true);
  };
  return (
    <input
      ref={ref}
      form={form}
      className="tg-input"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      aria-label={label}
      placeholder={placeholder}
    />
  );
}

const DataCell = memo(function DataCell({ view, idBase, api }: { view: CellView; idBase: string; api: EditorApi }) {
  const v = view;
  const issueId = v.issue ? `${idBase}-${v.path}-issue` : undefined;
  const noticeId = v.notice ? `${idBase}-${v.path}-notice` : undefined;
  const describedBy = [issueId, noticeId].filter(Boolean).join(' ') || undefined;
  const cls = ['tg-cell'];
  if (v.computed || v.readOnly) cls.push('tg-readonly');
  if (v.computed) cls.push('tg-computed');
  if (v.severity) cls.push(v.severity === 'error' ? 'tg-error' : 'tg-warning');
  if (v.active) cls.push('tg-active');
  if (v.selected) cls.push('tg-selected');
  if (v.editing) cls.push('tg-editing');
  const title = [v.hint, v.computed ? '自动计算' : '', v.issue].filter(Boolean).join('\n') || undefined;
  const spoken = `${v.label}：${v.text || '空白'}${v.computed ? '（自动计算）' : ''}`;
  return (
    <td
      role="gridcell"
      data-cell={v.path}
      className={cls.join(' ')}
      colSpan={v.colSpan > 1 ? v.colSpan : undefined}
      rowSpan={v.rowSpan > 1 ? v.rowSpan : undefined}
      tabIndex={v.active ? 0 : -1}
      aria-colindex={v.col + 1}
      aria-label={spoken}
      aria-readonly={v.computed || v.readOnly ? true : undefined}
      aria-invalid={v.severity === 'error' ? true : undefined}
      aria-selected={v.selected}
      aria-describedby={describedBy}
      title={title}
    >
      {v.editing ? (
        <CellEditor form={`${idBase}-form`} cell={v.path} initial={v.editing.initial} caret={v.editing.caret} label={v.label} placeholder={v.hint} api={api} />
      ) : (
        <span className="tg-value">{v.text}</span>
      )}
      {!v.text && !v.editing && v.hint ? (
        <span className="tg-hint" aria-hidden="true">
          {v.hint}
        </span>
      ) : null}
      {v.issue ? (
        <span id={issueId} className="tg-sr">
          {v.issue}
        </span>
      ) : null}
      {v.notice ? (
        <span id={noticeId} role="alert" className={v.flip ? 'tg-bubble tg-bubble-flip' : 'tg-bubble'}>
          {v.notice}
        </span>
      ) : null}
    </td>
  );
});

interface RowProps {
  index: number;
  items: Item[];
  idBase: string;
  api: EditorApi;
}

const GridRow = memo(
  function GridRow({ index, items, idBase, api }: RowProps) {
    return (
      <tr role="row" aria-rowindex={index + 1}>
        {items.map((it) =>
          it.kind === 'label' ? (
            <th
              key={`l${it.col}`}
              role={it.header ? 'columnheader' : 'rowheader'}
              aria-colindex={it.col + 1}
              scope={it.header ? (it.colSpan > 1 ? 'colgroup' : 'col') : it.rowSpan > 1 ? 'rowgroup' : 'row'}
              colSpan={it.colSpan > 1 ? it.colSpan : undefined}
              rowSpan={it.rowSpan > 1 ? it.rowSpan : undefined}
              className={it.header ? 'tg-colheader' : 'tg-rowheader'}
            >
              {it.text}
            </th>
          ) : (
            <DataCell key={it.path} view={it} idBase={idBase} api={api} />
          ),
        )}
      </tr>
    );
  },
  (a, b) => a.index === b.index && a.idBase === b.idBase && a.api === b.api && sameItems(a.items, b.items),
);

/** Draws one official table with its merges and lets the clerk fill it like a spreadsheet. */
export function TableGrid(props: TableGridProps) {
  const { tableId, template, values, previousValues, hints, issues, onChange, focusRequest, readOnly = false } = props;
  const table = template.table.get(tableId);
  if (!table) throw new Error(`模板中没有${TABLE_NAMES[tableId] ?? tableId}`);
  const geo = gridGeometry(table);
  const computed = useMemo(() => computedCells(template), [template]);
  const meta = useMemo(() => cellMeta(template, table, computed), [template, table, computed]);
  const hintMap = useMemo(() => hints ?? lastYearHints(template, tableId, previousValues), [hints, template, tableId, previousValues]);
  const issueMap = useMemo(() => issuesByCell(issues, tableId), [issues, tableId]);
  const idBase = useId().replace(/:/g, '');

  const firstEditable = geo.order.find((p) => !computed.has(p)) ?? geo.order[0];
  const [activeState, setActive] = useState(firstEditable);
  const [anchorState, setAnchor] = useState(firstEditable);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<{ cell: string; text: string } | null>(null);
  const [status, setStatus] = useState<{ text: string; bad: boolean }>({ text: '', bad: false });
  const active = geo.position.has(activeState) ? activeState : firstEditable;
  const anchor = geo.position.has(anchorState) ? anchorState : active;

  const tableRef = useRef<HTMLTableElement>(null);
  const focusPending = useRef(false);
  const scrollPending = useRef(false);
  const stickyCol = useRef<number | null>(null);
  /** True while focusCell moves focus itself: onFocus must not treat it as focus arriving from elsewhere. */
  const focusing = useRef(false);

  const isReadOnly = (p: string) => readOnly || computed.has(p);
  const kindOf = (p: string): CellKind => meta.get(p)?.kind ?? 'count';

  const latest = useRef({ values, onChange, editing, active, geo, meta, readOnly, computed });
  useLayoutEffect(() => {
    latest.current = { values, onChange, editing, active, geo, meta, readOnly, computed };
  });

  // Focus moves inside the key's own event, before React commits the new render: the layout it forces is that of
  // the page as last painted (clean, so cheap), a focused editor is never removed from the page (which would
  // blur to <body> and restyle every ancestor twice), and the commit itself forces no second layout.
  const focusCell = (path: string): boolean => {
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${path}"]`);
    if (!el) return false;
    if (document.activeElement !== el) {
      focusing.current = true;
      try {
        el.focus();
      } finally {
        focusing.current = false;
      }
    }
    return document.activeElement === el;
  };

  const go = (next: string | null, extend = false, keepSticky = false): boolean => {
    if (!next) return false;
    if (!keepSticky) stickyCol.current = null;
    setActive(next);
    if (!extend) setAnchor(next);
    if (!focusCell(next)) focusPending.current = true;
    setNotice((n) => (n && n.cell === next ? n : null));
    return true;
  };

  const goVertical = (from: string, dir: 'up' | 'down', extend: boolean): boolean => {
    if (stickyCol.current == null) stickyCol.current = geo.position.get(from)?.col ?? 0;
    return go(moveVertical(geo, from, dir, stickyCol.current), extend, true);
  };

  /** Moves from a cell; false when there is nowhere to go (the edge of the table) or no move. */
  const moveFrom = (from: string, move: Move): boolean => {
    if (move === 'up' || move === 'down') return goVertical(from, move, false);
    if (move === 'left' || move === 'right') return go(moveHorizontal(geo, from, move));
    if (move === 'next' || move === 'prev') return go(moveInOrder(geo, from, move === 'next' ? 1 : -1));
    return false;
  };

  // The editor's callbacks stay the same object so memoised cells do not re-render; they read the latest state.
  const apiRef = useRef<EditorApi | null>(null);
  const apiNow: EditorApi = {
    commit(cell, text, move, blur) {
      const s = latest.current;
      if (!s.editing || s.editing.cell !== cell) return true;
      const entry = parseEntry(text, s.meta.get(cell)?.kind ?? 'count');
      if (!entry.ok) {
        setNotice({ cell, text: entry.message });
        if (blur) setEditing(null);
        return false;
      }
      setEditing(null);
      setNotice(null);
      setStatus({ text: '', bad: false });
      if (entry.value !== (s.values[cell] ?? null)) s.onChange({ [cell]: entry.value });
      if (!blur && !moveFrom(cell, move) && !focusCell(cell)) focusPending.current = true;
      return true;
    },
    cancel(cell) {
      if (latest.current.editing?.cell !== cell) return;
      setEditing(null);
      setNotice(null);
      if (!focusCell(cell)) focusPending.current = true;
    },
  };
  useLayoutEffect(() => {
    apiRef.current = apiNow;
  });
  const api = useMemo<EditorApi>(
    () => ({ commit: (...a) => apiRef.current?.commit(...a) ?? true, cancel: (c) => apiRef.current?.cancel(c) }),
    [],
  );

  const startEdit = (cell: string, initial: string, caret: boolean) => {
    setActive(cell);
    setAnchor(cell);
    if (isReadOnly(cell)) {
      setNotice({ cell, text: readOnly ? READ_ONLY_TABLE : READ_ONLY_TOTAL });
      return;
    }
    setNotice(null);
    setEditing({ cell, initial, caret });
  };

  const selection = anchor !== active ? rectangle(geo, anchor, active) : [[active]];
  const selected = anchor !== active ? new Set(selection.flat()) : null;

  const clearCells = (cells: string[]) => {
    if (readOnly) {
      setNotice({ cell: active, text: READ_ONLY_TABLE });
      return;
    }
    const patch: Record<string, number | null> = {};
    for (const p of cells) if (!computed.has(p) && values[p] != null) patch[p] = null;
    if (Object.keys(patch).length) {
      onChange(patch);
      setStatus({ text: '', bad: false });
    } else if (cells.length === 1 && computed.has(cells[0])) setNotice({ cell: cells[0], text: READ_ONLY_TOTAL });
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLTableElement>) => {
    if (editing || !(e.target as HTMLElement).closest?.('[data-cell]')) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const shift = e.shiftKey;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        e.preventDefault();
        const dir = e.key === 'ArrowUp' ? 'up' : 'down';
        if (ctrl) {
          let cur = active;
          for (let n = moveVertical(geo, cur, dir); n; n = moveVertical(geo, cur, dir)) cur = n;
          go(cur, shift);
        } else goVertical(active, dir, shift);
        return;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        e.preventDefault();
        const dir = e.key === 'ArrowLeft' ? 'left' : 'right';
        go(ctrl ? rowEdge(geo, active, dir === 'left' ? 'start' : 'end') : moveHorizontal(geo, active, dir), shift);
        return;
      }
      case 'Tab': {
        const next = moveInOrder(geo, active, shift ? -1 : 1);
        if (next) {
          e.preventDefault();
          go(next);
        }
        return;
      }
      case 'Enter':
        e.preventDefault();
        goVertical(active, shift ? 'up' : 'down', false);
        return;
      case 'Home':
      case 'End': {
        e.preventDefault();
        const end = e.key === 'End';
        go(ctrl ? geo.order[end ? geo.order.length - 1 : 0] : rowEdge(geo, active, end ? 'end' : 'start'), shift);
        return;
      }
      case 'F2':
        e.preventDefault();
        startEdit(active, formatCellValue(values[active]), true);
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        clearCells(selection.flat());
        return;
      case 'Escape':
        setAnchor(active);
        setNotice(null);
        return;
    }
    if (ctrl && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      setAnchor(geo.order[0]);
      go(geo.order[geo.order.length - 1], true);
      return;
    }
    if (ctrl || e.altKey) return;
    if (e.key.length === 1) {
      e.preventDefault();
      startEdit(active, e.key, false);
    } else if (e.key === 'Process' || e.key === 'Unidentified') {
      startEdit(active, '', false);
    }
  };

  const cellOf = (target: EventTarget | null): string | null => {
    const el = (target as HTMLElement | null)?.closest?.('[data-cell]') as HTMLElement | null;
    return el && tableRef.current?.contains(el) ? (el.dataset.cell ?? null) : null;
  };

  // Focus that arrives some other way (Tab back into the grid, a screen reader, script) makes that cell active.
  const onFocus = (e: ReactFocusEvent<HTMLTableElement>) => {
    const cell = (e.target as HTMLElement).dataset?.cell;
    if (focusing.current || !cell || cell === active || !geo.position.has(cell)) return;
    stickyCol.current = null;
    setActive(cell);
    setAnchor(cell);
  };

  const onMouseDown = (e: ReactMouseEvent<HTMLTableElement>) => {
    if ((e.target as HTMLElement).closest('input')) return;
    const cell = cellOf(e.target);
    if (!cell || e.button !== 0) return;
    stickyCol.current = null;
    if (e.shiftKey) {
      e.preventDefault();
      setActive(cell);
      focusPending.current = true;
    } else {
      setActive(cell);
      setAnchor(cell);
    }
    setNotice((n) => (n && n.cell === cell ? n : null));
  };

  const onDoubleClick = (e: ReactMouseEvent<HTMLTableElement>) => {
    if ((e.target as HTMLElement).closest('input')) return;
    const cell = cellOf(e.target);
    if (cell) startEdit(cell, formatCellValue(values[cell]), true);
  };

  const copyText = () => blockToClipboard(selection.map((row) => row.map((p) => values[p])));

  const onCopy = (e: ReactClipboardEvent<HTMLTableElement>) => {
    if (editing) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', copyText());
    const n = selection.flat().length;
    setStatus({ text: `已复制 ${n} 个单元格`, bad: false });
  };

  const onCut = (e: ReactClipboardEvent<HTMLTableElement>) => {
    if (editing) return;
    onCopy(e);
    clearCells(selection.flat());
  };

  const onPaste = (e: ReactClipboardEvent<HTMLTableElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (editing && !/[\t\n\r]/.test(text.replace(/\r?\n$/, ''))) return; // one value typed into the open cell
    e.preventDefault();
    if (readOnly) {
      setStatus({ text: READ_ONLY_TABLE, bad: true });
      return;
    }
    const block = parseClipboardBlock(text);
    if (!block.length) return;
    const start = editing?.cell ?? active;
    if (editing) setEditing(null);
    setNotice(null);
    // Every value must be a number before anything is written.
    for (let i = 0; i < block.length; i++) {
      for (let j = 0; j < block[i].length; j++) {
        const t = block[i][j];
        if (t && parseCellText(t).problem) {
          setStatus({ text: `粘贴未完成：第 ${i + 1} 行第 ${j + 1} 列的“${t}”不是数字，${NOT_A_NUMBER}`, bad: true });
          return;
        }
      }
    }
    let targets: ReturnType<typeof pasteTargets>['targets'];
    let outside = 0;
    if (block.length === 1 && block[0].length === 1 && selected) {
      targets = selection.flat().map((path) => ({ path, text: block[0][0], at: [1, 1] as [number, number] }));
    } else ({ targets, outside } = pasteTargets(geo, start, block));
    const patch: Record<string, number | null> = {};
    let skipped = 0;
    for (const t of targets) {
      if (computed.has(t.path)) {
        if (t.text) skipped++;
        continue;
      }
      const entry = parseEntry(t.text, kindOf(t.path));
      if (!entry.ok) {
        setStatus({ text: `粘贴未完成：第 ${t.at[0]} 行第 ${t.at[1]} 列的“${t.text}”不能填入：${entry.message}`, bad: true });
        return;
      }
      patch[t.path] = entry.value;
    }
    const written = Object.keys(patch).length;
    if (written) onChange(patch);
    const parts = [`已粘贴 ${written} 个单元格`];
    if (skipped) parts.push(`${skipped} 个值落在自动计算的总计上，已跳过`);
    if (outside) parts.push(`有 ${outside} 个值超出表格范围，未粘贴`);
    setStatus({ text: parts.join('；'), bad: outside > 0 });
    focusPending.current = true;
  };

  // Focus follows the active cell after keyboard moves, commits and focus requests.
  useLayoutEffect(() => {
    if (!focusPending.current || editing) return;
    focusPending.current = false;
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${active}"]`);
    if (!el || (el === document.activeElement && !scrollPending.current)) return;
    if (scrollPending.current) {
      scrollPending.current = false;
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      el.focus({ preventScroll: true });
    } else el.focus();
  });

  const requestNonce = focusRequest?.nonce;
  const requestCell = focusRequest?.cell;
  useEffect(() => {
    if (requestNonce == null || !requestCell || !geo.position.has(requestCell)) return;
    setActive(requestCell);
    setAnchor(requestCell);
    setEditing(null);
    focusPending.current = true;
    scrollPending.current = true;
  }, [requestNonce, requestCell, geo]);

  const half = geo.columns / 2;
  const view = (p: { path: string; col: number; colSpan: number; rowSpan: number }): CellView => {
    const m: CellMeta | undefined = meta.get(p.path);
    const issue = issueMap.get(p.path);
    return {
      kind: 'data',
      path: p.path,
      col: p.col,
      colSpan: p.colSpan,
      rowSpan: p.rowSpan,
      text: formatCellValue(values[p.path]),
      label: m?.name ?? p.path,
      readOnly,
      computed: m?.computed ?? false,
      severity: issue?.severity,
      issue: issue?.text,
      hint: hintMap[p.path],
      active: p.path === active,
      selected: selected?.has(p.path) ?? false,
      editing: editing?.cell === p.path ? editing : undefined,
      notice: notice?.cell === p.path ? notice.text : undefined,
      flip: p.col + p.colSpan > half + 1,
    };
  };

  const header = geo.rows.slice(0, geo.headerRows);
  const body = geo.rows.slice(geo.headerRows);
  const rowItems = (row: (typeof geo.rows)[number]): Item[] => row.map((p) => (p.kind === 'label' ? p : view(p)));
  const caption = `${TABLE_NAMES[tableId] ?? tableId} ${table.caption}`;

  return (
    <div className={`tg-wrap tg-${tableId}`}>
      <table
        ref={tableRef}
        className="tg-table"
        role="grid"
        aria-label={caption}
        aria-describedby={`${idBase}-help`}
        aria-rowcount={geo.rows.length}
        aria-colcount={geo.columns}
        aria-multiselectable="true"
        aria-readonly={readOnly || undefined}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onMouseDown={onMouseDown}
        onDoubleClick={onDoubleClick}
        onCopy={onCopy}
        onCut={onCut}
        onPaste={onPaste}
      >
        <colgroup>
          {geo.widths.map((w, i) => (
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        {header.length ? (
          <thead role="rowgroup">
            {header.map((row, i) => (
              <GridRow key={i} index={i} items={rowItems(row)} idBase={idBase} api={api} />
            ))}
          </thead>
        ) : null}
        <tbody role="rowgroup">
          {body.map((row, i) => (
            <GridRow key={i} index={i + geo.headerRows} items={rowItems(row)} idBase={idBase} api={api} />
          ))}
        </tbody>
      </table>
      {/* The open cell's text box belongs to this empty form. Chromium's autofill, on focus of a text field with
          no form, scans every other form-less field of the page (the editor's many text boxes), forcing style and
          layout for each: about 4 ms per opened cell. With a form of its own the scan covers this one box. Enter never
          submits it (the editor handles Enter), and a submit from anywhere else is cancelled. */}
      <form id={`${idBase}-form`} hidden onSubmit={(e) => e.preventDefault()} />
      <p id={`${idBase}-help`} className="tg-sr">
        方向键移动，直接输入数字即可填写，F2 修改，Delete 清空，可从 Excel 或 WPS 表格复制后粘贴；灰色的总计由程序自动计算。
      </p>
      <div className={status.bad ? 'tg-status tg-status-bad' : 'tg-status'} role="status" aria-live="polite">
        {status.text}
      </div>
    </div>
  );
}
