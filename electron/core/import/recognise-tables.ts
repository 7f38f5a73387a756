import { parseCellText } from '../model/cell-text';
import type { Report, SectionKey } from '../model/report';
import { getTemplate } from '../template/registry';
import type { TableDef, Template } from '../template/schema';
import type { DocTable } from './doc-content';
import { tableLabelCoverage, tableLabelKind } from './grid-labels';
import type { ImportFormat, ImportLogEntry } from './import-result';
import { matchLabel, normaliseLabel, prepareCandidates, type LabelCandidate, type LabelMatch, type PreparedCandidates } from './label-match';
import { looksLikeValue } from './value-text';

// Tables of a document → cell values of the report. Tables are recognised by their LABELS (row
// labels, header labels, the block structure of table 二, the 15 number columns of table 四), never
// by position alone; fragments of one table (page breaks, table 二 printed as four small tables) are
// merged; the 2019 trial format is detected from its headers and mapped onto the 2021 cells.

const T2021 = 'gov-disclosure-2021';
const T2019 = 'gov-disclosure-2019';

/** One table of the document with where it stood. */
export interface TableFragment {
  table: DocTable;
  /** The section the table was printed in, when known. */
  section?: SectionKey;
  /** Index of the block in the document (consecutive tables have consecutive indices). */
  blockIndex: number;
  /** True when only empty paragraphs stand between this table and the previous one. */
  followsTable: boolean;
}

/** What the tables gave: values on 2021 cells, raw texts, legacy 2019 values, unplaced rows, the log. */
export interface TablesResult {
  values: Report['values'];
  rawValues: Record<string, string>;
  legacy?: NonNullable<Report['legacy']>;
  format: ImportFormat;
  log: ImportLogEntry[];
  /** Table content that could not be placed, as tab-separated lines (one entry per table). */
  unplaced: string[];
  /** Ids of the template tables found ("t2", "t3", "t4"). */
  found: string[];
}

interface RowView {
  labels: string[];
  values: string[];
  /** The cells as printed, for the unplaced text. */
  cells: string[];
}

type TableId = 't2' | 't3' | 't4';

// ───────────────────────────── vocabularies ─────────────────────────────

interface Vocab {
  t3Rows: PreparedCandidates;
  t3Cols: PreparedCandidates;
  t2Rows: PreparedCandidates;
  t2Blocks: PreparedCandidates;
  t2Cols: PreparedCandidates;
  t4Groups: PreparedCandidates;
  t4Heads: PreparedCandidates;
}

let vocab: Vocab | undefined;

