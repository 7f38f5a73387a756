import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBlock } from '../../../../electron/core/model/new-report';
import type { Report } from '../../../../electron/core/model/report';
import { check } from '../../../../electron/core/rules/check';
import { applyQuickFix, computedCells, deriveTotals, quickFixes } from '../../../../electron/core/rules/derive';
import { getTemplate } from '../../../../electron/core/template/registry';
import { completeReport } from '../../../fixtures/reports';

const t = getTemplate();
const T3 = t.table.get('t3')!;
const PARTS = ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other'];
const LEAVES = T3.rows.map((r) => r.key).filter((k) => k.startsWith('r3_') && k !== 'r3_7_total');

const rulesOf = (r: Report, previous?: Report) => [...new Set(check(r, { previous }).map((i) => i.rule))].sort();
const withValues = (r: Report, patch: Record<string, number | null>): Report => ({ ...r, values: { ...r.values, ...patch } });

/** Consistent tables: leaves, carry-in and carry-out random; 新收 solved so that H1 holds. */
const consistentValues = fc
  .record({
    leaves: fc.array(fc.array(fc.nat(40), { minLength: PARTS.length, maxLength: PARTS.length }), { minLength: LEAVES.length, maxLength: LEAVES.length }),
    carryOut: fc.array(fc.nat(10), { minLength: PARTS.length, maxLength: PARTS.length }),
    carryInShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: PARTS.length, maxLength: PARTS.length }),
    t4: fc.array(fc.nat(30), { minLength: 12, maxLength: 12 }),
    t2: fc.array(fc.nat(500), { minLength: 9, maxLength: 9 }),
    fee: fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1_000_000),
  })
  .map(({ leaves, carryOut, carryInShare, t4, t2, fee }) => {
    const v: Report['values'] = {};
    LEAVES.forEach((row, i) => PARTS.forEach((c, j) => (v[`t3.${row}.${c}`] = leaves[i][j])));
    PARTS.forEach((c, j) => {
      const done = LEAVES.reduce((a, _r, i) => a + leaves[i][j], 0);
      const carryIn = Math.floor((done + carryOut[j]) * carryInShare[j]);
      v[`t3.r2_carry_in.${c}`] = carryIn;
      v[`t3.r4_carry_out.${c}`] = carryOut[j];
      v[`t3.r1_new.${c}`] = done + carryOut[j] - carryIn;
    });
    ['review', 'lit_direct', 'lit_after'].forEach((g, i) => ['upheld', 'corrected', 'other', 'pending'].forEach((c, j) => (v[`t4.${g}.${c}`] = t4[i * 4 + j])));
    const t2cells = ['rules.issued', 'rules.repealed', 'rules.valid', 'normative.issued', 'normative.repealed', 'normative.valid', 'licensing.decisions', 'penalty.decisions', 'coercion.decisions'];
    t2cells.forEach((p, i) => (v[`t2.${p}`] = t2[i]));
    v['t2.fees.amount_wanyuan'] = fee;
    return deriveTotals(v, t);
  });

const base = completeReport({ unit: { name: '某县人民政府', level: 'county_gov' }, sections: { ...completeReport().sections, s1: { heading: '一、总体情况', blocks: [makeBlock('paragraph', '本年度依法做好政府信息公开工作。')] } } });

/** The rules a change to this cell must break (values stay non-negative integers). */
function expectedRules(path: string): string[] {
  const [tid, row] = path.split('.');
  if (tid === 't2') return [];
  if (tid === 't4') return ['H4'];
  if (row === 'r1_new' || row === 'r2_carry_in' || row === 'r4_carry_out') return ['H1', 'H3'];
  if (row === 'r3_7_total') return ['H1', 'H2', 'H3'];
  return ['H2', 'H3'];
}

