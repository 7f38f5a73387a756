import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { Report } from '../../../electron/core/model/report';
import { findTemplate, getTemplate } from '../../../electron/core/template/registry';
import type { Template } from '../../../electron/core/template/schema';
import { DATE_INDENT, SEAL_LINES, reportBlocks, type FlowBlock } from './flow-blocks';
import { paginate, type Measure, type Piece } from './paginate';
import { PreviewTable } from './preview-table';
import './print-preview.css';

// A4 pages laid out like the exported DOCX (GB/T 9704: margins 37/35/28/26 mm, 156 × 225 mm text block,
// 22 lines of 3号仿宋, page numbers "— n —" odd right / even left). Blocks are measured in a hidden
// container, then flowed onto pages; Ctrl+P prints the pages alone.

interface Measured {
  blocks: FlowBlock[];
  /** Height of the 225 mm text block in CSS pixels. */
  capacity: number;
  items: Measure[];
  /** For paragraphs: the character offset where each line starts. */
  lineStarts: Array<number[] | null>;
}

const HEADING_CLASS = { h1: 'pp-h1', h2: 'pp-h2', h3: 'pp-h3', h4: 'pp-h4' } as const;

/** Offsets of the first character of each rendered line of a paragraph (binary search over character boxes). */
function lineStartsOf(el: HTMLElement, lines: number, lineHeight: number): number[] {
  const node = el.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE || lines <= 1) return [0];
  const text = node.textContent ?? '';
  const top = el.getBoundingClientRect().top;
  const range = document.createRange();
  // The line of the first character at or after i that has a box (line breaks and the like have none).
  const lineAt = (i: number): number => {
    for (let j = i; j < text.length; j++) {
      range.setStart(node, j);
      range.setEnd(node, j + 1);
      const r = range.getClientRects()[0];
      if (r && r.height > 0) return Math.floor(((r.top + r.bottom) / 2 - top) / lineHeight);
    }
    return lines;
  };
  const starts: number[] = [0];
  for (let k = 1; k < lines; k++) {
    let lo = starts[k - 1] + 1;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lineAt(mid) >= k) hi = mid;
      else lo = mid + 1;
    }
    starts.push(lo);
  }
  return starts;
}

function measureBlocks(root: HTMLElement, blocks: FlowBlock[], template: Template, known: Map<string, number[]>): Measured {
  const capacity = root.querySelector<HTMLElement>('.pp-probe')!.getBoundingClientRect().height;
  const els = root.querySelectorAll<HTMLElement>(':scope > .pp-flow > [data-i]');
  const items: Measure[] = [];
  const lineStarts: Array<number[] | null> = [];
  blocks.forEach((b, i) => {
    const el = els[i];
    const height = el.getBoundingClientRect().height;
    if (b.type === 'p') {
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || height;
      const lines = Math.max(1, Math.round(height / lineHeight));
      items.push({ kind: 'lines', lines, lineHeight, keepWithNext: b.keepNext });
      let starts = known.get(b.text);
      if (!starts || starts.length !== lines) known.set(b.text, (starts = lineStartsOf(el, lines, lineHeight)));
      lineStarts.push(starts);
    } else if (b.type === 'table') {
      const headerRows = gridHeaderRows(template, b.tableId);
      const trs = [...el.querySelectorAll('tr')].map((tr) => tr.getBoundingClientRect().height);
      const sum = trs.reduce((a, x) => a + x, 0);
      // The collapsed outer borders are counted with the header, which every page's part repeats.
      const header = trs.slice(0, headerRows).reduce((a, x) => a + x, 0) + Math.max(0, height - sum);
      items.push({ kind: 'table', header, rows: trs.slice(headerRows), repeatHeader: true, keepTogether: true });
      lineStarts.push(null);
    } else {
      items.push({ kind: 'block', height, keepWithNext: b.type !== 'signature' });
      lineStarts.push(null);
    }
  });
  return { blocks, capacity, items, lineStarts };
}

function gridHeaderRows(template: Template, tableId: string): number {
  return template.table.get(tableId)?.headerRows ?? 0;
}