function vocabulary(): Vocab {
  if (vocab) return vocab;
  const t21 = getTemplate(T2021);
  const t19 = getTemplate(T2019);
  const t3 = t21.table.get('t3')!;
  const t3rows: LabelCandidate[] = t3.rows.map((r) => ({ key: r.key, labels: [r.label, ...(r.aliases ?? [])] }));
  t3rows.push({ key: 'r3_6_other', labels: ['（六）其他处理'] });
  for (const [key, label] of [
    ['g:r3', '三、本年度办理结果'],
    ['g:r3_3', '（三）不予公开'],
    ['g:r3_4', '（四）无法提供'],
    ['g:r3_5', '（五）不予处理'],
  ]) {
    t3rows.push({ key, labels: [label] });
  }
  const t3cols: LabelCandidate[] = t3.columns.map((c) => ({ key: c.key, labels: [c.label, ...(c.aliases ?? [])] }));
  t3cols.push({ key: 'h:applicant', labels: ['申请人情况'] }, { key: 'h:org', labels: ['法人或其他组织'] });
  const t2rows = new Map<string, string[]>();
  for (const t of [t21, t19]) {
    for (const r of t.table.get('t2')!.rows) {
      const labels = t2rows.get(r.key) ?? [];
      for (const l of [r.label, ...(r.aliases ?? [])]) if (!labels.includes(l)) labels.push(l);
      t2rows.set(r.key, labels);
    }
  }
  // The official 2021 label first for 行政规范性文件.
  t2rows.set('normative', ['行政规范性文件', '规范性文件']);
  const blocks: LabelCandidate[] = ['一', '五', '六', '八', '九'].map((n) => ({ key: n, labels: [`第二十条第（${n}）项`] }));
  const t2cols: LabelCandidate[] = [];
  for (const [id, t] of [
    ['2021', t21],
    ['2019', t19],
  ] as const) {
    for (const c of t.table.get('t2')!.columns) t2cols.push({ key: `${id}:${c.key}`, labels: [c.label, ...(c.aliases ?? [])] });
  }
  t2cols.push({ key: 'h:content', labels: ['信息内容'] });
  const t4 = t21.table.get('t4')!;
  vocab = {
    t3Rows: prepareCandidates(t3rows),
    t3Cols: prepareCandidates(t3cols),
    t2Rows: prepareCandidates([...t2rows].map(([key, labels]) => ({ key, labels }))),
    t2Blocks: prepareCandidates(blocks),
    t2Cols: prepareCandidates(t2cols),
    t4Groups: prepareCandidates([
      ...t4.rows.map((r) => ({ key: r.key, labels: [r.label] })),
      { key: 'h:lit', labels: ['行政诉讼'] },
    ]),
    t4Heads: prepareCandidates(t4.columns.filter((c) => c.key !== 'total').map((c) => ({ key: c.key, labels: [c.label] }))),
  };
  return vocab;
}

// ───────────────────────────── rows of a DocTable ─────────────────────────────

/** The rows of a table: label cells up to the last label, then the value cells after it. */
export function rowViews(t: DocTable): RowView[] {
  const byRow: DocTable['cells'][] = Array.from({ length: t.rowCount }, () => []);
  for (const c of t.cells) if (c.row >= 0 && c.row < t.rowCount) byRow[c.row].push(c);
  return byRow.map((cells) => {
    cells.sort((a, b) => a.col - b.col);
    const texts = cells.map((c) => (c.text ?? '').trim());
    let last = -1;
    texts.forEach((x, i) => {
      if (x !== '' && !looksLikeValue(x)) last = i;
    });
    const labels = texts.slice(0, last + 1).filter((x) => x !== '' && !looksLikeValue(x));
    const values = texts.slice(last + 1);
    return { labels, values, cells: texts };
  });
}

const isEmpty = (v: string) => v.replace(/[\s\u3000\u00a0]/g, '') === '';
const rowText = (r: RowView) => r.cells.join('\t').replace(/\t+$/, '');

/** Fits the value cells of a row to n columns: drops blank cells a copy added at either end, keeps real blanks. */
export function fitValues(values: string[], n: number, tableId: string): { cells: string[]; note?: string; extra: string[] } {
  const v = [...values];
  while (v.length > n && isEmpty(v[0])) v.shift();
  while (v.length > n && isEmpty(v[v.length - 1])) v.pop();
  if (v.length > n) return { cells: v.slice(0, n), extra: v.slice(n), note: `多出 ${v.length - n} 个数字，已忽略` };
  if (v.length === n) return { cells: v, extra: [] };
  const filled = v.filter((x) => !isEmpty(x));
  if (tableId === 't3' && n === 7 && filled.length === 2 && v.length === 2) {
    return { cells: [v[0], '', '', '', '', '', v[1]], extra: [], note: '只印了两个数，按“自然人”和“总计”导入，法人或其他组织各列为空白' };
  }
  if (tableId === 't3' && n === 7 && filled.length === 1 && v.length === 1) {
    return { cells: ['', '', '', '', '', '', v[0]], extra: [], note: '只印了一个数，按“总计”导入，其他各列为空白' };
  }
  const cells = [...v];
  while (cells.length < n) cells.push('');
  return { cells, extra: [], note: `只有 ${v.length} 个数（应为 ${n} 个），已从左起依次填入，其余为空白` };
}

