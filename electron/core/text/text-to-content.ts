import type { DocBlock, DocCell, DocContent, DocParagraph, DocTable } from '../import/doc-content';
import { isHeaderLabel, tableLabelKind } from '../import/grid-labels';
import { toHalfWidth } from '../import/label-match';
import { looksLikeValue } from '../import/value-text';

// Plain text → DocContent: what a clerk gets by copying a portal page (tab-separated cells, a merged
// label printed once) or a PDF (columns separated by spaces, labels wrapped over lines, page numbers,
// repeated headers and footers, hard-wrapped paragraphs). Finds the table regions, rebuilds their
// rows, joins wrapped lines.

interface Frag {
  x: number;
  text: string;
}

interface Line {
  /** Text with markdown markers removed, right-trimmed, NBSP/ideographic spaces as spaces. */
  text: string;
  trimmed: string;
  indent: number;
  hashes: number;
  bold: boolean;
  blank: boolean;
  /** Lines of a tab-separated copy: the cells. */
  cells?: string[];
  /** Label fragments with their column (space-separated layout). */
  frags: Frag[];
  /** Trailing value tokens and the column of the first one. */
  values: string[];
  valueX: number;
  /** Centre (in characters) of each trailing value token. */
  valueAt: number[];
  anchor: boolean;
  strong: boolean;
  gridLabel: 'exact' | 'part' | undefined;
}

const PAGE_NUMBER_DASHED = /^[-—–－―~～·•\s]*\d{1,4}[-—–－―~～·•\s]*$/;
const PAGE_NUMBER_OTHER = [/^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/, /^\d{1,4}\s*[/／]\s*\d{1,4}$/, /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i];

/** True for a line that is only a page number ("— 3 —", "- 3 -", "第 3 页", "3/10"). */
export function isPageNumberLine(line: string): boolean {
  const t = toHalfWidth(line).trim();
  if (!t || t.length > 24) return false;
  if (PAGE_NUMBER_DASHED.test(t)) return /[-—–－―~～·•]/.test(t);
  return PAGE_NUMBER_OTHER.some((re) => re.test(t));
}

/** Printed width of a text in Chinese characters (Latin letters, digits and spaces count half). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

const NUMBERING_ONLY = /^([(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}[、.．])$/;
const HEADING_LIKE = /^[一二三四五六七八九十]{1,3}[、.．，,]/;
const isProse = (s: string) => s.length > 80 || /[。！？]/.test(s);

/** Splits a space-laid line into label fragments and trailing values. */
function analyseSpaces(text: string): { frags: Frag[]; values: string[]; valueX: number; valueAt: number[]; gaps: number[] } {
  const tokens: Frag[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) tokens.push({ x: m.index, text: m[0] });
  let cut = tokens.length;
  while (cut > 0 && looksLikeValue(tokens[cut - 1].text)) cut--;
  const values = tokens.slice(cut).map((t) => t.text);
  const valueAt = tokens.slice(cut).map((t) => t.x + t.text.length / 2);
  const valueX = cut < tokens.length ? tokens[cut].x : Infinity;
  const frags: Frag[] = [];
  const gaps: number[] = [];
  for (const t of tokens.slice(0, cut)) {
    const prev = frags[frags.length - 1];
    const gap = prev ? t.x - (prev.x + prev.text.length) : 0;
    // "(一) 予以公开", "1. 属于国家秘密": a bare number joins the words after it.
    if (prev && gap === 1 && NUMBERING_ONLY.test(prev.text)) prev.text += t.text;
    else {
      if (prev) gaps.push(gap);
      frags.push({ ...t });
    }
  }
  if (frags.length && values.length) {
    const last = frags[frags.length - 1];
    gaps.push(valueX - (last.x + last.text.length));
  }
  return { frags, values, valueX, valueAt, gaps };
}

