import { z } from 'zod';
import { CURRENT_TEMPLATE_ID, findTemplate } from '../template/registry';
import { parseCellText } from './cell-text';
import { defaultTitle, newId } from './new-report';
import { ReportSchema, SCHEMA_VERSION, SECTION_KEYS, type Report } from './report';

// Reading a report JSON file written by the app or by hand. Hand-written files may leave out ids,
// the template, the title, empty sections, and may give table values nested or as printed text.

export type ReportFileResult = { ok: true; report: Report; notes: string[] } | { ok: false; message: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function flattenValues(input: unknown, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isObj(input)) return out;
  for (const [k, val] of Object.entries(input)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isObj(val)) Object.assign(out, flattenValues(val, key));
    else out[key] = val;
  }
  return out;
}

function withIds(blocks: unknown): unknown {
  if (!Array.isArray(blocks)) return blocks;
  return blocks.map((b) => {
    if (typeof b === 'string') return { id: newId(), type: 'paragraph', text: b };
    if (isObj(b) && b.id === undefined) return { id: newId(), type: 'paragraph', ...b };
    return b;
  });
}

/** Fills what a hand-written report may omit; leaves everything else for the schema to judge. */
function complete(raw: Record<string, unknown>, notes: string[]): Record<string, unknown> {
  const r: Record<string, unknown> = { ...raw };
  r.schemaVersion ??= SCHEMA_VERSION;
  r.id ??= newId('r');
  r.templateId ??= CURRENT_TEMPLATE_ID;
  const t = typeof r.templateId === 'string' ? findTemplate(r.templateId) : undefined;
  r.templateVersion ??= t?.version ?? 1;
  const unit = isObj(r.unit) ? r.unit : undefined;
  if (unit && unit.level === undefined) r.unit = { ...unit, level: 'other' };
  if (r.title === undefined && unit && typeof unit.name === 'string' && typeof r.year === 'number') r.title = defaultTitle(unit.name, r.year);
  r.preface = withIds(r.preface ?? []);
  const sections = isObj(r.sections) ? { ...r.sections } : r.sections === undefined ? {} : r.sections;
  if (isObj(sections) && t) {
    for (const key of SECTION_KEYS) {
      const def = t.sections.find((s) => s.key === key)!;
      const s = sections[key];
      if (s === undefined) sections[key] = { heading: def.heading, blocks: [] };
      else if (Array.isArray(s)) sections[key] = { heading: def.heading, blocks: withIds(s) };
      else if (isObj(s)) sections[key] = { heading: def.heading, ...s, blocks: withIds(s.blocks ?? []) };
    }
  }
  r.sections = sections;
  if (r.values !== undefined && isObj(r.values)) {
    const flat = flattenValues(r.values);
    const values: Record<string, unknown> = {};
    const rawValues: Record<string, string> = isObj(r.rawValues) ? { ...(r.rawValues as Record<string, string>) } : {};
    for (const [p, val] of Object.entries(flat)) {
      if (typeof val === 'string') {
        const parsed = parseCellText(val, t?.cellKind.get(p) ?? 'count');
        if (parsed.problem) notes.push(`${p}：${parsed.problem}，按空白处理`);
        values[p] = parsed.value;
        if (parsed.note || parsed.problem) rawValues[p] = val;
      } else values[p] = val;
    }
    r.values = values;
    r.rawValues = rawValues;
  } else r.values ??= {};
  r.signature ??= { unit: unit && typeof unit.name === 'string' ? unit.name : '', date: '' };
  return r;
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '（根）';
  return `字段 “${path}”：${issue.message}`;
}

/** Parses the text of a report JSON file into a validated report, or a Chinese message naming what is wrong. */
export function parseReportJson(text: string): ReportFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    let where = '';
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const col = pos - before.lastIndexOf('\n');
      where = `（第 ${line} 行第 ${col} 列附近）`;
    }
    return { ok: false, message: `不是有效的 JSON 文件${where}：${(e as Error).message}` };
  }
  return parseReportValue(json);
}

/** Validates an already parsed value as a report file. */
export function parseReportValue(json: unknown): ReportFileResult {
  if (!isObj(json)) return { ok: false, message: '文件内容不是年报：最外层应为一个对象 { … }' };
  if (!('unit' in json) && !('year' in json) && !('values' in json) && !('sections' in json)) {
    return { ok: false, message: '文件内容不是年报：缺少 unit（单位）、year（年度）等字段' };
  }
  const notes: string[] = [];
  const parsed = ReportSchema.safeParse(complete(json, notes));
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 8).map(describeZodIssue);
    const more = parsed.error.issues.length > 8 ? `\n……另有 ${parsed.error.issues.length - 8} 处问题` : '';
    return { ok: false, message: `文件内容不是有效的年报：\n${lines.join('\n')}${more}` };
  }
  const t = findTemplate(parsed.data.templateId);
  if (!t) return { ok: false, message: `字段 “templateId”：未知的报告格式 ${parsed.data.templateId}` };
  const unknown = Object.keys(parsed.data.values).filter((p) => !t.cellKind.has(p));
  if (unknown.length) return { ok: false, message: `字段 “values”：表格中没有这些单元格：${unknown.slice(0, 5).join('、')}${unknown.length > 5 ? ' 等' : ''}` };
  return { ok: true, report: parsed.data, notes };
}