// ───────────────────────────── classification ─────────────────────────────

/** Report tables have at most 28 rows: the first rows of a fragment tell what it is (and bound the work on huge tables). */
const CLASSIFY_ROWS = 120;

function classify(rows: RowView[]): TableId | undefined {
  const v = vocabulary();
  const score = { t2: 0, t3: 0, t4: 0 };
  for (const r of rows.slice(0, CLASSIFY_ROWS)) {
    for (const l of r.labels) {
      const n = normaliseLabel(l);
      if (n === '总计' || n === '其他' || n === '信息内容') {
        if (n === '信息内容') score.t2 += 1;
        continue;
      }
      if (matchLabel(l, v.t3Rows, { allowSuffix: true })) score.t3 += 2;
      else if (matchLabel(l, v.t3Cols)) score.t3 += 1;
      if (matchLabel(l, v.t2Rows) || matchLabel(l, v.t2Blocks)) score.t2 += 2;
      else if (matchLabel(l, v.t2Cols)) score.t2 += 1;
      if (matchLabel(l, v.t4Groups) || matchLabel(l, v.t4Heads)) score.t4 += 1;
    }
    if (!r.labels.length && r.values.length >= 12) score.t4 += 3;
  }
  const best = (Object.entries(score) as Array<[TableId, number]>).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : undefined;
}

// ───────────────────────────── parsing ─────────────────────────────

interface Parsed {
  /** path (in `template`) → printed text */
  cells: Map<string, string>;
  template: string;
  /** Table 三 only: "（六）其他处理" printed as one row (the only 2019 trait of table 三). */
  sixSingle?: boolean;
  log: ImportLogEntry[];
  unplaced: string[];
  rowsFound: number;
}

const sectionOf: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };

function guessLog(tableId: TableId, m: LabelMatch, path?: string): ImportLogEntry | undefined {
  if (m.exact) return undefined;
  if (m.alias) return { kind: 'recognised', message: `${sectionOf[tableId]}：${m.reason}`, path };
  return { kind: 'guessed', message: `${sectionOf[tableId]}：${m.reason}，按“${m.label}”导入`, path };
}

/** Whether a label-only row is table furniture (header pieces, wrapped parent labels). */
const isFurniture = (r: RowView) => r.labels.every((l) => normaliseLabel(l).length <= 1 || tableLabelKind(l) !== undefined || tableLabelCoverage(l) >= 0.6);

/**
 * A row label wrapped in a copy whose line order lost the columns: the end of a long label printed
 * first, on the number line ("处理其政府信息公开申请", then "1.申请人…行政机关不再" from the line above).
 * Tries each label followed by one printed before it; only a close match counts.
 */
function matchWrapped(labels: string[], prepared: PreparedCandidates): LabelMatch | undefined {
  let best: LabelMatch | undefined;
  const n = Math.min(labels.length, 6);
  for (let j = 1; j < n; j++) {
    for (let i = 0; i < j; i++) {
      const m = matchLabel(labels[j] + labels[i], prepared, { allowSuffix: true });
      if (m && !m.key.startsWith('g:') && m.score <= 0.2 && (!best || m.score < best.score)) best = m;
    }
  }
  return best;
}

