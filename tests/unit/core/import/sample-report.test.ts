import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes, importText } from '../../../../electron/core/import/import-bytes';
import { check } from '../../../../electron/core/rules/check';
import { getTemplate } from '../../../../electron/core/template/registry';

// The real report copied from a portal page (shared/samples, beside the repository): "三、" and "四、"
// behind ###/####, half-width "(一)" and "1. " labels, the 3.其他 row without its leading tabs.

const repoRoot = path.resolve(__dirname, '../../../..');
const samplePath = path.resolve(repoRoot, '../shared/samples/yexian-yandu-jiedao-2024.txt');
const sample = readFileSync(samplePath, 'utf8');

describe('叶县盐都街道办事处 2024 (copied from a web page)', () => {
  const { report, log, format } = importText(sample);

  it('reads unit, year, level and title', () => {
    expect(format).toBe('gov-disclosure-2021');
    expect(report.unit).toEqual({ name: '叶县盐都街道办事处', level: 'township' });
    expect(report.year).toBe(2024);
    expect(report.title).toBe('叶县盐都街道办事处2024年政府信息公开工作年度报告');
    expect(log.find((e) => e.path === 'unit.level')?.kind).toBe('guessed');
  });

  it('finds all six sections with their text', () => {
    for (const def of getTemplate().sections) expect(log.some((e) => e.kind === 'recognised' && e.path === `sections.${def.key}`), def.heading).toBe(true);
    const s1 = report.sections.s1.blocks;
    expect(s1.filter((b) => b.type === 'heading2').map((b) => b.text)).toEqual(['（一）工作进展与成效', '（二）依申请公开处理情况', '（三）政府信息管理强化措施', '（四）政务公开平台优化', '（五）监督保障持续改进']);
    expect(s1.filter((b) => b.type === 'paragraph')).toHaveLength(5);
    expect(s1[1].text).toMatch(/^为持续深化政务公开/);
    expect(s1[1].text).toContain('累计 556 条');
    const s5 = report.sections.s5.blocks.map((b) => b.text);
    expect(s5).toHaveLength(6);
    expect(s5[0]).toMatch(/^\(一\) 2024年，盐都街道/);
    expect(s5[4]).toMatch(/^一、建立快速响应机制/);
    expect(report.sections.s6.blocks.map((b) => b.text)).toEqual([expect.stringMatching(/^按照《国务院办公厅关于印发<政府信息公开处理费管理办法>的通知》.*没有产生政府信息公开处理费。$/)]);
    for (const k of ['s2', 's3', 's4'] as const) expect(report.sections[k].blocks).toEqual([]);
    expect(report.preface).toEqual([]);
  });

  it('puts a 0 (not a blank) in every table cell, and nothing into 未识别内容', () => {
    const t = getTemplate();
    for (const p of t.cellPaths) expect(report.values[p], p).toBe(0);
    expect(Object.keys(report.values)).toHaveLength(t.cellPaths.length);
    expect(report.unplaced).toEqual([]);
    expect(log.filter((e) => e.kind === 'unplaced')).toEqual([]);
    expect(report.rawValues).toEqual({});
  });

  it('passes the checker without errors', () => {
    expect(check(report).filter((i) => i.rule.startsWith('H'))).toEqual([]);
  });

  it('gives the same result from the file bytes (UTF-8 text file)', async () => {
    const r = await importBytes(new Uint8Array(readFileSync(samplePath)), 'yexian-yandu-jiedao-2024.txt');
    expect(r.report.values).toEqual(report.values);
    expect(r.report.title).toBe(report.title);
  });
});