function analyse(raw: string): Line {
  // Trailing tabs are kept: they are the blank cells at the end of a copied table row.
  let text = raw.replace(/[\u00a0\u3000\u2002\u2003\u2009]/g, ' ').replace(/[^\S\t]+$/u, '');
  let hashes = 0;
  let bold = false;
  const md = /^\s{0,3}(#{1,6})\s+/.exec(text);
  if (md) {
    hashes = md[1].length;
    text = text.slice(md[0].length).replace(/\s+#+\s*$/, '');
  }
  text = text.replace(/^\s{0,3}>\s?/, '');
  const b = /^(\s*)\*\*(.+)\*\*\s*$/.exec(text);
  if (b) {
    bold = true;
    text = b[1] + b[2];
  }
  const trimmed = text.trim();
  const indent = text.length - text.trimStart().length;
  const line: Line = { text, trimmed, indent, hashes, bold, blank: trimmed === '', frags: [], values: [], valueX: Infinity, valueAt: [], anchor: false, strong: false, gridLabel: undefined };
  if (line.blank) return line;
  if (text.includes('\t') && !hashes) {
    const cells = text.split('\t').map((c) => c.trim());
    const nonEmpty = cells.filter((c) => c !== '');
    const lastNonEmpty = cells.map((c) => c !== '').lastIndexOf(true);
    const tableLike = nonEmpty.length >= 2 || (nonEmpty.length === 1 && lastNonEmpty < cells.length - 1 && nonEmpty[0].length <= 40);
    if (tableLike && !nonEmpty.some((c) => c.length > 80 && /。/.test(c))) {
      line.cells = cells;
      line.strong = true;
      line.anchor = cells.some((c) => c !== '' && looksLikeValue(c));
      return line;
    }
    text = text.replace(/\t/g, ' ');
    line.text = text;
  }
  if (hashes) {
    line.frags = [{ x: indent, text: trimmed }];
    return line;
  }
  const { frags, values, valueX, valueAt, gaps } = analyseSpaces(text);
  line.valueAt = valueAt;
  line.frags = frags;
  line.values = values;
  line.valueX = valueX;
  const labelText = frags.map((f) => f.text).join('');
  line.gridLabel = values.length ? undefined : tableLabelKind(trimmed);
  const prose = isProse(labelText);
  line.anchor = values.length > 0 && !prose && labelText.length <= 80 && (frags.length > 0 || values.length >= 2);
  const wideGaps = gaps.filter((g) => g >= 2).length;
  line.strong =
    (line.anchor && (values.length >= 2 || wideGaps > 0)) ||
    (!values.length && frags.length >= 2 && wideGaps >= 1 && !prose && frags.every((f) => f.text.length <= 30) && !HEADING_LIKE.test(trimmed));
  return line;
}

/** Drops page-number lines and headers/footers repeated at page breaks; returns the kept lines and notes. */
function removePageFurniture(text: string, notes: string[]): string[] {
  const lines: string[] = [];
  const breaks: number[] = [];
  text.split('\f').forEach((page, i) => {
    if (i > 0) breaks.push(lines.length);
    for (const l of page.split('\n')) lines.push(l);
  });
  const drop = new Array<boolean>(lines.length).fill(false);
  let pageNumbers = 0;
  lines.forEach((l, i) => {
    if (isPageNumberLine(l)) {
      drop[i] = true;
      pageNumbers++;
      breaks.push(i);
    }
  });
  for (const b of breaks) {
    // A bare number right at a form feed is a page number too.
    for (const i of [b - 1, b]) {
      if (i >= 0 && i < lines.length && /^\s*\d{1,4}\s*$/.test(lines[i]) && !drop[i]) {
        drop[i] = true;
        pageNumbers++;
      }
    }
  }
  // Page breaks close together (a page number, then the form feed) are one break.
  const quiet = (i: number) => drop[i] || lines[i].trim() === '';
  const zones: Array<[number, number]> = [];
  for (const b of [...new Set(breaks)].sort((x, y) => x - y)) {
    const last = zones[zones.length - 1];
    let merged = false;
    if (last) {
      merged = true;
      for (let i = last[1] + 1; i < b; i++) if (!quiet(i)) merged = false;
    }
    if (merged) last[1] = Math.max(last[1], b);
    else zones.push([b, b]);
  }
  const edgeLines = ([a, z]: [number, number]): number[] => {
    const out: number[] = [];
    for (let i = a - 1, found = 0; i >= 0 && found < 2; i--) {
      if (quiet(i)) continue;
      out.push(i);
      found++;
    }
    for (let i = z, found = 0; i < lines.length && found < 2; i++) {
      if (quiet(i)) continue;
      out.push(i);
      found++;
    }
    return out;
  };
  const seen = new Map<string, Set<number>>();
  for (const zone of zones) {
    for (const i of edgeLines(zone)) {
      const key = lines[i].replace(/\s+/g, '');
      if (!key || key.length > 60 || lines[i].trim().split(/\s+/).every((t) => looksLikeValue(t))) continue;
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(i);
    }
  }
  const furniture = new Set([...seen].filter(([, at]) => at.size >= 2).map(([k]) => k));
  let furnitureCount = 0;
  for (const [key, at] of seen) {
    if (!furniture.has(key)) continue;
    for (const i of at) {
      drop[i] = true;
      furnitureCount++;
    }
  }
  if (pageNumbers) notes.push(`删除了 ${pageNumbers} 个页码行`);
  if (furnitureCount) notes.push(`删除了 ${furnitureCount} 处每页重复的页眉页脚：${[...furniture].slice(0, 3).map((f) => `“${f}”`).join('、')}`);
  return lines.filter((_, i) => !drop[i]);
}

const isTableLine = (l: Line) => l.strong || l.anchor || l.gridLabel !== undefined;

/** Finds table regions: [start, end) line ranges. */
function findRegions(lines: Line[]): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  const tableSoon = (i: number, strongOnly: boolean) => {
    for (let j = i + 1, seen = 0; j < lines.length && seen < 3; j++) {
      if (lines[j].blank) continue;
      seen++;
      if (lines[j].strong || (!strongOnly && lines[j].anchor)) return true;
      if (strongOnly && !isTableLine(lines[j])) return false;
    }
    return false;
  };
  const startsTable = (i: number) => {
    const l = lines[i];
    if (l.strong) return true;
    // "第二十条第（一）项" opens a table when a table line follows closely.
    return l.gridLabel !== undefined && !l.hashes && tableSoon(i, true);
  };
  const realHeading = (l: Line) => HEADING_LIKE.test(l.trimmed) && !l.anchor && !l.cells && l.frags.length === 1 && l.trimmed.length >= 5 && l.gridLabel === undefined;
  const continues = (i: number) => {
    const l = lines[i];
    if (l.hashes || realHeading(l)) return false;
    if (isTableLine(l)) return true;
    if (textWidth(l.trimmed) > 30 || isProse(l.trimmed)) return false;
    return tableSoon(i, false);
  };
  let i = 0;
  while (i < lines.length) {
    if (lines[i].blank || !startsTable(i)) {
      i++;
      continue;
    }
    const start = i;
    let lastTable = i;
    let j = i + 1;
    while (j < lines.length) {
      if (lines[j].blank) {
        j++;
        continue;
      }
      if (!continues(j)) break;
      if (isTableLine(lines[j])) lastTable = j;
      j++;
    }
    const end = lastTable + 1;
    if (lines.slice(start, end).some((l) => l.anchor)) {
      regions.push([start, end]);
      i = end;
    } else i++;
  }
  return regions;
}

/** A line holding one cell of a table copied cell by cell (one value, or one short label with no wide gaps). */
function cellLineKind(l: Line): 'value' | 'label' | undefined {
  if (l.blank || l.cells || l.hashes) return undefined;
  if (!l.frags.length && l.values.length === 1) return 'value';
  if (l.values.length || !l.frags.length || isProse(l.trimmed) || textWidth(l.trimmed) > 40) return undefined;
  const gaps = l.frags.slice(1).map((f, i) => f.x - (l.frags[i].x + l.frags[i].text.length));
  return gaps.some((g) => g >= 2) ? undefined : 'label';
}

/**
 * Tables copied cell by cell (a web page whose cells hold <p>, some PDF readers): every cell on a line
 * of its own. A run of such lines with enough single numbers and table labels is rebuilt into rows:
 * the labels before a run of numbers, then the numbers; header labels form rows of their own.
 */
function verticalRegions(lines: Line[]): Array<{ start: number; end: number; rows: string[][] }> {
  const out: Array<{ start: number; end: number; rows: string[][] }> = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    if (cellLineKind(l) !== 'label' || l.gridLabel === undefined) {
      i++;
      continue;
    }
    let j = i;
    let last = i;
    let values = 0;
    let known = 0;
    for (; j < lines.length; j++) {
      const m = lines[j];
      if (m.blank) continue;
      const kind = cellLineKind(m);
      if (!kind) break;
      // A section heading ends the table ("四、政府信息公开行政复议…" is not a table label).
      if (kind === 'label' && m.gridLabel === undefined && HEADING_LIKE.test(m.trimmed)) break;
      if (kind === 'value') values++;
      else if (m.gridLabel !== undefined) known++;
      last = j;
    }
    const run = lines.slice(i, last + 1).filter((m) => !m.blank);
    if (values >= 4 && known >= 2 && values >= run.length * 0.3) {
      const rows: string[][] = [];
      let labels: string[] = [];
      let nums: string[] = [];
      const flush = () => {
        if (!labels.length && !nums.length) return;
        // Header labels ("信息内容", "自然人", "第二十条第（五）项") before the row's own label are a row of their own.
        let k = 0;
        while (k < labels.length - (nums.length ? 1 : 0) && isHeaderLabel(labels[k])) k++;
        if (k > 0) rows.push(labels.slice(0, k));
        if (labels.length > k || nums.length) rows.push([...labels.slice(k), ...nums]);
        labels = [];
        nums = [];
      };
      for (const m of run) {
        if (cellLineKind(m) === 'value') nums.push(m.values[0]);
        else {
          if (nums.length) flush();
          labels.push(m.trimmed);
        }
      }
      flush();
      out.push({ start: i, end: last + 1, rows });
    }
    i = last + 1;
  }
  return out;
}