describe('check: property-based', () => {
  it('is silent on any consistent report', () => {
    fc.assert(
      fc.property(consistentValues, (values) => {
        expect(check({ ...base, values })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('perturbing one cell fires exactly the rules that cell breaks, each naming that cell', () => {
    const cells = [...t.cellKind.keys()];
    fc.assert(
      fc.property(consistentValues, fc.constantFrom(...cells), fc.integer({ min: 1, max: 50 }), (values, cell, delta) => {
        const issues = check({ ...base, values: { ...values, [cell]: (values[cell] ?? 0) + delta } });
        expect([...new Set(issues.map((i) => i.rule))].sort()).toEqual(expectedRules(cell));
        for (const i of issues) expect(i.cells).toContain(cell);
      }),
      { numRuns: 400 },
    );
  });

  it('a negative or fractional count adds H5 on that cell only', () => {
    fc.assert(
      fc.property(consistentValues, fc.constantFrom(...[...t.cellKind.entries()].filter(([, k]) => k !== 'amount').map(([p]) => p)), fc.constantFrom(-1, 0.5), (values, cell, bad) => {
        const issues = check({ ...base, values: { ...values, [cell]: bad } }).filter((i) => i.rule === 'H5');
        expect(issues).toHaveLength(1);
        expect(issues[0].cells).toEqual([cell]);
      }),
      { numRuns: 100 },
    );
  });

  it('deriveTotals makes H2, H3 and H4 hold for any parts', () => {
    fc.assert(
      fc.property(consistentValues, fc.constantFrom(...[...t.cellKind.keys()].filter((p) => !computedCells(t).has(p))), fc.nat(99), (values, cell, n) => {
        const r = { ...base, values: deriveTotals({ ...values, [cell]: n }, t) };
        expect(check(r).filter((i) => ['H2', 'H3', 'H4'].includes(i.rule))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('check: each rule on a minimal violation', () => {
  it('H1 per column, with the four cells and a Chinese message', () => {
    const r = withValues(base, { 't3.r4_carry_out.research': 3 });
    const h1 = check(r).filter((i) => i.rule === 'H1');
    expect(h1.map((i) => i.cells)).toEqual([
      ['t3.r1_new.research', 't3.r2_carry_in.research', 't3.r3_7_total.research', 't3.r4_carry_out.research'],
    ]);
    expect(h1[0].severity).toBe('error');
    expect(h1[0].message).toBe('表三“科研机构”列：第一项加第二项之和（0）应等于第三项加第四项之和（3）');
  });

  it('H4 names the group and its five cells', () => {
    const h4 = check(withValues(base, { 't4.lit_after.total': 0 })).filter((i) => i.rule === 'H4');
    expect(h4).toHaveLength(1);
    expect(h4[0].message).toContain('行政诉讼·复议后起诉');
    expect(h4[0].cells[0]).toBe('t4.lit_after.total');
  });

  it('H5: the fee may have 6 decimals but not 7, and never be negative', () => {
    expect(rulesOf(withValues(base, { 't2.fees.amount_wanyuan': 24252.311082 }))).toEqual([]);
    expect(rulesOf(withValues(base, { 't2.fees.amount_wanyuan': 0.000001 + 5 }))).toEqual([]); // float noise is not a 7th decimal
    expect(check(withValues(base, { 't2.fees.amount_wanyuan': 1.1234567 })).map((i) => i.rule)).toEqual(['H5']);
    expect(check(withValues(base, { 't2.fees.amount_wanyuan': -2 }))[0].message).toContain('不能为负数');
  });

  it('H6: blanks and "/" are reported per row, the "/" named as such; 0 is not blank', () => {
    const r = { ...withValues(base, { 't2.rules.issued': null, 't2.rules.repealed': null }), rawValues: { 't2.rules.issued': '/' } };
    const h6 = check(r).filter((i) => i.rule === 'H6');
    expect(h6).toHaveLength(1);
    expect(h6[0].cells).toEqual(['t2.rules.issued', 't2.rules.repealed']);
    expect(h6[0].message).toContain('“/”');
    const missing = { ...base, values: Object.fromEntries(Object.entries(base.values).filter(([p]) => p !== 't4.review.pending')) };
    expect(check(missing).find((i) => i.rule === 'H6')?.cells).toEqual(['t4.review.pending']);
  });

  it('S1 compares 上年结转 with last year’s 结转下年度, per column, only when last year is given', () => {
    const previous = withValues(base, { 't3.r4_carry_out.natural': 5 });
    previous.year = 2024;
    const issues = check(base, { previous }).filter((i) => i.rule === 'S1');
    expect(issues.map((i) => i.cells)).toEqual([['t3.r2_carry_in.natural']]);
    expect(issues[0].severity).toBe('warning');
    expect(issues[0].message).toContain('2024年');
    expect(check(base).some((i) => i.rule === 'S1')).toBe(false);
  });

  it('S1 and S2 also work from the baseline a roll-forward stores', () => {
    const r: Report = { ...base, baseline: { year: 2024, values: { 't3.r4_carry_out.natural': 2, 't2.normative.valid': 11 }, problems: [] } };
    expect(rulesOf(r)).toEqual(['S2']);
    expect(check({ ...r, baseline: { ...r.baseline!, values: { 't2.normative.valid': 10 } } })).toEqual([]);
  });

  it('S2 asks for a reason when the stock does not follow 上年 + 制发 − 废止', () => {
    const previous = withValues(base, { 't2.normative.valid': 20 });
    const s2 = check(base, { previous }).filter((i) => i.rule === 'S2');
    expect(s2).toHaveLength(1);
    expect(s2[0].cells).toEqual(['t2.normative.valid', 't2.normative.issued', 't2.normative.repealed']);
    expect(s2[0].message).toContain('＝22');
  });

  it('S3 compares figures quoted in the text with the tables', () => {
    const block = makeBlock('paragraph', '2025年共收到政府信息公开申请25件，上年结转2件，办结21件，结转下年度继续办理2件。发生行政复议3起，行政诉讼1件。');
    const r: Report = { ...completeReport(), sections: { ...completeReport().sections, s1: { heading: '一、总体情况', blocks: [block] } } };
    const s3 = check(r).filter((i) => i.rule === 'S3');
    expect(s3.map((i) => i.cells)).toEqual([
      [`sections.s1.${block.id}`, 't3.r1_new.total'],
      [`sections.s1.${block.id}`, 't4.review.total'],
    ]);
    expect(s3[0].message).toBe('正文中“收到政府信息公开申请25件”写的是 25，表格中本年新收申请为 21');
  });

  it('S3 reads "未收到…申请" and "未发生…行政复议" as zero, and ignores rates and years', () => {
    const zero = (text: string, patch: Record<string, number>) => {
      const b = makeBlock('paragraph', text);
      const r: Report = { ...withValues(completeReport(), patch), sections: { ...completeReport().sections, s1: { heading: '一、总体情况', blocks: [b] } } };
      return check(r).filter((i) => i.rule === 'S3').map((i) => i.cells.slice(1).join());
    };
    expect(zero('本年度未收到政府信息公开申请。', {})).toEqual(['t3.r1_new.total']);
    expect(zero('全年未发生政府信息公开行政复议案件。', {})).toEqual(['t4.review.total']);
    expect(zero('按时答复率100%，2025年收到申请同比增长15件。', {})).toEqual([]);
    expect(zero('收到群众来信5件。', {})).toEqual([]);
  });

  it('S5 when section 六 does not mention 信息处理费', () => {
    const r = completeReport();
    r.sections.s6 = { heading: '六、其他需要报告的事项', blocks: [makeBlock('paragraph', '无。')] };
    expect(check(r).map((i) => [i.rule, i.cells])).toEqual([['S5', ['sections.s6']]]);
  });

  it('S6 when section 五 is empty, only "无", or only the suggested sub-headings', () => {
    const r = completeReport();
    for (const blocks of [[], [makeBlock('paragraph', ' 无 ')], [makeBlock('heading2', '（一）存在的主要问题'), makeBlock('paragraph', '')]]) {
      r.sections.s5 = { heading: '五、存在的主要问题及改进情况', blocks };
      expect(rulesOf(r)).toEqual(['S6']);
    }
  });

  it('S8 when a 街道 or a department reports 规章, not for a county government', () => {
    const r = withValues(completeReport(), { 't2.rules.issued': 2, 't2.rules.valid': 2 });
    expect(check(r).filter((i) => i.rule === 'S8').map((i) => i.cells)).toEqual([['t2.rules.issued', 't2.rules.valid']]);
    expect(check({ ...r, unit: { ...r.unit, level: 'department' } }).some((i) => i.rule === 'S8')).toBe(true);
    expect(check({ ...r, unit: { ...r.unit, level: 'county_gov' } }).some((i) => i.rule === 'S8')).toBe(false);
  });
});

describe('totals and the quick fix', () => {
  it('derives every 总计 from its parts, and leaves totals of blank parts blank', () => {
    const v = deriveTotals({ 't3.r3_1_open.natural': 2, 't3.r3_1_open.other': 1, 't3.r3_5_2_repeat.commercial': 4, 't4.review.upheld': 1 }, t);
    expect(v['t3.r3_1_open.total']).toBe(3);
    expect(v['t3.r3_7_total.natural']).toBe(2);
    expect(v['t3.r3_7_total.commercial']).toBe(4);
    expect(v['t3.r3_7_total.total']).toBe(7);
    expect(v['t4.review.total']).toBe(1);
    expect(v['t4.lit_direct.total']).toBeUndefined();
    expect(v['t3.r1_new.total']).toBeUndefined();
    expect(computedCells(t).has('t3.r1_new.total')).toBe(true);
    expect(computedCells(t).has('t3.r4_carry_out.natural')).toBe(false);
  });

  it('fills 四、结转下年度继续办理 = 一 + 二 − （七）总计 per column and clears H1', () => {
    const r = withValues(base, { 't3.r4_carry_out.natural': null, 't3.r4_carry_out.commercial': 9 });
    expect(rulesOf(r)).toContain('H1');
    const fixes = quickFixes(withValues(r, {}));
    expect(fixes).toHaveLength(1);
    expect(fixes[0].values).toEqual({ 't3.r4_carry_out.natural': 2, 't3.r4_carry_out.commercial': 0 });
    const fixed = applyQuickFix(r, fixes[0]);
    expect(check(fixed).filter((i) => i.rule.startsWith('H'))).toEqual([]);
  });
});
