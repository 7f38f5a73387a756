import { describe, expect, it } from 'vitest';
import { check } from '../../../electron/core/rules/check';
import { buildIssueIndex } from '../../../renderer/src/editor/issue-index';
import { bytesToBase64, base64ToBytes } from '../../../renderer/src/lib/base64';
import { chineseDate, parseDateText } from '../../../renderer/src/lib/format-time';
import { groupReports, reportStatus } from '../../../renderer/src/library/report-groups';
import { completeReport } from '../../fixtures/reports';

// Small renderer helpers: dates as clerks type them, library grouping and status, issue index, base64.

describe('renderer helpers', () => {
  it('reads dates the way clerks write them', () => {
    expect(parseDateText('2026年1月20日')).toBe('2026-01-20');
    expect(parseDateText('２０２６-１-２')).toBe('2026-01-02');
    expect(parseDateText('2026/02/30')).toBeNull();
    expect(parseDateText('明天')).toBeNull();
    expect(parseDateText(' ')).toBe('');
    expect(chineseDate('2026-01-20')).toBe('2026年1月20日');
  });

  it('groups reports by unit, newest year first, filtered by unit name', () => {
    const s = (id: string, unitName: string, year: number) => ({ id, unitName, unitLevel: 'township' as const, year, title: `${unitName}${year}`, updatedAt: '', errors: 0, warnings: 0 });
    const groups = groupReports([s('a', '乙街道', 2024), s('b', '甲镇', 2024), s('c', '乙街道', 2025)], '');
    expect(groups.map((g) => [g.unitName, g.reports.map((r) => r.year)])).toEqual([
      ['乙街道', [2025, 2024]],
      ['甲镇', [2024]],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0]), 'zh-CN')));
    expect(groupReports([s('a', '乙街道', 2024), s('b', '甲镇', 2024)], '街道').map((g) => g.unitName)).toEqual(['乙街道']);
    expect(reportStatus({ errors: 3, warnings: 0 }).text).toBe('3 个错误');
    expect(reportStatus({ errors: 0, warnings: 0 }).text).toBe('可以导出');
  });

  it('indexes issues errors first, per path, per area and per table, reusing unchanged parts', () => {
    const r = completeReport();
    const bad = { ...r, values: { ...r.values, 't3.r4_carry_out.natural': 5 }, sections: { ...r.sections, s6: { ...r.sections.s6, blocks: [] } } };
    const index = buildIssueIndex(check(bad));
    expect(index.list[0].severity).toBe('error');
    expect(index.list.at(-1)?.severity).toBe('warning');
    expect(index.byPath.get('t3.r4_carry_out.natural')).toBe('error');
    expect(index.byArea.s3?.errors).toBeGreaterThan(0);
    expect(index.byArea.s6?.warnings).toBeGreaterThan(0);
    expect(buildIssueIndex(check(bad), index)).toBe(index);
  });

  it('round-trips bytes through base64', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});