/** Groups label fragments into cells by their column (a wrapped label keeps its column), left to right. */
function clusterFrags(frags: Array<Frag & { line: number }>): string[] {
  const clusters: Frag[] = [];
  for (const f of [...frags].sort((a, b) => a.line - b.line)) {
    const c = clusters.find((k) => Math.abs(k.x - f.x) <= 2);
    if (c) c.text += f.text;
    else clusters.push({ x: f.x, text: f.text });
  }
  return clusters.sort((a, b) => a.x - b.x).map((c) => c.text);
}

interface AnchorState {
  line: number;
  valueX: number;
  frags: Array<Frag & { line: number }>;
}

const KIND_SCORE = { exact: 0, part: 1 } as const;

/** How well a fragment continues an anchor's label at its column (lower is better; Infinity = cannot). */
function fitScore(a: AnchorState, f: Frag, line: number): number {
  if (f.x >= a.valueX - 1) return Infinity;
  const near = a.frags.filter((g) => Math.abs(g.x - f.x) <= 2);
  const joined = [...near, { ...f, line }].sort((x, y) => x.line - y.line).map((g) => g.text).join('');
  const kind = tableLabelKind(joined);
  return (kind ? KIND_SCORE[kind] : 3) + 0.5 * Math.abs(line - a.line);
}