function renderBlock(block: FlowBlock, piece: Piece | null, ctx: { template: Template; report: Report; starts: number[] | null }, attrs: { 'data-i'?: number }): ReactNode {
  switch (block.type) {
    case 'title':
      return (
        <h1 className="pp-title" {...attrs}>
          {block.lines.map((line, i) => (
            <Fragment key={i}>
              {i > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </h1>
      );
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4': {
      const Tag = block.type === 'h1' ? 'h2' : block.type === 'h2' ? 'h3' : 'h4';
      return (
        <Tag className={HEADING_CLASS[block.type]} {...attrs}>
          {block.text}
        </Tag>
      );
    }
    case 'p': {
      if (!piece || piece.kind !== 'lines' || !ctx.starts) {
        return (
          <p className="pp-p" {...attrs}>
            {block.text}
          </p>
        );
      }
      const from = ctx.starts[piece.from] ?? 0;
      const to = piece.to >= piece.lines ? block.text.length : (ctx.starts[piece.to] ?? block.text.length);
      const cls = ['pp-p'];
      if (piece.from > 0) cls.push('pp-cont');
      if (piece.to < piece.lines) cls.push('pp-split');
      return (
        <p className={cls.join(' ')} {...attrs}>
          {block.text.slice(from, to)}
        </p>
      );
    }
    case 'table': {
      const table = ctx.template.table.get(block.tableId)!;
      const bodyRows = table.grid.length - table.headerRows;
      const t = piece && piece.kind === 'table' ? piece : { from: 0, to: bodyRows, header: true };
      return (
        <div className="pp-table-wrap" {...attrs}>
          <PreviewTable table={table} values={ctx.report.values} from={t.from} to={t.to} header={t.header} />
        </div>
      );
    }
    case 'signature':
      return (
        <div className="pp-sign" style={{ paddingTop: `calc(${SEAL_LINES} * var(--pp-line))` }} {...attrs}>
          {block.unit ? <div style={{ paddingRight: `${block.unitIndent}em` }}>{block.unit}</div> : null}
          {block.date ? <div style={{ paddingRight: `${DATE_INDENT}em` }}>{block.date}</div> : null}
        </div>
      );
  }
}

/** A4 print preview of a report, paginated like the exported Word file. */
export function PrintPreview(props: { report: Report }) {
  const { report } = props;
  const template = useMemo(() => findTemplate(report.templateId) ?? getTemplate(), [report.templateId]);
  const blocks = useMemo(() => reportBlocks(report, template), [report, template]);
  const measureRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<Measured | null>(null);
  const [shrink, setShrink] = useState<Record<number, number>>({});
  const [fontTick, setFontTick] = useState(0);
  const [printing, setPrinting] = useState(false);
  const passes = useRef(0);
  // Line starts of paragraphs already measured (by text), so an edit re-measures only what changed.
  const cache = useRef({ fontTick: 0, starts: new Map<string, number[]>() });

  useLayoutEffect(() => {
    if (!measureRef.current) return;
    passes.current = 0;
    if (fontTick !== cache.current.fontTick) cache.current = { fontTick, starts: new Map() };
    const known = cache.current.starts;
    setMeasured(measureBlocks(measureRef.current, blocks, template, known));
    const texts = new Set(blocks.map((b) => (b.type === 'p' ? b.text : '')));
    for (const k of [...known.keys()]) if (!texts.has(k)) known.delete(k);
    setShrink({});
  }, [blocks, template, fontTick]);

  useEffect(() => {
    const fonts = document.fonts;
    const onFonts = () => setFontTick((n) => n + 1);
    fonts?.addEventListener?.('loadingdone', onFonts);
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      fonts?.removeEventListener?.('loadingdone', onFonts);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  // The pages of the last measurement stay on screen until the new one is ready (no collapse, no scroll jump).
  const current = measured && measured.blocks === blocks ? measured : null;
  const pages = useMemo(
    () => (measured ? paginate(measured.items, (i) => measured.capacity - (shrink[i] ?? 0)) : null),
    [measured, shrink],
  );

  // A page part can come out taller than measured (a merged table cell clipped at a page break):
  // shrink that page's capacity and flow again, before anything is painted.
  useLayoutEffect(() => {
    if (!pages || !current || !pagesRef.current) return;
    const flows = pagesRef.current.querySelectorAll<HTMLElement>(':scope > .pp-page .pp-flow');
    const next = { ...shrink };
    let changed = false;
    flows.forEach((f, i) => {
      const over = f.getBoundingClientRect().height - current.capacity;
      if (over > 0.5) {
        next[i] = (next[i] ?? 0) + over;
        changed = true;
      }
    });
    if (changed && passes.current < 8) {
      passes.current++;
      setShrink(next);
    }
  }, [pages, current, shrink]);

  const shown = measured?.blocks ?? blocks;
  const ctxFor = (i: number, starts: Array<number[] | null> | undefined) => ({ template, report, starts: starts?.[i] ?? null });
  const renderPages = () =>
    (pages ?? []).map((page, n) => (
      <section key={n} className={`pp-page ${n % 2 ? 'pp-even' : 'pp-odd'}`} data-page={n + 1} aria-label={`第 ${n + 1} 页`}>
        <div className="pp-body">
          <div className="pp-flow">
            {page.map((piece) => {
              const b = shown[piece.index];
              const key = piece.kind === 'block' ? b.key : `${b.key}-${piece.from}`;
              return <Fragment key={key}>{renderBlock(b, piece, ctxFor(piece.index, measured?.lineStarts), {})}</Fragment>;
            })}
          </div>
        </div>
        <div className="pp-number">— {n + 1} —</div>
      </section>
    ));

  return (
    <div className="pp-root" ref={pagesRef} role="document" aria-label="打印预览">
      {renderPages()}
      <div className="pp-measure" ref={measureRef} aria-hidden="true">
        <div className="pp-probe" />
        <div className="pp-flow">{blocks.map((b, i) => <Fragment key={b.key}>{renderBlock(b, null, ctxFor(i, undefined), { 'data-i': i })}</Fragment>)}</div>
      </div>
      {printing && pages ? createPortal(
            <div className="pp-print">
              <div className="pp-root">{renderPages()}</div>
            </div>,
            document.body,
          ) : null}
    </div>
  );
}
