import { ReportSchema, SCHEMA_VERSION, SECTION_KEYS, type Block, type BlockType, type Report, type SectionKey } from '../model/report';
import { defaultTitle, newId } from '../model/new-report';
import { check } from '../rules/check';
import { CURRENT_TEMPLATE_ID, getTemplate } from '../template/registry';
import type { SectionDef } from '../template/schema';
import { ImportError, type DocContent, type DocParagraph, type DocTable } from './doc-content';
import { tableLabelCoverage, tableLabelKind } from './grid-labels';
import type { ImportLogEntry, ImportResult } from './import-result';
import { chineseNumber, editDistance, normaliseLabel, toHalfWidth } from './label-match';
import { guessUnitLevel, guidanceText, isPortalChrome, looksLikeUnitLine, parseDateText, parseTitle, splitSignatureLine, tidyTitle } from './recognise-meta';
import { recogniseTables, type TableFragment } from './recognise-tables';

// The one recogniser every importer shares: DocContent (paragraphs and tables from a DOCX, an HTML
// page or plain text) → a Report of the current template, with a log of what was recognised, what
// was guessed and why, and everything that could not be placed (kept in report.unplaced).

export interface RecogniseOptions {
  /** The file's name: a fallback for the unit and year. */
  fileName?: string;
  /** The unit the clerk is working for: used when the document does not name one. */
  unitName?: string;
  /** The report year: used when the document does not say. */
  year?: number;
}

interface Para {
  kind: 'p';
  lines: string[];
  /** Lines joined (headings and titles are one line). */
  text: string;
  src: DocParagraph;
  index: number;
}

interface Tab {
  kind: 't';
  table: DocTable;
  index: number;
  followsTable: boolean;
}

type Item = Para | Tab;

interface SectionHit {
  key: SectionKey;
  def: SectionDef;
  exact: boolean;
  reason?: string;
}

const MAX_BLOCK_TEXT = 100_000;
const NOT_A_REPORT =
  '没有在文件中找到年报的章节或表格（如“一、总体情况”“二、主动公开政府信息情况”或“收到和处理政府信息公开申请情况”表），请确认选择的是政府信息公开工作年度报告。';

// ───────────────────────────── headings ─────────────────────────────

const headingBodies = new Map<string, string[]>();

function bodiesOf(def: SectionDef): string[] {
  let b = headingBodies.get(def.key);
  if (!b) {
    b = [def.heading, ...def.aliases].map((h) => normaliseLabel(h.replace(/^[一二三四五六七八九十]+[、.，,．]\s*/, '')));
    headingBodies.set(def.key, b);
  }
  return b;
}

