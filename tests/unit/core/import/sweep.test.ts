import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes, importText } from '../../../../electron/core/import/import-bytes';
import type { ImportResult } from '../../../../electron/core/import/import-result';
import type { Report } from '../../../../electron/core/model/report';
import { check } from '../../../../electron/core/rules/check';
import { buildDocx10 } from '../../../fixtures/import/sweep/10-docx';
import { A, B, C, T3_COLS, T4_A, T4_B, t3Values, t4Values } from '../../../fixtures/import/sweep/data';

// The robustness sweep: realistic reports in the shapes real ones are published in (web copies, PDF
// text, portal pages, Word files; the variants and errors of format-spec §7), each imported and
// compared cell by cell with the numbers it was written from (tests/fixtures/import/sweep/data.ts).

const dir = path.resolve(__dirname, '../../../fixtures/import/sweep');
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));

async function load(name: string): Promise<ImportResult & { ms: number }> {
  const t0 = performance.now();
  const r = await importBytes(bytes(name), name);
  return { ...r, ms: performance.now() - t0 };
}

/** Every expected cell equals the imported value (null = blank). */
function expectCells(report: Report, expected: Record<string, number | null>) {
  const diffs = Object.entries(expected)
    .filter(([k, v]) => (report.values[k] ?? null) !== v)
    .map(([k, v]) => `${k}: expected ${v}, got ${report.values[k] ?? null}`);
  expect(diffs).toEqual([]);
}

const firstWords = (r: Report) => Object.fromEntries(Object.entries(r.sections).map(([k, s]) => [k, s.blocks[0]?.text.slice(0, 8) ?? '']));
const unplacedText = (r: Report) => r.unplaced.map((b) => b.text);
const guesses = (r: ImportResult) => r.log.filter((e) => e.kind === 'guessed').map((e) => e.message);
const hardIssues = (r: Report) => check(r).filter((i) => /^H[1-4]$/.test(i.rule));

const t2 = (rules: number[], normative: number[], lic: number, pen: number, coe: number, fee: number) => ({
  't2.rules.issued': rules[0],
  't2.rules.repealed': rules[1],
  't2.rules.valid': rules[2],
  't2.normative.issued': normative[0],
  't2.normative.repealed': normative[1],
  't2.normative.valid': normative[2],
  't2.licensing.decisions': lic,
  't2.penalty.decisions': pen,
  't2.coercion.decisions': coe,
  't2.fees.amount_wanyuan': fee,
});

describe('sweep 01: web copy, merged labels printed once, rows with fewer leading tabs', async () => {
  const r = await load('01-web-tabs.txt');
  it('reads title, unit, year, sections and 落款', () => {
    expect(r.ms).toBeLessThan(1000);
    expect(r.format).toBe('gov-disclosure-2021');
    expect(r.report.title).toBe('青石县自然资源局2024年政府信息公开工作年度报告');
    expect(r.report.unit).toEqual({ name: '青石县自然资源局', level: 'department' });
    expect(r.report.year).toBe(2024);
    expect(r.report.signature).toEqual({ unit: '青石县自然资源局', date: '2025-01-20' });
    expect(r.report.preface[0].text).toMatch(/^本报告根据《中华人民共和国政府信息公开条例》/);
    expect(firstWords(r.report)).toEqual({ s1: '（一）主动公开情', s2: '', s3: '', s4: '', s5: '一是政策解读形式', s6: '本年度未收取信息' });
    expect(r.report.sections.s1.blocks.filter((b) => b.type === 'heading2')).toHaveLength(5);
  });
  it('reads every cell, including the rows printed with fewer leading tabs', () => {
    expectCells(r.report, { ...t3Values(A), ...t4Values(T4_A), ...t2([0, 0, 0], [5, 2, 38], 126, 45, 3, 12.5) });
    expect(r.report.values['t3.r3_6_3_other.other']).toBe(1);
    expect(r.report.values['t3.r3_5_2_repeat.commercial']).toBe(1);
    expect(r.report.values['t3.r3_7_total.total']).toBe(41);
    expect(hardIssues(r.report)).toEqual([]);
  });
  it('puts only the portal line into 未识别内容', () => {
    expect(unplacedText(r.report)).toEqual(['发布时间：2025-01-22 来源：青石县自然资源局 浏览次数：312']);
    expect(r.report.rawValues).toEqual({});
  });
});