function parseT3(rows: RowView[]): Parsed {
  const v = vocabulary();
  const t21 = getTemplate(T2021);
  const def = t21.table.get('t3')!;
  const cols = def.columns.map((c) => c.key);
  const out: Parsed = { cells: new Map(), template: T2021, log: [], unplaced: [], rowsFound: 0 };
  const seen = new Set<string>();
  let sixSingle: string[] | undefined;
  let sixParts = false;
  for (const r of rows) {
    const hasValues = r.values.some((x) => !isEmpty(x));
    if (!hasValues) {
      // A row printed with its label and empty number cells is a row of blanks (§7 #9: labels, no numbers).
      const own = r.labels.length && r.values.length ? matchLabel(r.labels[r.labels.length - 1], v.t3Rows) : undefined;
      if (own && own.score === 0 && !own.key.startsWith('g:') && own.key !== 'r3_6_other' && !seen.has(own.key)) {
        seen.add(own.key);
        out.rowsFound++;
        if (own.key === 'r3_6_1_no_correction' || own.key === 'r3_6_2_no_fee') sixParts = true;
        cols.forEach((c) => out.cells.set(`t3.${own.key}.${c}`, ''));
        continue;
      }
      if (r.labels.length && !isFurniture(r)) out.unplaced.push(rowText(r));
      continue;
    }
    let m: LabelMatch | undefined;
    for (let i = r.labels.length - 1; i >= 0 && !m; i--) {
      const hit = matchLabel(r.labels[i], v.t3Rows, { allowSuffix: true });
      // A parent label ("（三）不予公开") left of the row's own label is not the row.
      if (hit && !(hit.key.startsWith('g:') && i < r.labels.length - 1)) m = hit;
    }
    if (!m && r.labels.length > 1) m = matchLabel(r.labels.join(''), v.t3Rows, { allowSuffix: true });
    if (!m && r.labels.length > 1) m = matchWrapped(r.labels, v.t3Rows);
    if (!m) {
      out.unplaced.push(rowText(r));
      out.log.push({ kind: 'unplaced', message: `表三中有一行无法识别：“${rowText(r).slice(0, 60)}”，已放入未识别内容`, path: 't3' });
      continue;
    }
    if (m.key.startsWith('g:')) {
      out.unplaced.push(rowText(r));
      out.log.push({ kind: 'unplaced', message: `表三“${m.label}”小计行不是标准表格的一行，已放入未识别内容`, path: 't3' });
      continue;
    }
    if (seen.has(m.key)) {
      out.unplaced.push(rowText(r));
      out.log.push({ kind: 'warning', message: `表三“${m.label}”出现了两次，第二次的数字已放入未识别内容`, path: 't3' });
      continue;
    }
    seen.add(m.key);
    out.rowsFound++;
    if (m.key === 'r3_6_1_no_correction' || m.key === 'r3_6_2_no_fee') sixParts = true;
    const fit = fitValues(r.values, cols.length, 't3');
    const path = (c: string) => `t3.${m!.key}.${c}`;
    const g = guessLog('t3', m, `t3.${m.key}`);
    if (g) out.log.push(g);
    if (fit.note) out.log.push({ kind: 'guessed', message: `表三“${m.label}”：${fit.note}`, path: `t3.${m.key}` });
    if (m.key === 'r3_6_other') {
      sixSingle = fit.cells;
      continue;
    }
    cols.forEach((c, i) => out.cells.set(path(c), fit.cells[i]));
  }
  if (sixSingle) {
    if (sixParts) {
      out.unplaced.push(['（六）其他处理', ...sixSingle].join('\t'));
      out.log.push({ kind: 'warning', message: '表三同时有“（六）其他处理”合计行和 1—3 细项，合计行已放入未识别内容', path: 't3' });
    } else {
      out.template = T2019;
      out.sixSingle = true;
      cols.forEach((c, i) => out.cells.set(`t3.r3_6_other.${c}`, sixSingle![i]));
    }
  }
  return out;
}