/**
 * The number columns of a space-laid table, from the rows that print a number in every column (at
 * least 5 columns, at least 2 such rows): a row printing fewer numbers (blank cells, §7 #2) has them
 * put under their columns. Undefined when the table has no such columns.
 */
function valueColumns(lines: Line[]): number[] | undefined {
  const rows = lines.filter((l) => l.anchor && !l.cells && l.valueAt.length);
  const max = Math.max(0, ...rows.map((l) => l.values.length));
  const full = rows.filter((l) => l.values.length === max);
  if (max < 7 || full.length < 2) return headerColumns(lines);
  const cols = Array.from({ length: max }, (_, i) => full.reduce((a, l) => a + l.valueAt[i], 0) / full.length);
  for (let i = 1; i < max; i++) if (cols[i] - cols[i - 1] < 2) return undefined;
  return cols;
}

/** The applicant columns of table 三, by the first characters of their (often wrapped) header labels. */
const T3_HEADS = [/^自然/, /^商业/, /^科研/, /^社会/, /^法律/, /^其他?$/, /^总计$/];

/** Table 三's seven number columns from where its header labels stand, when every one is found in order. */
function headerColumns(lines: Line[]): number[] | undefined {
  const at: Array<number | undefined> = T3_HEADS.map(() => undefined);
  for (const l of lines) {
    if (l.anchor || l.cells) continue;
    for (const f of l.frags) {
      const i = T3_HEADS.findIndex((re) => re.test(f.text));
      if (i >= 0 && at[i] === undefined) at[i] = f.x + f.text.length / 2;
    }
  }
  if (at.some((x) => x === undefined)) return undefined;
  const cols = at as number[];
  for (let i = 1; i < cols.length; i++) if (cols[i] - cols[i - 1] < 2) return undefined;
  return cols;
}

