import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectSchemaVersion, MIGRATIONS, migrateReport } from '../../../../electron/core/model/migrations';
import { ReportSchema, SCHEMA_VERSION } from '../../../../electron/core/model/report';
import { parseReportValue } from '../../../../electron/core/model/report-file';
import { cleanupDirs, openOk, tempDir, unwrap } from './helpers';

afterEach(cleanupDirs);

/** A version-0 report as the pre-release app wrote it (hand-written here). */
const V0_FILE = {
  schemaVersion: 0,
  id: 'r-old',
  templateId: 'gov-disclosure-2021',
  templateVersion: 1,
  unitName: '某县交通运输局',
  unitLevel: 'department',
  year: 2024,
  title: '某县交通运输局2024年政府信息公开工作年度报告',
  preface: [{ id: 'p1', type: 'paragraph', text: '本报告依据《中华人民共和国政府信息公开条例》编制。' }],
  sections: {
    s1: { heading: '一、总体情况', blocks: [{ id: 'b1', type: 'paragraph', text: '2024年，本局主动公开政府信息120条。' }] },
    s2: { heading: '二、主动公开政府信息情况', blocks: [] },
    s3: { heading: '三、收到和处理政府信息公开申请情况', blocks: [] },
    s4: { heading: '四、政府信息公开行政复议、行政诉讼情况', blocks: [] },
    s5: { heading: '五、存在的主要问题及改进情况', blocks: [] },
    s6: { heading: '六、其他需要报告的事项', blocks: [] },
  },
  values: { t2: { normative: { issued: 3, valid: 12 } }, t3: { r1_new: { natural: 17, commercial: 3 } } },
  signature: { unit: '某县交通运输局', date: '2025-01-20' },
};

describe('migrateReport', () => {
  it('has one ordered step per version up to SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([...Array(SCHEMA_VERSION).keys()]);
  });
  it('migrates version 0 to a valid version-1 report', () => {
    const m = migrateReport(V0_FILE);
    expect(m).toMatchObject({ from: 0, to: 1 });
    const v = m.value as Record<string, unknown>;
    expect(v.unit).toEqual({ name: '某县交通运输局', level: 'department' });
    expect(v).not.toHaveProperty('unitName');
    expect(v).not.toHaveProperty('unitLevel');
    expect(v.values).toEqual({ 't2.normative.issued': 3, 't2.normative.valid': 12, 't3.r1_new.natural': 17, 't3.r1_new.commercial': 3 });
    expect(v).toMatchObject({ rawValues: {}, yearMentions: [], unplaced: [], schemaVersion: 1 });
    expect(ReportSchema.safeParse(v).success).toBe(true);
    expect(parseReportValue(v).ok).toBe(true);
  });
  it('is pure: the input is not changed', () => {
    const copy = structuredClone(V0_FILE);
    migrateReport(copy);
    expect(copy).toEqual(V0_FILE);
  });
  it('treats a file without schemaVersion but with unitName as version 0', () => {
    const { schemaVersion: _s, ...noVersion } = V0_FILE;
    expect(detectSchemaVersion(noVersion)).toBe(0);
    expect(migrateReport(noVersion).to).toBe(1);
  });
  it('leaves current and newer versions alone', () => {
    const current = { schemaVersion: 1, unit: { name: 'x', level: 'other' } };
    expect(migrateReport(current)).toEqual({ value: current, from: 1, to: 1 });
    expect(migrateReport({ schemaVersion: 7 })).toMatchObject({ from: 7, to: 7 });
  });
});

describe('opening a library with a version-0 file', () => {
  it('migrates on load, keeps the original once and tells the user', async () => {
    const dataDir = tempDir();
    const lib0 = await openOk({ dataDir });
    await lib0.close();
    const file = path.join(dataDir, 'reports', 'r-old.json');
    const original = JSON.stringify(V0_FILE, null, 2);
    writeFileSync(file, original);

    const lib = await openOk({ dataDir });
    const notices = unwrap(await lib.notices());
    expect(notices).toEqual([expect.objectContaining({ kind: 'migrated', reportId: 'r-old', message: expect.stringContaining('r-old.v0.bak.json') })]);
    const bak = path.join(dataDir, 'reports', 'r-old.v0.bak.json');
    expect(readFileSync(bak, 'utf8')).toBe(original);
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
    const report = unwrap(await lib.get('r-old'));
    expect(report.unit).toEqual({ name: '某县交通运输局', level: 'department' });
    expect(report.values['t3.r1_new.natural']).toBe(17);
    expect(unwrap(await lib.list()).map((s) => s.id)).toEqual(['r-old']);
    await lib.close();

    // A second old file for the same id (e.g. copied back in): the first backup is kept, not replaced.
    writeFileSync(file, JSON.stringify({ ...V0_FILE, title: '再次放入的旧文件' }));
    const lib2 = await openOk({ dataDir });
    expect(unwrap(await lib2.notices()).map((n) => n.kind)).toEqual(['migrated']);
    expect(readFileSync(bak, 'utf8')).toBe(original);
    expect(unwrap(await lib2.get('r-old')).title).toBe('再次放入的旧文件');
    await lib2.close();
    expect(existsSync(bak)).toBe(true);
  });
});