function parseT2(rows: RowView[]): Parsed {
  const v = vocabulary();
  const out: Parsed = { cells: new Map(), template: T2021, log: [], unplaced: [], rowsFound: 0 };
  let ev2019 = 0;
  let ev2021 = 0;
  const data: Array<{ m: LabelMatch; values: string[]; text: string }> = [];
  for (const r of rows) {
    const hasValues = r.values.some((x) => !isEmpty(x));
    let isHeader = false;
    for (const l of r.labels) {
      if (matchLabel(l, v.t2Blocks)) {
        if (normaliseLabel(l).includes('(九)')) ev2019 += 2;
        isHeader = true;
        continue;
      }
      const c = matchLabel(l, v.t2Cols);
      if (c) {
        isHeader = true;
        if (c.key.startsWith('2019:')) ev2019 += c.exact ? 2 : 1;
        else if (c.key.startsWith('2021:')) ev2021 += c.exact ? 2 : 1;
      }
    }
    const own = r.labels.length ? matchLabel(r.labels[r.labels.length - 1], v.t2Rows) : undefined;
    if (own && (hasValues || r.values.length)) {
      if (own.key === 'other_services' || own.key === 'procurement') ev2019 += 2;
      data.push({ m: own, values: r.values, text: rowText(r) });
      continue;
    }
    if (own && !hasValues) {
      // A data row whose cells are all blank still says the row is there.
      data.push({ m: own, values: r.values, text: rowText(r) });
      continue;
    }
    if (isHeader || (!hasValues && isFurniture(r))) continue;
    out.unplaced.push(rowText(r));
    out.log.push({ kind: 'unplaced', message: `表二中有一行无法识别：“${rowText(r).slice(0, 60)}”，已放入未识别内容`, path: 't2' });
  }
  const templateId = ev2019 > ev2021 ? T2019 : T2021;
  out.template = templateId;
  const t = getTemplate(templateId);
  const other = getTemplate(templateId === T2019 ? T2021 : T2019);
  const seen = new Set<string>();
  for (const d of data) {
    let def = t.table.get('t2')!;
    let tid = templateId;
    if (!def.rows.some((r) => r.key === d.m.key)) {
      def = other.table.get('t2')!;
      tid = other.id;
    }
    const cols = def.cells.filter((c) => c.row === d.m.key).map((c) => c.col);
    if (!cols.length || seen.has(d.m.key)) {
      out.unplaced.push(d.text);
      out.log.push({ kind: 'warning', message: `表二“${d.m.label}”${seen.has(d.m.key) ? '出现了两次' : '无法放入表格'}，已放入未识别内容`, path: 't2' });
      continue;
    }
    seen.add(d.m.key);
    out.rowsFound++;
    const g = guessLog('t2', d.m, `t2.${d.m.key}`);
    if (g) out.log.push(g);
    const fit = fitValues(d.values, cols.length, 't2');
    if (fit.note) out.log.push({ kind: 'guessed', message: `表二“${d.m.label}”：${fit.note}`, path: `t2.${d.m.key}` });
    // Rows of the other format (e.g. 政府集中采购 in a 2021 table) are kept under their own template's paths.
    cols.forEach((c, i) => out.cells.set(`${tid === templateId ? '' : `${tid}|`}t2.${d.m.key}.${c}`, fit.cells[i]));
  }
  return out;
}

function parseT4(rows: RowView[]): Parsed {
  const v = vocabulary();
  const def = getTemplate(T2021).table.get('t4')!;
  const cols = def.columns.map((c) => c.key);
  const out: Parsed = { cells: new Map(), template: T2021, log: [], unplaced: [], rowsFound: 0 };
  let full = false;
  const groups = new Set<string>();
  for (const r of rows) {
    const filled = r.values.filter((x) => !isEmpty(x)).length;
    const own = r.labels.length ? matchLabel(r.labels[r.labels.length - 1], v.t4Groups) : undefined;
    if (own && !own.key.startsWith('h:') && r.values.length && r.values.length <= 6 && filled > 0) {
      if (groups.has(own.key)) continue;
      groups.add(own.key);
      out.rowsFound++;
      const fit = fitValues(r.values, 5, 't4');
      if (fit.note) out.log.push({ kind: 'guessed', message: `表四“${own.label}”：${fit.note}`, path: `t4.${own.key}` });
      cols.forEach((c, i) => out.cells.set(`t4.${own.key}.${c}`, fit.cells[i]));
      continue;
    }
    if ((r.values.length >= 10 && filled > 0) || (filled >= 3 && !r.labels.some((l) => tableLabelKind(l)))) {
      if (full) {
        out.unplaced.push(rowText(r));
        out.log.push({ kind: 'warning', message: '表四有不止一行数字，只导入了第一行，其余已放入未识别内容', path: 't4' });
        continue;
      }
      full = true;
      out.rowsFound += def.rows.length;
      const fit = fitValues(r.values, 15, 't4');
      if (fit.note) out.log.push({ kind: 'guessed', message: `表四：${fit.note}`, path: 't4' });
      def.rows.forEach((row, gi) => cols.forEach((c, ci) => out.cells.set(`t4.${row.key}.${c}`, fit.cells[gi * 5 + ci])));
      continue;
    }
    if (filled === 0 && isFurniture(r)) continue;
    if (filled === 0 && !r.labels.length) continue;
    out.unplaced.push(rowText(r));
    out.log.push({ kind: 'unplaced', message: `表四中有一行无法识别：“${rowText(r).slice(0, 60)}”，已放入未识别内容`, path: 't4' });
  }
  return out;
}