/** The values of a row placed under their columns ("" where a cell was left blank), or as printed when unsure. */
function placeValues(l: Line, cols: number[] | undefined): string[] {
  if (!cols || l.cells || l.values.length >= cols.length || !l.values.length) return l.values;
  const out = cols.map(() => '');
  let prev = -1;
  for (let k = 0; k < l.values.length; k++) {
    let best = -1;
    let dist = Infinity;
    cols.forEach((c, i) => {
      const d = Math.abs(c - l.valueAt[k]);
      if (d < dist) [best, dist] = [i, d];
    });
    const gap = Math.min(best > 0 ? cols[best] - cols[best - 1] : Infinity, best < cols.length - 1 ? cols[best + 1] - cols[best] : Infinity);
    if (best <= prev || dist > gap / 2) return l.values;
    out[best] = l.values[k];
    prev = best;
  }
  return out;
}

/** Rows of a space-laid region: each number line with the label pieces printed above and below it. */
function spaceRows(lines: Line[]): string[][] {
  const cols = valueColumns(lines);
  const rows: string[][] = [];
  const bands: Line[][] = [];
  let band: Line[] = [];
  for (const l of lines) {
    if (l.blank) {
      if (band.length) bands.push(band);
      band = [];
    } else band.push(l);
  }
  if (band.length) bands.push(band);
  for (const b of bands) {
    const anchors = new Map<number, AnchorState>();
    b.forEach((l, i) => {
      if (l.anchor) anchors.set(i, { line: i, valueX: l.cells ? Infinity : l.valueX, frags: l.frags.map((f) => ({ ...f, line: i })) });
    });
    if (!anchors.size) {
      const headerLines = b.filter((l) => l.cells || (l.frags.length === 1 && isHeaderLabel(l.trimmed)));
      if (b.length === 1 || headerLines.length === b.length) for (const l of b) rows.push(l.cells ?? l.frags.map((f) => f.text));
      else rows.push(clusterFrags(b.flatMap((l, i) => l.frags.map((f) => ({ ...f, line: i })))));
      continue;
    }
    const keys = [...anchors.keys()];
    const standalone = new Map<number, string[]>();
    let k = 0; // keys[k] is the first anchor after the current line
    b.forEach((l, i) => {
      while (k < keys.length && keys[k] <= i) k++;
      if (l.anchor) return;
      if (l.cells) {
        standalone.set(i, l.cells);
        return;
      }
      const prevKey = k > 0 ? keys[k - 1] : undefined;
      const nextKey = k < keys.length ? keys[k] : undefined;
      for (const f of l.frags) {
        // Block and header labels ("第二十条第（五）项", "信息内容", "自然人") are never part of a row label.
        let best: { a?: AnchorState; score: number } = { score: isHeaderLabel(f.text) ? -1 : 2 };
        if (best.score >= 0) {
          for (const key of [nextKey, prevKey]) {
            if (key === undefined) continue;
            const a = anchors.get(key)!;
            const s = fitScore(a, f, i);
            if (s < best.score) best = { a, score: s };
          }
        }
        if (best.a) best.a.frags.push({ ...f, line: i });
        else standalone.set(i, [...(standalone.get(i) ?? []), f.text]);
      }
    });
    b.forEach((l, i) => {
      const s = standalone.get(i);
      if (s) rows.push(s);
      const a = anchors.get(i);
      if (a) rows.push(l.cells ?? [...clusterFrags(a.frags), ...placeValues(l, cols)]);
    });
  }
  return rows;
}

function toTable(rows: string[][]): DocTable {
  const cells: DocCell[] = [];
  let colCount = 0;
  rows.forEach((r, row) => {
    colCount = Math.max(colCount, r.length);
    r.forEach((text, col) => cells.push({ text, row, col, rowSpan: 1, colSpan: 1 }));
  });
  return { kind: 'table', rowCount: rows.length, colCount, cells };
}

/** Lines at least this wide count as full (justified PDF lines vary with their digits and punctuation). */
const fullWidth = (w: number) => Math.min(w - 2, Math.max(w * 0.85, w - 4));

/** The width of a full line of a hard-wrapped (PDF) text, or undefined when lines are whole paragraphs (web copy). */
function detectWrapWidth(lines: Line[]): number | undefined {
  const widths = lines.filter((l) => !l.blank && !l.hashes).map((l) => textWidth(l.text)).filter((w) => w >= 8).sort((a, b) => a - b);
  if (widths.length < 4) return undefined;
  const w = widths[Math.floor(widths.length * 0.9)];
  if (w > 60) return undefined;
  const full = widths.filter((x) => x >= fullWidth(w)).length;
  return full >= 3 && full >= widths.length * 0.25 ? w : undefined;
}