describe('sweep 02: pdftotext -layout, wrapped labels, page numbers and a repeated header inside table 三', async () => {
  const r = await load('02-pdf-layout.txt');
  it('reads title, unit, year and sections; drops page numbers and running heads', () => {
    expect(r.ms).toBeLessThan(1000);
    expect(r.report.title).toBe('江川市人民政府2023年政府信息公开工作年度报告');
    expect(r.report.unit).toEqual({ name: '江川市人民政府', level: 'city_gov' });
    expect(r.report.year).toBe(2023);
    expect(r.report.signature).toEqual({ unit: '江川市人民政府办公室', date: '2024-03-25' });
    expect(r.report.preface).toHaveLength(1);
    expect(r.report.preface[0].text).toMatch(/六部分组成。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。$/);
    expect(firstWords(r.report)).toMatchObject({ s1: '（一）主动公开情', s5: '2023年，我市', s6: '本年度全市共收取' });
    expect(r.report.sections.s5.blocks).toHaveLength(1);
    expect(r.log.some((e) => e.message === '删除了 4 个页码行')).toBe(true);
  });
  it('reads every cell of the three tables', () => {
    expectCells(r.report, { ...t3Values(B), ...t4Values(T4_B), ...t2([2, 1, 27], [18, 9, 142], 45210, 12873, 326, 24252.311082) });
    expect(r.report.values['t3.r1_new.total']).toBe(1458);
    expect(r.report.values['t3.r3_6_1_no_correction.natural']).toBe(11);
    expect(r.report.values['t3.r3_4_2_needs_creation.total']).toBe(28);
    expect(r.report.unplaced).toEqual([]);
    expect(hardIssues(r.report)).toEqual([]);
  });
});