// ───────────────────────────── values ─────────────────────────────

interface ValueSink {
  values: Report['values'];
  /** Cells the tables printed (blank ones included). */
  seen: Set<string>;
  rawValues: Record<string, string>;
  legacy: NonNullable<Report['legacy']>;
  log: ImportLogEntry[];
}

function legacyLabel(def: TableDef, row: string, col: string): string {
  const r = def.rows.find((x) => x.key === row);
  const c = def.columns.find((x) => x.key === col);
  return `表${def.number}·${(r?.path ?? [row]).join('·')}·${c?.label ?? col}`;
}

/** Parses printed cell texts into values, keeping the original text of anything that was not a clean number. */
function storeCells(parsed: Parsed, sink: ValueSink, tableId: TableId): void {
  const t = getTemplate(parsed.template);
  const t21 = getTemplate(T2021);
  const migrate = t.migrateTo?.template === T2021 ? t.migrateTo : undefined;
  let blanks = 0;
  const dashed: string[] = [];
  for (const [key, text] of parsed.cells) {
    const [tidRaw, path] = key.includes('|') ? key.split('|') : [parsed.template, key];
    const tpl = tidRaw === parsed.template ? t : getTemplate(tidRaw);
    const kind = tpl.cellKind.get(path) ?? 'count';
    const parsedCell = parseCellText(text ?? '', kind);
    let value = parsedCell.value;
    const trimmed = (text ?? '').trim();
    if (value !== null && kind === 'amount') {
      const rounded = Math.round(value * 1e6) / 1e6;
      if (rounded !== value) value = rounded;
    }
    // Where does the value go: a 2021 cell, or the legacy fields of the old format?
    let target: string | undefined = path;
    let via2019 = false;
    if (tpl.id !== T2021) {
      const mig = tpl.migrateTo?.template === T2021 ? tpl.migrateTo : migrate;
      target = mig?.cells[path];
      via2019 = true;
    }
    if (!target || !t21.cellKind.has(target)) {
      const def = tpl.table.get(path.split('.')[0])!;
      sink.legacy.values[path] = value;
      sink.legacy.labels[path] = legacyLabel(def, path.split('.')[1], path.split('.')[2]);
      // Say what was printed when the number was read from more than a number ("251000元").
      if (parsedCell.note || parsedCell.problem) {
        sink.log.push({ kind: 'warning', message: `${sink.legacy.labels[path]}：原文“${trimmed}”，${value === null ? '按空白' : `按 ${value}${parsedCell.note && /万元/.test(parsedCell.note) ? ' 万元' : ''}`}保存`, path: 'legacy' });
      }
      continue;
    }
    if (trimmed === '') blanks++;
    else if (parsedCell.value === null && parsedCell.note) dashed.push(target);
    if (parsedCell.problem) sink.log.push({ kind: 'warning', message: `${cellName(t21, target)}：${parsedCell.problem}，已按空白导入（原文保留）`, path: target });
    else if (parsedCell.note && parsedCell.value !== null) sink.log.push({ kind: 'warning', message: `${cellName(t21, target)}：原文“${trimmed}”，已按 ${value} 导入（${parsedCell.note}）`, path: target });
    else if (value !== parsedCell.value) sink.log.push({ kind: 'warning', message: `${cellName(t21, target)}：原文“${trimmed}”小数位过多，已保留 6 位小数`, path: target });
    if (parsedCell.note || parsedCell.problem || value !== parsedCell.value) sink.rawValues[target] = trimmed;
    if (via2019) {
      const rowKey = path.split('.').slice(0, 2).join('.');
      const note = rowKey === 't3.r3_6_other' ? undefined : (tpl.migrateTo?.notes[path] ?? tpl.migrateTo?.notes[rowKey]);
      if (note && !sink.log.some((e) => e.message === note)) sink.log.push({ kind: 'guessed', message: note, path: target });
    }
    sink.seen.add(target);
    // A blank cell stays absent from the values (blank, never 0); its original text is in rawValues.
    if (value == null) continue;
    sink.values[target] = value;
  }
  if (blanks) sink.log.push({ kind: 'warning', message: `${sectionOf[tableId]}有 ${blanks} 个单元格为空白，已保留为空白（没有按 0 处理），请核对后填写`, path: tableId });
  if (dashed.length) sink.log.push({ kind: 'warning', message: `${sectionOf[tableId]}有 ${dashed.length} 个单元格填的是“/”或“—”等，已按空白导入（原文保留）`, path: tableId });
}