/** Whether a paragraph is one of the six section headings, tolerant of numbering and wording variants. */
export function matchSectionHeading(text: string, hint: { bold?: boolean; headingLevel?: number } = {}): SectionHit | undefined {
  const t = getTemplate(CURRENT_TEMPLATE_ID);
  const s = toHalfWidth(text.replace(/^#+\s*/, '')).trim();
  if (s.length < 2 || s.length > 60) return undefined;
  const m = /^([一二三四五六七八九十]{1,2})\s*(?:[、.,，:：．]|\s)\s*/.exec(s);
  const num = m ? chineseNumber(m[1]) : NaN;
  const body = normaliseLabel(m ? s.slice(m[0].length) : s);
  if (!body) return undefined;
  let best: (SectionHit & { score: number }) | undefined;
  t.sections.forEach((def, i) => {
    const numberOk = Number.isNaN(num) || num === i + 1;
    bodiesOf(def).forEach((b, bi) => {
      let score: number | undefined;
      let reason: string | undefined;
      if (body === b) {
        score = bi === 0 ? 0 : 0.01;
        if (bi > 0) reason = `“${text.trim()}”是“${def.heading}”的另一种写法`;
      } else if (!Number.isNaN(num) && numberOk) {
        const longest = Math.max(body.length, b.length);
        const limit = Math.floor(longest * 0.4);
        const d = editDistance(body, b, limit);
        if (d <= limit && longest >= 4) {
          score = 0.1 + d / longest;
          reason = `“${text.trim()}”与“${def.heading}”有 ${d} 个字不同`;
        } else if (body.startsWith(b) && body.length - b.length <= 6) {
          score = 0.3;
          reason = `“${text.trim()}”按“${def.heading}”识别`;
        }
      }
      if (score === undefined) return;
      if (!numberOk) {
        score += 0.2;
        reason = `“${text.trim()}”的编号与标准标题“${def.heading}”不同，按文字识别为该章节`;
      }
      if (Number.isNaN(num)) {
        // Without its number a heading must be printed as one (bold, styled, or a short line of its own).
        if (!(hint.bold || hint.headingLevel || s.length <= 20)) return;
        score += 0.05;
        reason ??= `“${text.trim()}”没有编号，按文字识别为“${def.heading}”`;
      }
      if (!best || score < best.score) best = { key: def.key as SectionKey, def, exact: score === 0, reason, score };
    });
  });
  return best;
}

const H2 = /^[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]/;
const H3 = /^\d{1,2}\s*[.．、](?!\d)/;
const H4 = /^[(（]\s*\d{1,2}\s*[)）]/;

/** Whether a short line reads as a heading rather than a sentence. */
function headingLike(text: string, bold?: boolean): boolean {
  const t = text.trim();
  if (t.length > (bold ? 60 : 40)) return false;
  const inner = t.replace(/[。.]$/, '');
  return !/[。；;！？!?]/.test(inner) && (bold || (inner.match(/[，,]/g) ?? []).length <= 1);
}

/** "（一）主动公开情况。2024年，…" → the sub-heading and the text after it; undefined for a sentence that merely starts with "（一）". */
export function inlineHeading(text: string): { heading: string; rest: string } | undefined {
  const m = /^([(（]\s*[一二三四五六七八九十]{1,3}\s*[)）])\s*([^。：:，,；;、！？!?“”"（）()]{2,20})[。：:]\s*(\S[\s\S]{3,})$/.exec(text.trim());
  if (!m) return undefined;
  return { heading: `${m[1]}${m[2].trim()}`, rest: m[3] };
}

/** Tidies a heading's numbering: "(一) 工作进展" → "（一）工作进展". */
function tidyHeading(text: string, type: BlockType): string {
  const t = text.trim();
  if (type === 'heading2') return t.replace(/^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*/, '（$1）');
  if (type === 'heading4') return t.replace(/^[(（]\s*(\d{1,2})\s*[)）]\s*/, '（$1）');
  if (type === 'heading3') return t.replace(/^(\d{1,2})\s*([.．、])\s*/, (_m, n: string, p: string) => `${n}${p === '．' ? '.' : p}`);
  return t;
}

/** The block type of a paragraph inside a section: styled headings by level, else by numbering. */
function blockType(p: Para, sectionLevel: number | undefined): BlockType {
  const level = p.src.headingLevel;
  if (level !== undefined && sectionLevel !== undefined) {
    const d = level - sectionLevel;
    if (d === 1) return 'heading2';
    if (d === 2) return 'heading3';
    if (d === 3) return 'heading4';
  }
  const t = p.text.trim();
  if (!headingLike(t, p.src.bold)) return 'paragraph';
  if (H2.test(t)) return 'heading2';
  if (H4.test(t)) return 'heading4';
  if (H3.test(t)) return 'heading3';
  return 'paragraph';
}

// ───────────────────────────── helpers ─────────────────────────────

function chunk(text: string): string[] {
  if (text.length <= MAX_BLOCK_TEXT) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += MAX_BLOCK_TEXT) out.push(text.slice(i, i + MAX_BLOCK_TEXT));
  return out;
}

const block = (type: BlockType, text: string): Block => ({ id: newId(), type, text });

function toItems(content: DocContent): Item[] {
  const items: Item[] = [];
  let lastWasTable = false;
  content.blocks.forEach((b, index) => {
    if (b.kind === 'table') {
      if (b.rowCount > 0 && b.cells.length) items.push({ kind: 't', table: b, index, followsTable: lastWasTable });
      lastWasTable = true;
      return;
    }
    const lines = (b.text ?? '')
      .split(/\r?\n/)
      .map((l) => l.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').trim())
      .filter((l) => l !== '');
    if (!lines.length) return;
    lastWasTable = false;
    items.push({ kind: 'p', lines, text: lines.join(''), src: b, index });
  });
  return items;
}

function titleScore(p: Para, position: number): number {
  const t = p.text.replace(/\s+/g, '');
  if (t.length > 90 || t.length < 4) return -1;
  let s = 0;
  if (/报告/.test(t)) s += 3;
  if (/年度报告|工作报告/.test(t)) s += 2;
  if (/政府信息公开|政务公开/.test(t)) s += 1;
  if (p.src.headingLevel === 0 || p.src.headingLevel === 1) s += 2;
  if (p.src.centered) s += 2;
  if (p.src.bold) s += 1;
  if (/(19|20)\d{2}|[〇零一二三四五六七八九○]{4}年/.test(t)) s += 1;
  if (/[。；]/.test(t)) s -= 3;
  return s - position * 0.05;
}

function quoteOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}……` : t;
}

// ───────────────────────────── main ─────────────────────────────

/** Turns the paragraphs and tables of a document into a report of the current template, with the import log. */
export function recogniseReport(content: DocContent, opts: RecogniseOptions = {}): ImportResult {
  const template = getTemplate(CURRENT_TEMPLATE_ID);
  const log: ImportLogEntry[] = [];
  for (const n of content.notes ?? []) log.push({ kind: 'warning', message: n });
  const items = toItems(content);
  const unplaced: Block[] = [];
  const toUnplaced = (text: string, why: string) => {
    for (const c of chunk(text)) unplaced.push(block('paragraph', c));
    log.push({ kind: 'unplaced', message: `${why}：“${quoteOf(text)}”，已放入未识别内容`, path: 'unplaced' });
  };

  // 1. Section headings, in order.
  const headingAt = new Map<number, SectionHit>();
  let lastSection = -1;
  items.forEach((it, i) => {
    if (it.kind !== 'p') return;
    const hit = matchSectionHeading(it.text, it.src);
    if (!hit) return;
    const order = SECTION_KEYS.indexOf(hit.key);
    if (order <= lastSection) return;
    headingAt.set(i, hit);
    lastSection = order;
  });
  const levels = [...headingAt.keys()].map((i) => (items[i] as Para).src.headingLevel).filter((l): l is number => l !== undefined);
  const sectionLevel = levels.length ? mode(levels) : undefined;
  const firstHeading = headingAt.size ? Math.min(...headingAt.keys()) : items.length;

  // 2. The 落款 at the end: a unit line and a date line (or both on one line).
  const signature = { unit: '', date: '' };
  const consumed = new Set<number>();
  const lastTable = items.reduce((acc, it, i) => (it.kind === 't' ? i : acc), -1);
  const tail: number[] = [];
  for (let i = items.length - 1; i > Math.max(lastTable, firstHeading) && tail.length < 4; i--) {
    const it = items[i];
    if (it.kind !== 'p') break;
    if (isPortalChrome(it.text)) continue;
    tail.push(i);
  }
  if (tail.length) {
    const last = items[tail[0]] as Para;
    const date = parseDateText(last.text);
    const one = date ? undefined : splitSignatureLine(last.text);
    if (date) {
      signature.date = date;
      consumed.add(tail[0]);
      const before = tail[1] !== undefined ? (items[tail[1]] as Para) : undefined;
      if (before && !headingAt.has(tail[1]) && looksLikeUnitLine(before.text)) {
        signature.unit = before.text.trim();
        consumed.add(tail[1]);
      }
    } else if (one) {
      signature.unit = one.unit;
      signature.date = one.date;
      consumed.add(tail[0]);
    }
    if (consumed.size) log.push({ kind: 'recognised', message: `找到落款：${[signature.unit, signature.date].filter(Boolean).join(' ')}`, path: 'signature' });
  }

  // 3. Title and preface: what stands before 一、总体情况.
  let titleIndex = -1;
  let bestScore = 2.5;
  for (let i = 0; i < firstHeading; i++) {
    const it = items[i];
    if (it.kind !== 'p' || isPortalChrome(it.text)) continue;
    const s = titleScore(it, i);
    if (s > bestScore) {
      bestScore = s;
      titleIndex = i;
    }
  }
  let titleText = '';
  const titleParts = new Set<number>();
  if (titleIndex >= 0) {
    titleParts.add(titleIndex);
    titleText = (items[titleIndex] as Para).lines.join('');
    // A title printed over two paragraphs: "XX街道办事处" / "2024年政府信息公开工作年度报告".
    const prev = items[titleIndex - 1];
    const own = parseTitle(titleText);
    const incomplete = !own.unit || !own.year || /^\s*(19|20)\d{2}/.test(titleText);
    const prevFits = prev?.kind === 'p' && !isPortalChrome(prev.text) && prev.text.length <= 40 && !/报告|[。；，,]/.test(prev.text);
    if (prevFits && incomplete && (prev.src.centered || prev.src.headingLevel === 0 || prev.src.headingLevel === 1 || prev.src.bold || titleIndex === 1)) {
      titleText = prev.lines.join('') + titleText;
      titleParts.add(titleIndex - 1);
    }
    const next = items[titleIndex + 1];
    if (next?.kind === 'p' && titleIndex + 1 < firstHeading && !/报告$/.test(titleText) && (next.src.centered || next.src.headingLevel === 1) && /报告$/.test(next.text) && next.text.length <= 40) {
      titleText += next.lines.join('');
      titleParts.add(titleIndex + 1);
    }
  }
  const title = tidyTitle(titleText);
  const preface: Block[] = [];
  const fragments: TableFragment[] = [];
  const sections = {} as Report['sections'];
  for (const def of template.sections) sections[def.key as SectionKey] = { heading: def.heading, blocks: [] };
  let removedGuidance = 0;
  let inlineHeadings = 0;
  const placeholders = template.sections.map((s) => s.placeholder).filter((x): x is string => Boolean(x));
  let current: SectionKey | undefined;
  const headerTextLogged = new Set<string>();

  const addText = (p: Para, target: Block[], where: string) => {
    const g = guidanceText(p.text, placeholders);
    if (g) {
      removedGuidance++;
      log.push({ kind: 'warning', message: `删除了${g}：“${quoteOf(p.text)}”`, path: where });
      return;
    }
    if (isPortalChrome(p.text)) {
      toUnplaced(p.text, '网页上的附加信息');
      return;
    }
    const type = blockType(p, sectionLevel);
    const inline = type === 'paragraph' && p.lines.length === 1 ? inlineHeading(p.text) : undefined;
    if (inline) {
      // "（一）主动公开情况。2024年，…": the sub-heading printed at the start of its paragraph.
      target.push(block('heading2', tidyHeading(inline.heading, 'heading2')));
      for (const c of chunk(inline.rest)) target.push(block('paragraph', c));
      inlineHeadings++;
      return;
    }
    if (type === 'paragraph') for (const l of p.lines) for (const c of chunk(l)) target.push(block('paragraph', c));
    else target.push(block(type, tidyHeading(p.text, type)));
  };

  items.forEach((it, i) => {
    if (consumed.has(i)) return;
    if (it.kind === 't') {
      fragments.push({ table: it.table, section: current, blockIndex: it.index, followsTable: it.followsTable });
      return;
    }
    const hit = headingAt.get(i);
    if (hit) {
      current = hit.key;
      if (hit.exact) log.push({ kind: 'recognised', message: `找到章节“${hit.def.heading}”`, path: `sections.${hit.key}` });
      else log.push({ kind: 'guessed', message: `${hit.reason ?? `“${it.text}”按“${hit.def.heading}”识别`}，已使用标准标题`, path: `sections.${hit.key}` });
      return;
    }
    if (i < firstHeading) {
      if (titleParts.has(i)) return;
      if (titleIndex >= 0 && i < titleIndex) {
        toUnplaced(it.text, isPortalChrome(it.text) ? '网页上的附加信息' : '标题前的文字');
        return;
      }
      addText(it, preface, 'preface');
      return;
    }
    const sec = sections[current!];
    const def = template.sections.find((s) => s.key === current)!;
    // Pieces of a table header that a copy left outside the table.
    if (def.table && (tableLabelKind(it.text) !== undefined || tableLabelCoverage(it.text) >= 0.8)) {
      if (!headerTextLogged.has(it.text)) log.push({ kind: 'recognised', message: `“${quoteOf(it.text)}”是表格的表头文字，已随表格识别`, path: `sections.${current}` });
      headerTextLogged.add(it.text);
      return;
    }
    addText(it, sec.blocks, `sections.${current}`);
  });
  if (removedGuidance) log.push({ kind: 'recognised', message: `共删除 ${removedGuidance} 段模板说明文字` });
  if (inlineHeadings) log.push({ kind: 'guessed', message: `有 ${inlineHeadings} 个“（一）”级小标题与正文印在同一段中，已拆为小标题和正文` });

  // 4. Tables.
  const tables = recogniseTables(fragments);
  for (const e of tables.log) log.push(e);
  for (const u of tables.unplaced) for (const c of chunk(u)) unplaced.push(block('paragraph', c));

  if (!headingAt.size && !tables.found.length) throw new ImportError('not-a-report', NOT_A_REPORT);

  for (const def of template.sections) {
    if (![...headingAt.values()].some((h) => h.key === def.key)) log.push({ kind: 'warning', message: `没有找到章节“${def.heading}”`, path: `sections.${def.key}` });
  }

  // 5. Unit, year, level.
  const fromTitle = title ? parseTitle(title) : {};
  const fromFile = opts.fileName ? parseTitle(opts.fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '')) : {};
  let unitName = fromTitle.unit ?? '';
  if (unitName) log.push({ kind: 'recognised', message: `从标题中读出单位名称“${unitName}”`, path: 'unit' });
  else if (opts.unitName) {
    unitName = opts.unitName;
    log.push({ kind: 'guessed', message: `标题中没有单位名称，使用“${unitName}”`, path: 'unit' });
  } else if (signature.unit) {
    unitName = signature.unit;
    log.push({ kind: 'guessed', message: `标题中没有单位名称，按落款使用“${unitName}”`, path: 'unit' });
  } else if (fromFile.unit) {
    unitName = fromFile.unit;
    log.push({ kind: 'guessed', message: `标题中没有单位名称，按文件名使用“${unitName}”`, path: 'unit' });
  } else log.push({ kind: 'warning', message: '没有找到单位名称，请在报告信息中填写', path: 'unit' });
  if (opts.unitName && fromTitle.unit && opts.unitName !== fromTitle.unit) {
    log.push({ kind: 'warning', message: `文件中的单位名称“${fromTitle.unit}”与当前单位“${opts.unitName}”不同，请确认`, path: 'unit' });
  }
  unitName = unitName.slice(0, 200);

  let year = validYear(fromTitle.year);
  if (year) log.push({ kind: 'recognised', message: `从标题中读出年度 ${year}`, path: 'year' });
  else {
    const period = findPeriodYear([...preface, ...sections.s1.blocks].map((b) => b.text).join('\n'));
    const candidates: Array<[number | undefined, string]> = [
      [opts.year, '使用当前选择的年度'],
      [period, '按正文中的统计期限'],
      [fromFile.year, '按文件名'],
      [signature.date ? Number(signature.date.slice(0, 4)) - 1 : undefined, '按落款日期的上一年'],
    ];
    const found = candidates.find(([y]) => validYear(y));
    year = found ? validYear(found[0])! : new Date().getFullYear() - 1;
    log.push({ kind: 'guessed', message: `标题中没有年度，${found ? found[1] : '按去年'}设为 ${year} 年`, path: 'year' });
  }

  const level = unitName ? guessUnitLevel(unitName) : { level: 'other' as const, reason: '没有单位名称，单位类型设为“其他机关”' };
  log.push({ kind: 'guessed', message: level.reason, path: 'unit.level' });

  let finalTitle = title;
  if (!finalTitle) {
    finalTitle = unitName ? defaultTitle(unitName, year) : `${year}年政府信息公开工作年度报告`;
    log.push({ kind: 'guessed', message: `没有找到标题，已按标准格式生成“${finalTitle}”`, path: 'title' });
  } else log.push({ kind: 'recognised', message: `标题：“${finalTitle}”`, path: 'title' });
  finalTitle = finalTitle.slice(0, 300);

  // 6. Limits of the model: overflow goes to the unplaced list, never lost.
  if (preface.length > 200) {
    for (const b of preface.splice(200)) unplaced.push(b);
    log.push({ kind: 'unplaced', message: '前言超过 200 段，多出的段落已放入未识别内容', path: 'preface' });
  }
  for (const key of SECTION_KEYS) {
    if (sections[key].blocks.length > 5000) {
      for (const b of sections[key].blocks.splice(5000)) unplaced.push(b);
      log.push({ kind: 'unplaced', message: `${sections[key].heading}超过 5000 段，多出的段落已放入未识别内容`, path: `sections.${key}` });
    }
  }

  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    id: newId('r'),
    templateId: template.id,
    templateVersion: template.version,
    unit: { name: unitName, level: level.level },
    year,
    title: finalTitle,
    preface,
    sections,
    values: tables.values,
    rawValues: tables.rawValues,
    signature: { unit: signature.unit.slice(0, 200), date: signature.date },
    yearMentions: [],
    unplaced,
    ...(tables.legacy ? { legacy: tables.legacy } : {}),
  };
  const valid = ReportSchema.safeParse(report);
  if (!valid.success) {
    const first = valid.error.issues[0];
    throw new ImportError('unreadable', `导入后的报告不完整（${first.path.join('.')}：${first.message}），请检查文件内容。`);
  }

  // 7. Arithmetic the printed tables already break (totals left 0, …): tell the clerk now.
  const broken = check(valid.data).filter((i) => /^H[1-4]$/.test(i.rule));
  for (const issue of broken.slice(0, 10)) log.push({ kind: 'warning', message: `原表格数字不一致：${issue.message}`, path: issue.cells[0] });
  if (broken.length > 10) log.push({ kind: 'warning', message: `原表格另有 ${broken.length - 10} 处数字不一致，请在检查结果中查看` });

  return { report: valid.data, log, format: tables.format };
}

function validYear(y: number | undefined): number | undefined {
  return y !== undefined && Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : undefined;
}

/** "统计期限自2024年1月1日起至2024年12月31日止" → 2024. */
function findPeriodYear(text: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日[^。]{0,12}?至/.exec(text) ?? /((?:19|20)\d{2})\s*年度?(政府信息公开|政务公开)?工作/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function mode(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}
