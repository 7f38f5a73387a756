import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../../electron/core/import/import-bytes';
import { findYearMentions, problemParagraphs, rollForward } from '../../../../electron/core/import/roll-forward';
import { makeBlock } from '../../../../electron/core/model/new-report';
import { ReportSchema } from '../../../../electron/core/model/report';
import { check } from '../../../../electron/core/rules/check';
import { completeReport } from '../../../fixtures/reports';

/** The repository; the shared samples live beside it (../shared, also in CI). */
const repoRoot = path.resolve(__dirname, '../../../..');

const last = completeReport();

describe('rollForward', () => {
  const { report, log } = rollForward(last);

  it('makes a valid report for the next year with a new id and the title updated', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.year).toBe(2026);
    expect(report.id).not.toBe(last.id);
    expect(report.title).toBe('某市某区某街道办事处2026年政府信息公开工作年度报告');
    expect(report.unit).toEqual(last.unit);
    expect(log.find((e) => e.path === 'title')?.kind).toBe('recognised');
  });

  it('carries 结转下年度 into 上年结转 per column and leaves every other number blank', () => {
    for (const c of ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other', 'total']) {
      expect(report.values[`t3.r2_carry_in.${c}`]).toBe(last.values[`t3.r4_carry_out.${c}`]);
    }
    expect(Object.keys(report.values).every((k) => k.startsWith('t3.r2_carry_in.'))).toBe(true);
    expect(report.rawValues).toEqual({});
  });

  it('keeps last year\'s carry-out, stock and problems as the baseline', () => {
    expect(report.baseline?.year).toBe(2025);
    expect(report.baseline?.values['t3.r4_carry_out.natural']).toBe(2);
    expect(report.baseline?.values['t2.normative.valid']).toBe(12);
    expect(report.baseline?.values['t2.rules.valid']).toBe(0);
    expect(report.baseline?.problems).toEqual(['一是主动公开的及时性有待提高；二是政策解读形式较为单一。']);
  });

  it('carries the text as a draft, every block marked stale, with new block ids', () => {
    expect(report.preface.map((b) => b.text)).toEqual(last.preface.map((b) => b.text));
    for (const k of ['s1', 's5', 's6'] as const) {
      expect(report.sections[k].blocks.map((b) => [b.type, b.text])).toEqual(last.sections[k].blocks.map((b) => [b.type, b.text]));
      expect(report.sections[k].blocks.every((b) => b.stale === true)).toBe(true);
    }
    const ids = new Set(last.sections.s1.blocks.map((b) => b.id));
    expect(report.sections.s1.blocks.some((b) => ids.has(b.id))).toBe(false);
  });

  it('lists the old year and period for review without replacing them', () => {
    const quotes = report.yearMentions.map((m) => m.quote);
    expect(quotes).toContain('2025年1月1日起至2025年12月31日止');
    expect(quotes).toContain('2025年');
    expect(report.yearMentions.every((m) => m.reviewed === false)).toBe(true);
    const m = report.yearMentions.find((x) => x.path === 'sections.s1')!;
    expect(report.sections.s1.blocks.find((b) => b.id === m.blockId)?.text).toContain(m.quote);
    expect(report.preface[0].text).toContain('2025年1月1日起至2025年12月31日止');
  });

  it('clears the signature date and keeps the unit', () => {
    expect(report.signature).toEqual({ unit: last.signature.unit, date: '' });
  });

  it('makes the checker compare with last year (S1) when the clerk changes 上年结转, without a previous report', () => {
    expect(check(report).filter((i) => i.rule === 'S1')).toEqual([]);
    const edited = { ...report, values: { ...report.values, 't3.r2_carry_in.natural': 5 } };
    const s1 = check(edited).filter((i) => i.rule === 'S1');
    expect(s1).toHaveLength(1);
    expect(s1[0].cells).toEqual(['t3.r2_carry_in.natural']);
    expect(s1[0].message).toContain('2025');
    const s2 = check({ ...report, values: { ...report.values, 't2.normative.issued': 1, 't2.normative.repealed': 0, 't2.normative.valid': 20 } }).filter((i) => i.rule === 'S2');
    expect(s2).toHaveLength(1);
  });
});

describe('roll-forward details', () => {
  it('replaces the year in a custom title when it appears once, and leaves it otherwise', () => {
    const a = rollForward({ ...last, title: '关于某街道2025年度政务公开工作的报告' });
    expect(a.report.title).toBe('关于某街道2026年度政务公开工作的报告');
    expect(a.log.find((e) => e.path === 'title')?.kind).toBe('guessed');
    const b = rollForward({ ...last, title: '2025年某街道报告（2025年度）' });
    expect(b.report.title).toBe('2025年某街道报告（2025年度）');
    expect(b.log.find((e) => e.path === 'title')?.kind).toBe('warning');
    expect(b.report.yearMentions.filter((m) => m.path === 'title').length).toBe(2);
  });

  it('rolls to a chosen year', () => {
    const r = rollForward(last, 2027);
    expect(r.report.year).toBe(2027);
    expect(r.report.title).toContain('2027年');
  });

  it('finds year mentions in their usual forms', () => {
    expect(findYearMentions('统计期限为2024年1月1日至12月31日。今年共办理。2024 年度工作。去年结转。2023年问题。2024-01-20', 2024)).toEqual([
      '2024年1月1日至12月31日',
      '今年',
      '2024 年度',
      '去年',
      '2023年',
      '2024',
    ]);
  });

  it('picks the problems out of section 五 with or without sub-headings', () => {
    const sample = importText(readFileSync(path.resolve(repoRoot, '../shared/samples/yexian-yandu-jiedao-2024.txt'), 'utf8')).report;
    const p = problemParagraphs(sample.sections.s5.blocks);
    expect(p).toHaveLength(3);
    expect(p[1]).toMatch(/^一是政务信息公开的主动性有待加强/);
    expect(p.join('')).not.toContain('建立快速响应机制');
    const structured = [makeBlock('heading2', '（一）存在的主要问题'), makeBlock('paragraph', '公开深度不够。'), makeBlock('paragraph', '解读形式单一。'), makeBlock('heading2', '（二）改进情况'), makeBlock('paragraph', '加强培训，问题已解决。')];
    expect(problemParagraphs(structured)).toEqual(['公开深度不够。', '解读形式单一。']);
  });

  it('rolls an imported report (blank cells stay blank in the baseline)', () => {
    const { report } = rollForward({ ...last, values: { ...last.values, 't3.r4_carry_out.natural': null } });
    expect(report.values['t3.r2_carry_in.natural']).toBeUndefined();
    expect(report.baseline?.values['t3.r4_carry_out.natural']).toBeNull();
  });
});