function cellName(t: Template, path: string): string {
  const [tid, row, col] = path.split('.');
  const def = t.table.get(tid);
  if (!def) return path;
  const r = def.rows.find((x) => x.key === row);
  const c = def.columns.find((x) => x.key === col);
  return `表${def.number}“${r?.label ?? row}”的“${c?.label ?? col}”`;
}

// ───────────────────────────── entry ─────────────────────────────

const SECTION_TABLE: Partial<Record<SectionKey, TableId>> = { s2: 't2', s3: 't3', s4: 't4' };

/** Recognises the report tables among the document's tables and reads their cells. */
export function recogniseTables(fragments: TableFragment[]): TablesResult {
  const log: ImportLogEntry[] = [];
  const unplaced: string[] = [];
  const groups: Record<TableId, RowView[]> = { t2: [], t3: [], t4: [] };
  let prevClass: TableId | undefined;
  for (const f of fragments) {
    const rows = rowViews(f.table);
    let cls = classify(rows);
    if (!cls && f.followsTable && prevClass) cls = prevClass;
    if (!cls && f.section) cls = SECTION_TABLE[f.section];
    if (!cls) {
      const text = rows.map(rowText).filter((x) => x.trim()).join('\n');
      if (text.trim()) {
        unplaced.push(text);
        log.push({ kind: 'unplaced', message: `有一个表格不是年报的标准表格（${f.table.rowCount} 行 × ${f.table.colCount} 列），已作为文字放入未识别内容`, path: 'unplaced' });
      }
      prevClass = undefined;
      continue;
    }
    if (f.section && SECTION_TABLE[f.section] && SECTION_TABLE[f.section] !== cls) {
      log.push({ kind: 'warning', message: `${sectionOf[cls]}印在了“${f.section}”章节中，已按表格内容识别为${sectionOf[cls]}`, path: cls });
    }
    for (const row of rows) groups[cls].push(row);
    prevClass = cls;
  }
  const sink: ValueSink = { values: {}, seen: new Set(), rawValues: {}, legacy: { templateId: T2019, values: {}, labels: {} }, log };
  const parsers: Record<TableId, (rows: RowView[]) => Parsed> = { t2: parseT2, t3: parseT3, t4: parseT4 };
  const parsed = new Map<TableId, Parsed>();
  for (const id of ['t2', 't3', 't4'] as TableId[]) {
    if (!groups[id].length) continue;
    const p = parsers[id](groups[id]);
    for (const e of p.log) log.push(e);
    if (p.unplaced.length) unplaced.push(p.unplaced.join('\n'));
    if (p.rowsFound) parsed.set(id, p);
    else log.push({ kind: 'warning', message: `找到了${sectionOf[id]}的表头，但没有找到可以导入的数字`, path: id });
  }
  // The format is told by table 二's headers; table 三 alone only hints at it ("（六）其他处理" in one row).
  const t2 = parsed.get('t2');
  const t3 = parsed.get('t3');
  const is2019 = t2 ? t2.template === T2019 : Boolean(t3?.sixSingle);
  const found: string[] = [];
  for (const [id, p] of parsed) {
    found.push(id);
    const def = getTemplate(p.template).table.get(id)!;
    const fmtName = p.template === T2019 && !p.sixSingle ? '2019 年试行格式' : is2019 ? '2019 年试行格式' : '2021 年格式';
    log.push({ kind: 'recognised', message: `识别出${sectionOf[id]}（${fmtName}，${p.rowsFound}/${def.rows.length} 行）`, path: id });
    if (p.sixSingle) {
      log.push({
        kind: 'guessed',
        message: is2019
          ? '2019 年格式的“（六）其他处理”不分细项，已整体计入“3.其他”，请按实际情况拆分到 1—3 项'
          : '表三“（六）其他处理”只印了一行（没有分 1—3 细项），已整体计入“3.其他”，请按实际情况拆分',
        path: 't3.r3_6_3_other',
      });
    }
    storeCells(p, sink, id);
    const t21def = getTemplate(T2021).table.get(id)!;
    const missingRows = t21def.rows.filter((r) => t21def.cells.some((c) => c.row === r.key && !sink.seen.has(`${id}.${r.key}.${c.col}`)));
    const expectedMissing = p.sixSingle ? new Set(['r3_6_1_no_correction', 'r3_6_2_no_fee']) : new Set<string>();
    // Rows the old format printed but whose 2021 cells it has no column for are not "missing".
    const printedRows = new Set([...p.cells.keys()].map((k) => k.split('|').pop()!.split('.')[1]));
    if (p.template === T2019 && id === 't2') for (const r of missingRows.filter((x) => printedRows.has(x.key))) expectedMissing.add(r.key);
    const names = missingRows.filter((r) => !expectedMissing.has(r.key)).map((r) => r.label);
    if (p.template === T2019 && id === 't2') {
      const noColumn = t21def.cells.filter((c) => printedRows.has(c.row) && !sink.seen.has(`t2.${c.row}.${c.col}`)).length;
      if (noColumn) log.push({ kind: 'warning', message: `2019 年格式的表二没有“本年废止件数”“现行有效件数”“本年收费金额”等栏目，这 ${noColumn} 个单元格为空白，请按现行格式填写`, path: id });
    }
    if (names.length && names.length < t21def.rows.length) {
      log.push({ kind: 'warning', message: `${sectionOf[id]}中没有找到“${names.slice(0, 5).join('”“')}”${names.length > 5 ? ` 等 ${names.length} 行` : ''}，这些单元格为空白`, path: id });
    }
  }
  const legacy = Object.keys(sink.legacy.values).length ? sink.legacy : undefined;
  if (legacy) log.push({ kind: 'warning', message: `2019 年格式中有 ${Object.keys(legacy.values).length} 个数字在现行格式中没有对应栏目（如“本年新公开数量”“政府集中采购”），已另行保存，不会打印`, path: 'legacy' });
  const format: ImportFormat = !found.length ? 'unknown' : is2019 ? 'gov-disclosure-2019' : 'gov-disclosure-2021';
  return { values: sink.values, rawValues: sink.rawValues, legacy, format, log, unplaced, found };
}
