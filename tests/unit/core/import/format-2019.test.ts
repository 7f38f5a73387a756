import { describe, expect, it } from 'vitest';
import type { DocContent } from '../../../../electron/core/import/doc-content';
import { importText } from '../../../../electron/core/import/import-bytes';
import { recogniseReport } from '../../../../electron/core/import/recognise';
import { getTemplate } from '../../../../electron/core/template/registry';
import { gridTable, para, tableAsTabText } from '../../../fixtures/import/build';

// A 2019-format (试行) report — still published for 2022 (§7 #9) — mapped onto the 2021 cells as in
// format-spec §5.1: 本年新制作数量 → 本年制发件数, 处理决定数量 copied, （六）其他处理 → 3.其他 (guessed),
// everything without a 2021 cell kept in report.legacy with its printed labels.

const T19 = 'gov-disclosure-2019';
const t3rows = getTemplate(T19).table.get('t3')!.rows.map((r) => r.key);
const values19: Record<string, string> = {
  't2.rules.made': '0', 't2.rules.published': '0', 't2.rules.total_public': '0',
  't2.normative.made': '5', 't2.normative.published': '4', 't2.normative.total_public': '30',
  't2.licensing.prev_items': '10', 't2.licensing.delta': '-2', 't2.licensing.decisions': '120',
  't2.other_services.prev_items': '6', 't2.other_services.delta': '1', 't2.other_services.decisions': '40',
  't2.penalty.prev_items': '12', 't2.penalty.delta': '0', 't2.penalty.decisions': '33',
  't2.coercion.prev_items': '2', 't2.coercion.delta': '0', 't2.coercion.decisions': '1',
  't2.fees.prev_items': '3', 't2.fees.delta': '0',
  't2.procurement.items': '2', 't2.procurement.amount': '251000元',
};
for (const r of t3rows) for (const c of ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other', 'total']) values19[`t3.${r}.${c}`] = '0';
Object.assign(values19, {
  't3.r1_new.natural': '4', 't3.r1_new.total': '4',
  't3.r3_1_open.natural': '2', 't3.r3_1_open.total': '2',
  't3.r3_6_other.natural': '1', 't3.r3_6_other.total': '1',
  't3.r3_7_total.natural': '3', 't3.r3_7_total.total': '3',
  't3.r4_carry_out.natural': '1', 't3.r4_carry_out.total': '1',
});
for (const g of ['review', 'lit_direct', 'lit_after']) for (const c of ['upheld', 'corrected', 'other', 'pending', 'total']) values19[`t4.${g}.${c}`] = '0';

function content(): DocContent {
  const cell = (p: string) => values19[p] ?? '';
  return {
    blocks: [
      para('某县某镇人民政府2022年政府信息公开工作年度报告', { centered: true }),
      para('一、总体情况'),
      para('本年度，我镇认真贯彻落实《条例》。'),
      para('二、行政机关主动公开政府信息情况'),
      gridTable(T19, 't2', cell),
      para('三、行政机关收到和处理政府信息公开申请情况'),
      para('编写说明：可先适当综述。要注意数据间的逻辑关系：第一项加第二项之和，等于第三项加第四项之和。‘其他处理’项目：主要考虑极少数特殊情况。'),
      gridTable(T19, 't3', cell),
      para('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'),
      gridTable(T19, 't4', cell),
      para('五、政府信息公开工作存在的主要问题及改进情况'),
      para('一是公开内容不够全面。'),
      para('六、其他需要报告的事项'),
      para('无。'),
    ],
    notes: [],
  };
}

describe('2019 format', () => {
  const check19 = (r: ReturnType<typeof recogniseReport>) => {
    expect(r.format).toBe(T19);
    const v = r.report.values;
    expect(v['t2.rules.issued']).toBe(0);
    expect(v['t2.normative.issued']).toBe(5);
    expect(v['t2.licensing.decisions']).toBe(120);
    expect(v['t2.penalty.decisions']).toBe(33);
    expect(v['t2.coercion.decisions']).toBe(1);
    expect(v['t2.normative.repealed']).toBeUndefined();
    expect(v['t2.normative.valid']).toBeUndefined();
    expect(v['t2.fees.amount_wanyuan']).toBeUndefined();
    expect(v['t3.r3_6_3_other.natural']).toBe(1);
    expect(v['t3.r3_6_1_no_correction.natural']).toBeUndefined();
    expect(v['t3.r1_new.total']).toBe(4);
    expect(v['t4.review.total']).toBe(0);
    const legacy = r.report.legacy!;
    expect(legacy.templateId).toBe(T19);
    expect(legacy.values).toMatchObject({
      't2.normative.published': 4,
      't2.normative.total_public': 30,
      't2.licensing.prev_items': 10,
      't2.licensing.delta': -2,
      't2.other_services.decisions': 40,
      't2.fees.prev_items': 3,
      't2.procurement.items': 2,
      't2.procurement.amount': 25.1,
    });
    expect(legacy.labels['t2.procurement.amount']).toBe('表二·第二十条第（九）项·政府集中采购·采购总金额');
    expect(legacy.labels['t2.normative.published']).toContain('本年新公开数量');
    expect(r.log.some((e) => e.kind === 'guessed' && e.path === 't3.r3_6_3_other')).toBe(true);
    expect(r.log.some((e) => e.message.includes('本年新制作数量') && e.message.includes('本年制发件数'))).toBe(true);
    expect(r.log.some((e) => e.message.includes('2019 年格式中有'))).toBe(true);
  };

  it('maps a DOCX-like 2019 report onto the 2021 cells and keeps the rest as legacy', () => {
    const r = recogniseReport(content());
    check19(r);
    expect(r.report.year).toBe(2022);
    expect(r.report.unit).toEqual({ name: '某县某镇人民政府', level: 'township' });
    expect(r.report.sections.s5.blocks.map((b) => b.text)).toEqual(['一是公开内容不够全面。']);
    expect(JSON.stringify(r.report.sections)).not.toContain('编写说明');
    expect(r.report.unplaced).toEqual([]);
  });

  it('reads the same report copied from a web page', () => {
    const text = content()
      .blocks.map((b) => (b.kind === 'table' ? tableAsTabText(b) : b.text))
      .join('\n');
    check19(importText(text));
  });

  it('detects the format from the headers, not the year', () => {
    const c = content();
    const title = c.blocks[0];
    if (title.kind === 'paragraph') title.text = '某县某镇人民政府2019年政府信息公开工作年度报告';
    expect(recogniseReport(c).format).toBe(T19);
  });
});