/** Prose lines → paragraphs: blank lines and first-line indents break paragraphs; hard-wrapped PDF lines are joined. */
function paragraphs(lines: Line[], wrapWidth: number | undefined): DocParagraph[] {
  const out: DocParagraph[] = [];
  let cur: { first: Line; last: Line; para: DocParagraph; parts: string[] } | undefined;
  // Lines set far in (centred titles, right-aligned 落款) are never part of a wrapped paragraph.
  const aligned = (l: Line) => l.indent >= 8 && textWidth(l.trimmed) <= 40 && !l.hashes;
  const full = (l: Line) => wrapWidth !== undefined && !aligned(l) && textWidth(l.text) >= fullWidth(wrapWidth);
  const headingish = (l: Line) =>
    l.hashes > 0 ||
    l.bold ||
    (!full(l) && l.trimmed.length <= 40 && !/[。；;]$/.test(l.trimmed) && /^([一二三四五六七八九十]{1,3}[、.．，]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、])/.test(l.trimmed));
  const centred = aligned;
  // Too few lines to measure the wrap width (a short PDF text): a long indented line cut mid-sentence
  // and continued flush left is one paragraph.
  const hangs = (c: { first: Line; last: Line }, l: Line) =>
    wrapWidth === undefined &&
    c.first.indent >= 2 &&
    c.first.indent < 8 &&
    l.indent === 0 &&
    (c.last === c.first || c.last.indent === 0) &&
    textWidth(c.last.text) >= 30 &&
    !/[。！？；!?;：:][”’"」』]?$|报告$|[)）]$/.test(c.last.trimmed);
  const flush = () => {
    if (cur) {
      cur.para.text = cur.parts.join('');
      out.push(cur.para);
    }
    cur = undefined;
  };
  for (const l of lines) {
    if (l.blank) {
      flush();
      continue;
    }
    if (cur && (full(cur.last) || hangs(cur, l)) && !headingish(l) && !centred(l) && !headingish(cur.last) && l.indent <= cur.last.indent) {
      const sep = /[A-Za-z]$/.test(cur.last.trimmed) && /^[A-Za-z]/.test(l.trimmed) ? ' ' : '';
      cur.parts.push(sep + l.trimmed);
      cur.last = l;
      continue;
    }
    flush();
    const para: DocParagraph = { kind: 'paragraph', text: l.trimmed };
    if (l.hashes) para.headingLevel = l.hashes;
    if (l.bold) para.bold = true;
    if (centred(l)) para.centered = true;
    cur = { first: l, last: l, para, parts: [l.trimmed] };
  }
  flush();
  return out;
}

/** Converts pasted or saved plain text into paragraphs and tables for the recogniser. */
export function textToContent(text: string): DocContent {
  const notes: string[] = [];
  const clean = (text ?? '').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const kept = removePageFurniture(clean, notes);
  const lines = kept.map(analyse);
  const vertical = verticalRegions(lines);
  // Other tables are looked for between the cell-by-cell ones.
  const regions: Array<[number, number]> = [];
  let from = 0;
  for (const stop of [...vertical.map((v) => v.start), lines.length]) {
    for (const [s, e] of findRegions(lines.slice(from, stop))) regions.push([from + s, from + e]);
    const v = vertical.find((x) => x.start === stop);
    if (v) regions.push([v.start, v.end]);
    from = v ? v.end : stop;
  }
  const verticalRows = new Map(vertical.map((v) => [v.start, v.rows]));
  const inRegion = new Array<boolean>(lines.length).fill(false);
  for (const [s, e] of regions) for (let i = s; i < e; i++) inRegion[i] = true;
  const wrapWidth = detectWrapWidth(lines.filter((_, i) => !inRegion[i]));
  const blocks: DocBlock[] = [];
  let i = 0;
  let r = 0;
  while (i < lines.length) {
    if (r < regions.length && i === regions[r][0]) {
      const [s, e] = regions[r];
      const region = lines.slice(s, e);
      const rows = verticalRows.get(s) ?? (region.some((l) => l.cells) ? region.filter((l) => !l.blank).map((l) => l.cells ?? [...l.frags.map((f) => f.text), ...l.values]) : spaceRows(region));
      if (rows.length) blocks.push(toTable(rows));
      i = e;
      r++;
      continue;
    }
    const start = i;
    while (i < lines.length && !(r < regions.length && i === regions[r][0])) i++;
    for (const p of paragraphs(lines.slice(start, i), wrapWidth)) blocks.push(p);
  }
  return { blocks, notes };
}
