import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../../../electron/core/template/load-template';
import { BUILTIN_TEMPLATE_SOURCES, getTemplate } from '../../../../electron/core/template/registry';
import type { GridCell, TableDef } from '../../../../electron/core/template/schema';

const root = path.resolve(__dirname, '../../../../templates');
const t21 = getTemplate('gov-disclosure-2021');
const t19 = getTemplate('gov-disclosure-2019');

/** Lays the template grid out like a printed table: (row, col) → cell, with spans. */
function layout(t: TableDef) {
  const placed: Array<{ row: number; col: number; cell: GridCell }> = [];
  const occ: boolean[][] = [];
  t.grid.forEach((cells, r) => {
    occ[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (occ[r][c]) c++;
      placed.push({ row: r, col: c, cell });
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) (occ[r + dr] ??= [])[c + dc] = true;
      c += cell.colSpan ?? 1;
    }
  });
  const at = (text: string) => placed.find((p) => 'text' in p.cell && p.cell.text === text);
  return { placed, at };
}

describe('template folders', () => {
  it('every folder under templates/ is bundled, and validates with the zod schema', () => {
    const folders = readdirSync(root).filter((f) => !f.startsWith('.'));
    expect(folders.sort()).toEqual(BUILTIN_TEMPLATE_SOURCES.map((s) => s.folder).sort());
    for (const f of folders) {
      const r = loadTemplate(JSON.parse(readFileSync(path.join(root, f, 'format.json'), 'utf8')), JSON.parse(readFileSync(path.join(root, f, 'rules.json'), 'utf8')));
      expect(r.ok, r.ok ? '' : r.problems.join('\n')).toBe(true);
    }
  });

  it('rejects a template whose grid does not hold every cell, or whose rules name unknown rows', () => {
    const format = JSON.parse(readFileSync(path.join(root, 'gov-disclosure-2021', 'format.json'), 'utf8'));
    const rules = JSON.parse(readFileSync(path.join(root, 'gov-disclosure-2021', 'rules.json'), 'utf8'));
    format.tables[1].grid[5].pop();
    rules.rules[0].left = ['r9_nothing'];
    const r = loadTemplate(format, rules);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.some((p) => p.includes('网格第 6 行'))).toBe(true);
      expect(r.problems.some((p) => p.includes('r9_nothing'))).toBe(true);
    }
  });

  it('rejects a malformed template with field paths', () => {
    const r = loadTemplate({ id: 'X Y', version: 0 }, { template: 'x', rules: [{ id: 'Q1', kind: 'sumEquals' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(/format\.json id/);
  });
});

describe('2021 format: sections', () => {
  it('has the six headings exactly as printed, with the 、 of U+3001', () => {
    expect(t21.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(t21.sections.map((s) => s.table ?? null)).toEqual([null, 't2', 't3', 't4', null, null]);
    expect(t21.titlePattern).toBe('{unit}{year}年政府信息公开工作年度报告');
    expect(t21.sections[5].placeholder).toBe('（文字描述，收取信息处理费情况在此处报告。）');
  });
});

describe('2021 format: table 二 (第二十条)', () => {
  const t = t21.table.get('t2')!;
  const g = layout(t);
  it('is one 4-column table of four blocks with the printed labels', () => {
    expect(t.widths).toHaveLength(4);
    const blockHeads = g.placed.filter((p) => 'text' in p.cell && p.cell.text.startsWith('第二十条'));
    expect(blockHeads.map((p) => [p.row, p.col, p.cell.colSpan, 'text' in p.cell && p.cell.text])).toEqual([
      [0, 0, 4, '第二十条第（一）项'],
      [4, 0, 4, '第二十条第（五）项'],
      [7, 0, 4, '第二十条第（六）项'],
      [11, 0, 4, '第二十条第（八）项'],
    ]);
    for (const label of ['本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'])
      expect(g.at(label), label).toBeDefined();
    expect(g.at('本年收费金额（单位：万元）')?.cell.colSpan).toBe(3);
    expect(g.placed.filter((p) => 'text' in p.cell && p.cell.text === '本年处理决定数量').map((p) => p.cell.colSpan)).toEqual([3, 3]);
    expect(g.placed.filter((p) => 'text' in p.cell && p.cell.text === '信息内容')).toHaveLength(4);
  });
  it('has counts everywhere except the fee, which is a 万元 amount', () => {
    expect(t21.cellKind.get('t2.fees.amount_wanyuan')).toBe('amount');
    expect([...t21.cellKind.entries()].filter(([p]) => p.startsWith('t2.')).filter(([, k]) => k !== 'count').map(([p]) => p)).toEqual(['t2.fees.amount_wanyuan']);
  });
});

describe('2021 format: table 三', () => {
  const t = t21.table.get('t3')!;
  const g = layout(t);
  it('has the 3-row header with the merges of the official form', () => {
    const note = g.at('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')!;
    expect([note.row, note.col, note.cell.colSpan, note.cell.rowSpan]).toEqual([0, 0, 3, 3]);
    const applicant = g.at('申请人情况')!;
    expect([applicant.row, applicant.col, applicant.cell.colSpan]).toEqual([0, 3, 7]);
    const legal = g.at('法人或其他组织')!;
    expect([legal.row, legal.col, legal.cell.colSpan]).toEqual([1, 4, 5]);
    expect([g.at('自然人')!.row, g.at('自然人')!.col, g.at('自然人')!.cell.rowSpan]).toEqual([1, 3, 2]);
    expect([g.at('总计')!.row, g.at('总计')!.col, g.at('总计')!.cell.rowSpan]).toEqual([1, 9, 2]);
    expect(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((l) => [g.at(l)!.row, g.at(l)!.col])).toEqual([[2, 4], [2, 5], [2, 6], [2, 7], [2, 8]]);
    expect(t.headerRows).toBe(3);
    expect(t.grid).toHaveLength(28);
  });
  it('has the 25 data rows with every label exactly as printed', () => {
    expect(t.rows.map((r) => r.label)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '（一）予以公开',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
      '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
      '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
      '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
      '（七）总计',
      '四、结转下年度继续办理',
    ]);
    expect(t.columns.map((c) => c.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });
  it('merges 三、本年度办理结果 over 22 rows and the category labels over their items', () => {
    const r3 = g.at('三、本年度办理结果')!;
    expect([r3.row, r3.col, r3.cell.rowSpan]).toEqual([5, 0, 22]);
    expect(g.at('（三）不予公开')!.cell.rowSpan).toBe(8);
    expect(g.at('（四）无法提供')!.cell.rowSpan).toBe(3);
    expect(g.at('（五）不予处理')!.cell.rowSpan).toBe(5);
    expect(g.at('（六）其他处理')!.cell.rowSpan).toBe(3);
    expect([g.at('一、本年新收政府信息公开申请数量')!.cell.colSpan, g.at('四、结转下年度继续办理')!.cell.colSpan]).toEqual([3, 3]);
    expect(g.at('（七）总计')!.cell.colSpan).toBe(2);
    expect(t.cells).toHaveLength(25 * 7);
  });
});

describe('2021 format: table 四', () => {
  const t = t21.table.get('t4')!;
  const g = layout(t);
  it('has two header levels over 15 columns and one data row', () => {
    expect(t.widths).toHaveLength(15);
    expect([g.at('行政复议')!.col, g.at('行政复议')!.cell.colSpan]).toEqual([0, 5]);
    expect([g.at('行政诉讼')!.col, g.at('行政诉讼')!.cell.colSpan]).toEqual([5, 10]);
    expect([g.at('未经复议直接起诉')!.row, g.at('未经复议直接起诉')!.col, g.at('未经复议直接起诉')!.cell.colSpan]).toEqual([1, 5, 5]);
    expect([g.at('复议后起诉')!.row, g.at('复议后起诉')!.col, g.at('复议后起诉')!.cell.colSpan]).toEqual([1, 10, 5]);
    const row2 = g.placed.filter((p) => p.row === 2).map((p) => ('text' in p.cell ? p.cell.text : ''));
    expect(row2).toEqual(Array(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat());
    const data = g.placed.filter((p) => 'cell' in p.cell).map((p) => ('cell' in p.cell ? p.cell.cell : ''));
    expect(data).toHaveLength(15);
    expect(data[0]).toBe('t4.review.upheld');
    expect(data[14]).toBe('t4.lit_after.total');
  });
});

describe('2019 trial format', () => {
  it('keeps （六）其他处理 as one row (三、本年度办理结果 over 20 rows) and the five blocks of table 二', () => {
    const g = layout(t19.table.get('t3')!);
    expect(g.at('三、本年度办理结果')!.cell.rowSpan).toBe(20);
    expect(t19.table.get('t3')!.rows.find((r) => r.key === 'r3_6_other')!.label).toBe('（六）其他处理');
    const t2 = layout(t19.table.get('t2')!);
    for (const l of ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '第二十条第（九）项', '政府集中采购', '采购总金额', '其他对外管理服务事项']) expect(t2.at(l), l).toBeDefined();
  });
  it('maps onto the 2021 format as in §5.1', () => {
    const m = t19.migrateTo!;
    expect(m.template).toBe('gov-disclosure-2021');
    expect(m.cells['t2.rules.made']).toBe('t2.rules.issued');
    expect(m.cells['t3.r3_6_other.total']).toBe('t3.r3_6_3_other.total');
    expect(m.cells['t2.rules.published']).toBeUndefined();
    for (const to of Object.values(m.cells)) expect(t21.cellKind.has(to), to).toBe(true);
  });
});