describe('sweep 03: table 四 header flattened to one line / header cells wrapped by the copy', async () => {
  const a = await load('03a-t4-flat-header.txt');
  const b = await load('03b-t4-wrapped-header.txt');
  it('reads the flattened header table', () => {
    expect(a.report.title).toBe('白沙镇人民政府2024年政府信息公开工作年度报告');
    expect(a.report.unit.level).toBe('township');
    expectCells(a.report, { ...t3Values(C), ...t4Values([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]), ...t2([0, 0, 0], [1, 0, 4], 0, 12, 0, 0) });
    expect(a.report.unplaced).toEqual([]);
    expect(firstWords(a.report).s5).toBe('（一）存在的主要');
  });
  it('reads the wrapped header table', () => {
    expect(b.report.year).toBe(2023);
    expectCells(b.report, { ...t3Values(C), ...t4Values([0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 't2.licensing.decisions': 3, 't2.penalty.decisions': 27, 't2.coercion.decisions': 1 });
    expect(b.report.unplaced).toEqual([]);
    expect(hardIssues(b.report)).toEqual([]);
  });
});

describe('sweep 04: table 二 as four small tables; 规范性文件, "/" and a fee in 元', async () => {
  const a = await load('04a-t2-four-tables.html');
  const b = await load('04b-t2-variants.txt');
  it('joins the four small tables of table 二 (HTML)', () => {
    expect(a.report.title).toBe('东湖区司法局2024年政府信息公开工作年度报告');
    expect(a.report.signature).toEqual({ unit: '东湖区司法局', date: '2025-01-15' });
    expectCells(a.report, { ...t3Values(A), ...t4Values(T4_A), ...t2([0, 0, 0], [2, 1, 9], 58, 7, 0, 0) });
    expect(a.report.unplaced).toEqual([]);
  });
  it('keeps "/" blank, reads 规范性文件 and converts 251000元 to 万元', () => {
    expectCells(b.report, { ...t3Values(C), 't2.rules.issued': null, 't2.rules.repealed': null, 't2.rules.valid': null, 't2.normative.issued': 0, 't2.normative.repealed': 1, 't2.normative.valid': 2, 't2.fees.amount_wanyuan': 25.1 });
    expect(b.report.rawValues).toEqual({ 't2.rules.issued': '/', 't2.rules.repealed': '/', 't2.rules.valid': '/', 't2.fees.amount_wanyuan': '251000元' });
    expect(b.log.some((e) => e.path === 't2.fees.amount_wanyuan' && /25\.1 万元/.test(e.message))).toBe(true);
    expect(guesses(b)).toContain('“五、存在的主要问题及整改措施”是“五、存在的主要问题及改进情况”的另一种写法，已使用标准标题');
    expect(check(b.report).filter((i) => i.rule === 'H6').map((i) => i.cells[0])).toEqual(['t2.rules.issued']);
  });
});

describe('sweep 05: the 2019 format published for 2022', async () => {
  const r = await load('05-format-2019-in-2022.txt');
  it('detects the 2019 format from the headers and maps it', () => {
    expect(r.format).toBe('gov-disclosure-2019');
    expect(r.report.year).toBe(2022);
    expect(r.report.unit).toEqual({ name: '嘉禾县螺溪镇人民政府', level: 'township' });
    const t3 = t3Values(C) as Record<string, number | null>;
    for (const c of T3_COLS) t3[`t3.r3_6_1_no_correction.${c}`] = t3[`t3.r3_6_2_no_fee.${c}`] = null;
    expectCells(r.report, { ...t3, 't2.rules.issued': 0, 't2.normative.issued': 2, 't2.normative.valid': null, 't2.licensing.decisions': 36, 't2.penalty.decisions': 9, 't2.coercion.decisions': 1, 't2.fees.amount_wanyuan': null });
    expect(r.report.values['t3.r3_6_3_other.total']).toBe(0);
  });
  it('keeps the 2019-only numbers as legacy values, with what was printed', () => {
    expect(r.report.legacy?.values).toMatchObject({ 't2.normative.total_public': 15, 't2.licensing.delta': -2, 't2.penalty.delta': 3, 't2.other_services.decisions': 14, 't2.procurement.items': 4, 't2.procurement.amount': 25.1 });
    expect(r.log.find((e) => e.path === 'legacy' && /采购总金额/.test(e.message))?.message).toBe('表二·第二十条第（九）项·政府集中采购·采购总金额：原文“251000元”，按 25.1 万元保存');
    expect(r.report.unplaced).toEqual([]);
  });
  it('says which 2021 cells the old format has no column for (not "rows not found")', () => {
    expect(r.log.some((e) => /没有找到“规章”/.test(e.message))).toBe(false);
    expect(r.log.some((e) => /2019 年格式的表二没有“本年废止件数”.*5 个单元格为空白/.test(e.message))).toBe(true);
    expect(guesses(r)).toContain('2019 年格式的“（六）其他处理”不分细项，已整体计入“3.其他”，请按实际情况拆分到 1—3 项');
  });
});

describe('sweep 06: "一．" headings, inline "（一）" sub-headings, misspelt heading 四', async () => {
  const r = await load('06-heading-variants.txt');
  it('finds all six sections and splits the inline sub-headings', () => {
    expect(r.report.title).toBe('平山县交通运输局2024年政府信息公开工作年度报告');
    const s1 = r.report.sections.s1.blocks;
    expect(s1.filter((b) => b.type === 'heading2').map((b) => b.text)).toEqual(['（一）主动公开情况', '（二）依申请公开情况', '（三）政府信息管理情况', '（四）政府信息公开平台建设情况', '（五）监督保障情况']);
    expect(s1[1]).toMatchObject({ type: 'paragraph', text: '2024年，我局通过县政府门户网站主动公开政府信息312条，发布政策解读4篇，召开新闻发布会1次。' });
    expect(r.report.sections.s5.blocks.map((b) => b.type)).toEqual(['heading2', 'paragraph', 'heading2', 'paragraph']);
    expect(r.report.sections.s5.blocks[2].text).toBe('（二）整改措施');
    expect(guesses(r)).toEqual(
      expect.arrayContaining([
        '“四、政府信息公开行政法复议、行政诉讼情况”与“四、政府信息公开行政复议、行政诉讼情况”有 1 个字不同，已使用标准标题',
        '有 7 个“（一）”级小标题与正文印在同一段中，已拆为小标题和正文',
      ]),
    );
    expect(r.log.filter((e) => e.kind === 'warning' && /没有找到章节/.test(e.message))).toEqual([]);
  });
  it('reads the tables', () => {
    expectCells(r.report, { ...t3Values(A), ...t4Values(T4_A), ...t2([0, 0, 0], [3, 0, 21], 1532, 287, 14, 0) });
    expect(r.report.unplaced).toEqual([]);
  });
});

describe('sweep 07: totals left 0, 法人 columns blank with only 总计', async () => {
  const r = await load('07-totals-blank.txt');
  it('imports as printed: blanks stay blank, the 0 totals stay 0', () => {
    expect(r.report.values['t3.r1_new.natural']).toBe(7);
    expect(r.report.values['t3.r1_new.commercial']).toBeUndefined();
    expect(r.report.values['t3.r1_new.total']).toBe(8);
    expect(r.report.values['t3.r3_4_1_not_held.total']).toBe(3);
    expect(r.report.values['t3.r3_7_total.natural']).toBe(0);
    expect(r.report.values['t3.r3_7_total.total']).toBe(0);
    expect(r.report.values['t4.review.total']).toBe(0);
    expect(r.report.values['t4.lit_after.pending']).toBe(1);
    expect(r.report.unplaced).toEqual([]);
  });
  it('check reports H1, H2, H3 and H4 on the right cells', () => {
    const issues = check(r.report);
    const at = (rule: string) => issues.filter((i) => i.rule === rule).map((i) => i.cells[0]);
    expect(at('H1')).toEqual(['t3.r1_new.natural', 't3.r1_new.total']);
    expect(at('H2')).toEqual(['t3.r3_7_total.natural', 't3.r3_7_total.total']);
    expect(at('H3')).toEqual(['t3.r1_new.total', 't3.r3_4_1_not_held.total']);
    expect(at('H4')).toEqual(['t4.review.total', 't4.lit_after.total']);
    expect(r.log.filter((e) => e.message.startsWith('原表格数字不一致')).length).toBe(8);
  });
});

describe('sweep 08: GBK portal page with <th>, spans, <p>&nbsp; cells, "1,458" and full-width digits', async () => {
  const r = await load('08-gbk-portal.html');
  it('reads the page', () => {
    expect(r.ms).toBeLessThan(1000);
    expect(r.report.title).toBe('南河市人民政府2024年政府信息公开工作年度报告');
    expect(r.report.unit.level).toBe('city_gov');
    expect(r.report.signature).toEqual({ unit: '南河市人民政府办公室', date: '2025-03-28' });
    expect(firstWords(r.report)).toMatchObject({ s1: '2024年，全市', s5: '一是部分单位政策', s6: '2024年，全市' });
    expectCells(r.report, { ...t3Values(B), ...t4Values(T4_B), ...t2([3, 1, 48], [26, 11, 233], 88412, 22031, 1207, 4166.241619) });
    expect(r.report.values['t3.r1_new.natural']).toBe(1250);
    expect(r.report.values['t3.r3_3_3_three_safety.commercial']).toBe(1);
    expect(r.report.unplaced).toEqual([]);
  });
});

describe('sweep 09: article inside a layout table', async () => {
  const r = await load('09-layout-table.html');
  it('reads the nested report tables and text', () => {
    expect(r.report.title).toBe('青山区卫生健康委员会2023年政府信息公开工作年度报告');
    expect(r.report.year).toBe(2023);
    expect(r.report.signature.date).toBe('2024-01-26');
    expectCells(r.report, { ...t3Values(A), ...t4Values(T4_A), ...t2([0, 0, 0], [1, 0, 7], 2318, 156, 0, 0.8) });
    expect(firstWords(r.report)).toMatchObject({ s1: '2023年，我委', s6: '本年度未收取信息' });
    expect(r.report.unplaced).toEqual([]);
  });
});

describe('sweep 10: Word file with bold headings, numbering.xml, vMerge and gridBefore, 落款', async () => {
  const t0 = performance.now();
  const r = await importBytes(await buildDocx10(), '青禾县市场监督管理局2024年报.docx');
  const ms = performance.now() - t0;
  it('reads title over two lines, sections with numbered sub-headings, 落款', () => {
    expect(ms).toBeLessThan(1000);
    expect(r.report.title).toBe('青禾县市场监督管理局2024年政府信息公开工作年度报告');
    expect(r.report.signature).toEqual({ unit: '青禾县市场监督管理局', date: '2025-01-20' });
    expect(r.report.sections.s1.blocks.filter((b) => b.type === 'heading2').map((b) => b.text)).toEqual(['（一）主动公开情况', '（二）依申请公开情况', '（三）政府信息管理情况']);
    expect(r.report.sections.s5.blocks.map((b) => b.text)).toEqual(['（一）存在的主要问题', '政策解读的针对性有待加强。', '（二）改进情况', '针对上年度存在的问题，我局建立了政策解读与文件同步起草机制。']);
  });
  it('reads every cell', () => {
    expectCells(r.report, { ...t3Values(A), ...t4Values(T4_A), ...t2([0, 0, 0], [4, 2, 31], 3127, 412, 9, 0) });
    expect(r.report.unplaced).toEqual([]);
    expect(hardIssues(r.report)).toEqual([]);
  });
});

describe('sweep 11: notes in number cells, "1、" numbering, an extra 表二 row', async () => {
  const r = await load('11-notes-in-cells.txt');
  it('reads the numbers and keeps the notes', () => {
    expectCells(r.report, { ...t3Values(B), ...t4Values(T4_B), ...t2([22, 3, 118], [31, 55, 206], 1260, 0, 0, 5949.088667) });
    expect(r.report.rawValues).toEqual({ 't2.rules.issued': '22（其中修订16件）', 't2.normative.repealed': '55（含自然失效29件）' });
  });
  it('puts the extra row into 未识别内容 and keeps the note under table 四 in section 四', () => {
    expect(unplacedText(r.report)).toEqual(['其他主动公开文件\t46']);
    expect(r.report.sections.s4.blocks.map((b) => b.text)).toEqual(['注：行政复议、行政诉讼数量含上年度结转数量。']);
    expect(r.report.sections.s5.blocks.map((b) => b.type)).toEqual(['heading2', 'paragraph', 'heading2', 'paragraph']);
  });
});

describe('sweep 12: title over two lines, period in the preface', async () => {
  const r = await load('12-title-two-lines.txt');
  it('joins the title and reads unit and year', () => {
    expect(r.report.title).toBe('松江县人民政府办公室2024年政府信息公开工作年度报告');
    expect(r.report.unit).toEqual({ name: '松江县人民政府办公室', level: 'department' });
    expect(r.report.year).toBe(2024);
    expect(r.report.preface.map((b) => b.text)).toEqual([expect.stringMatching(/^本报告依据.*统计期限为2024年1月1日至12月31日。.*0571-88888888）。$/)]);
    expectCells(r.report, { ...t3Values(A), ...t4Values(T4_A), 't2.normative.issued': 12, 't2.normative.repealed': 4, 't2.normative.valid': 97 });
    expect(r.report.unplaced).toEqual([]);
  });
});

describe('sweep 13: PDF reader copy, cells separated by single spaces, labels cut mid-word', async () => {
  const r = await load('13-pdf-copy-spaces.txt');
  it('rejoins the wrapped labels and reads every cell', () => {
    expect(r.report.title).toBe('东江区教育局2024年政府信息公开工作年度报告');
    expect(r.report.signature).toEqual({ unit: '东江区教育局', date: '2025-01-24' });
    expectCells(r.report, { ...t3Values(B), ...t4Values(T4_B), ...t2([0, 0, 0], [6, 3, 44], 71, 2, 0, 0) });
    expect(r.report.values['t3.r3_6_1_no_correction.total']).toBe(12);
    expect(r.report.unplaced).toEqual([]);
    expect(hardIssues(r.report)).toEqual([]);
  });
});

describe('sweep 14: web copy with every table cell on a line of its own', async () => {
  const r = await load('14-cell-per-line.txt');
  it('rebuilds the rows of all three tables', () => {
    expect(r.format).toBe('gov-disclosure-2021');
    expectCells(r.report, { ...t3Values(C), ...t4Values([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), ...t2([0, 0, 0], [0, 0, 0], 0, 6, 0, 0) });
    for (const k of ['s2', 's3', 's4'] as const) expect(r.report.sections[k].blocks).toEqual([]);
    expect(r.report.unplaced).toEqual([]);
    expect(hardIssues(r.report)).toEqual([]);
  });
});

describe('sweep 15: pdftotext -layout with the 法人 columns left blank', async () => {
  const r = await load('15-pdf-blank-columns.txt');
  it('puts each number under its column and keeps the blanks blank', () => {
    const t3 = t3Values(C) as Record<string, number | null>;
    for (const [k, x] of Object.entries(t3)) if (x === 0 && !/\.(natural|total)$/.test(k)) t3[k] = null;
    expectCells(r.report, t3);
    expect(r.report.values['t3.r1_new.commercial']).toBe(1);
    expect(r.report.values['t3.r1_new.research']).toBeUndefined();
    expect(r.report.values['t3.r1_new.total']).toBe(8);
    expect(hardIssues(r.report)).toEqual([]);
  });
  it('joins the hard-wrapped lines of a short PDF text', () => {
    expect(r.report.preface.map((b) => b.text)).toEqual(['根据《中华人民共和国政府信息公开条例》规定，现公布驼峰镇人民政府2023年度政府信息公开工作年度报告。']);
    expect(r.report.sections.s1.blocks.map((b) => b.text)).toEqual(['2023年，驼峰镇主动公开政府信息203条，新收政府信息公开申请8件，全部按期答复。']);
  });
});

describe('sweep: pasted text gives the same as the file', () => {
  it('importText of the PDF text equals importBytes', async () => {
    const text = readFileSync(path.join(dir, '02-pdf-layout.txt'), 'utf8');
    const pasted = importText(text);
    const file = await load('02-pdf-layout.txt');
    expect(pasted.report.values).toEqual(file.report.values);
    expect(pasted.report.title).toBe(file.report.title);
  });
});
