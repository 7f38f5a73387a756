import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NoticeSchema, ReportSummarySchema, SnapshotInfoSchema, TrashEntrySchema } from '../../../../electron/core/contract';
import { ReportSchema } from '../../../../electron/core/model/report';
import { openLibrary } from '../../../../electron/services/library/library-service';
import { completeReport } from '../../../fixtures/reports';
import { cleanupDirs, fakeClock, openOk, tempDir, unwrap } from './helpers';

afterEach(cleanupDirs);

describe('library: reports', () => {
  it('creates, lists, gets, saves, renames and duplicates', async () => {
    const lib = await openOk({ dataDir: tempDir() });
    const blank = unwrap(await lib.create({ unitName: '某县人民政府', level: 'county_gov', year: 2025 }));
    expect(ReportSchema.parse(blank)).toEqual(blank);
    unwrap(await lib.insert(completeReport()));

    const list = unwrap(await lib.list());
    expect(list).toHaveLength(2);
    for (const s of list) expect(ReportSummarySchema.parse(s)).toEqual(s);
    const complete = list.find((s) => s.id === 'r-complete')!;
    expect(complete).toMatchObject({ unitName: '某市某区某街道办事处', unitLevel: 'township', year: 2025, errors: 0, warnings: 0 });
    expect(list.find((s) => s.id === blank.id)!.errors).toBeGreaterThan(0);

    const got = unwrap(await lib.get('r-complete'));
    const saved = unwrap(await lib.save({ ...got, values: { ...got.values, 't3.r1_new.natural': 99 } }));
    expect(saved.summary.errors).toBeGreaterThan(0); // the totals no longer add up
    expect(saved.summary.updatedAt).toBe(saved.savedAt);
    expect(unwrap(await lib.get('r-complete')).values['t3.r1_new.natural']).toBe(99);

    expect(unwrap(await lib.rename('r-complete', '新标题')).title).toBe('新标题');
    const copy = unwrap(await lib.duplicate('r-complete'));
    expect(copy.id).not.toBe('r-complete');
    expect(copy.title).toBe('新标题（副本）');
    expect(unwrap(await lib.get(copy.id)).values['t3.r1_new.natural']).toBe(99);
    expect(unwrap(await lib.list())).toHaveLength(3);
    await lib.close();
  });

  it('refuses bad input and unknown ids with Chinese messages, never throwing', async () => {
    const lib = await openOk({ dataDir: tempDir() });
    expect(await lib.get('nope')).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('找不到') } });
    expect(await lib.get('')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await lib.create({ unitName: '', level: 'township', year: 2025 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await lib.create({ unitName: 'x', level: 'township', year: 1999 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await lib.save(completeReport())).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = { ...completeReport(), values: { 't9.nope.x': 1 } };
    unwrap(await lib.insert(completeReport()));
    expect(await lib.save(bad)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('values') } });
    expect(await lib.save({ ...completeReport(), year: 'x' } as never)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await lib.rename('r-complete', '')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await lib.restoreSnapshot('r-complete', 'nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await lib.close();
    expect(await lib.list()).toMatchObject({ ok: false, error: { message: expect.stringContaining('已关闭') } });
  });

  it('gives a report with an id that is taken or cannot name a file a new id on insert', async () => {
    const lib = await openOk({ dataDir: tempDir() });
    const a = unwrap(await lib.insert(completeReport()));
    const b = unwrap(await lib.insert(completeReport({ title: '另一份' })));
    const c = unwrap(await lib.insert(completeReport({ id: 'CON/../x' })));
    expect(a.id).toBe('r-complete');
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    expect(c.id).toMatch(/^[a-z0-9]/);
    await lib.close();
  });

  it('runs saves issued at once one after the other; the last one wins', async () => {
    const dataDir = tempDir();
    const lib = await openOk({ dataDir });
    unwrap(await lib.insert(completeReport()));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => lib.save(completeReport({ title: `并发 ${i}` }))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(unwrap(await lib.get('r-complete')).title).toBe('并发 19');
    expect(unwrap(await lib.history('r-complete'))).toHaveLength(21);
    await lib.close();
  });

  it('keeps everything across close and reopen', async () => {
    const dataDir = tempDir();
    const lib = await openOk({ dataDir });
    unwrap(await lib.insert(completeReport({ title: '保存后重开' })));
    await lib.close();
    const again = await openOk({ dataDir });
    expect(unwrap(await again.list()).map((s) => s.title)).toEqual(['保存后重开']);
    expect(unwrap(await again.notices())).toEqual([]);
    await again.close();
  });
});

describe('library: trash', () => {
  it('moves a deleted report to the trash and restores it with its history', async () => {
    const { clock, advance } = fakeClock();
    const dataDir = tempDir();
    const lib = await openOk({ dataDir, clock });
    unwrap(await lib.insert(completeReport()));
    advance(60_000);
    unwrap(await lib.rename('r-complete', '第二版'));
    advance(60_000);
    expect(unwrap(await lib.delete('r-complete'))).toBeNull();
    expect(unwrap(await lib.list())).toEqual([]);
    expect(await lib.get('r-complete')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await lib.save(completeReport())).toMatchObject({ ok: false, error: { message: expect.stringContaining('回收站') } });
    const trash = unwrap(await lib.trash());
    expect(trash).toEqual([{ id: 'r-complete', title: '第二版', unitName: '某市某区某街道办事处', year: 2025, deletedAt: clock().toISOString() }]);
    TrashEntrySchema.parse(trash[0]);
    expect(existsSync(path.join(dataDir, 'trash', 'r-complete.json'))).toBe(true);

    // the trash survives a reopen, also without an index
    await lib.close();
    rmSync(path.join(dataDir, 'index.json'));
    const lib2 = await openOk({ dataDir, clock });
    expect(unwrap(await lib2.trash()).map((t) => t.id)).toEqual(['r-complete']);

    const restored = unwrap(await lib2.restore('r-complete'));
    expect(restored).toMatchObject({ id: 'r-complete', title: '第二版' });
    expect(unwrap(await lib2.trash())).toEqual([]);
    expect(unwrap(await lib2.list()).map((s) => s.id)).toEqual(['r-complete']);
    expect(unwrap(await lib2.history('r-complete'))).toHaveLength(2);
    expect(await lib2.restore('r-complete')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await lib2.close();
  });
});

describe('library: index', () => {
  it('rebuilds a missing or corrupt index from the report files', async () => {
    const dataDir = tempDir();
    const lib = await openOk({ dataDir });
    unwrap(await lib.insert(completeReport()));
    unwrap(await lib.create({ unitName: '某镇人民政府', level: 'township', year: 2024 }));
    const before = unwrap(await lib.list());
    await lib.close();
    const indexFile = path.join(dataDir, 'index.json');
    for (const damage of ['', '{"format":"nianbao-index"', '[1,2,3]', '\u0000\u0001garbage']) {
      if (damage) writeFileSync(indexFile, damage);
      else rmSync(indexFile);
      const again = await openOk({ dataDir });
      expect(unwrap(await again.list())).toEqual(before);
      await again.close();
      expect(JSON.parse(readFileSync(indexFile, 'utf8')).format).toBe('nianbao-index');
    }
  });

  it('notices report files changed after the index was written (a crash before the index flush)', async () => {
    const dataDir = tempDir();
    const lib = await openOk({ dataDir });
    unwrap(await lib.insert(completeReport()));
    await lib.close();
    const indexBefore = readFileSync(path.join(dataDir, 'index.json'), 'utf8');
    const lib2 = await openOk({ dataDir });
    unwrap(await lib2.rename('r-complete', '崩溃前最后一次保存'));
    await lib2.close();
    writeFileSync(path.join(dataDir, 'index.json'), indexBefore); // as if the index write never happened
    const lib3 = await openOk({ dataDir });
    expect(unwrap(await lib3.list())[0].title).toBe('崩溃前最后一次保存');
    await lib3.close();
  });

  it('drops entries whose files are gone and picks up files that appeared', async () => {
    const dataDir = tempDir();
    const lib = await openOk({ dataDir });
    unwrap(await lib.insert(completeReport()));
    const other = unwrap(await lib.create({ unitName: '某镇人民政府', level: 'township', year: 2024 }));
    await lib.close();
    rmSync(path.join(dataDir, 'reports', `${other.id}.json`));
    writeFileSync(path.join(dataDir, 'reports', 'r-dropped-in.json'), JSON.stringify(completeReport({ id: 'r-dropped-in', title: '手工放入' })));
    writeFileSync(path.join(dataDir, 'reports', 'r-complete.json.tmp-1-1'), '{"half');
    const again = await openOk({ dataDir });
    expect(unwrap(await again.list()).map((s) => s.id).sort()).toEqual(['r-complete', 'r-dropped-in']);
    expect(readdirSync(path.join(dataDir, 'reports')).some((n) => n.includes('.tmp-'))).toBe(false);
    await again.close();
  });
});

describe('library: opening whatever is on disk', () => {
  it('skips what it cannot read, with a notice, and opens anyway', async () => {
    const dataDir = tempDir();
    const lib = await openOk({ dataDir });
    unwrap(await lib.insert(completeReport()));
    await lib.close();
    mkdirSync(path.join(dataDir, 'reports', 'r-folder.json'));
    mkdirSync(path.join(dataDir, 'trash', 'r-folder2.json'));
    writeFileSync(path.join(dataDir, 'reports', '随手放的文件.json'), 'x');
    writeFileSync(path.join(dataDir, 'trash', 'r-bad.json'), 'x');
    const again = await openOk({ dataDir });
    expect(unwrap(await again.list()).map((s) => s.id)).toEqual(['r-complete']);
    expect(unwrap(await again.notices())).toEqual([expect.objectContaining({ kind: 'info', reportId: 'r-folder', message: expect.stringContaining('已跳过') })]);
    // the ids of files left alone stay taken
    expect(unwrap(await again.insert(completeReport({ id: 'r-folder' }))).id).not.toBe('r-folder');
    expect(unwrap(await again.insert(completeReport({ id: 'r-bad' }))).id).not.toBe('r-bad');
    expect(readFileSync(path.join(dataDir, 'trash', 'r-bad.json'), 'utf8')).toBe('x');
    await again.close();
  });
});

describe('library: backup', () => {
  it('exports the whole library incl. trash and imports it into a new one', async () => {
    const lib = await openOk({ dataDir: tempDir() });
    unwrap(await lib.insert(completeReport()));
    const blank = unwrap(await lib.create({ unitName: '某镇人民政府', level: 'township', year: 2024 }));
    const gone = unwrap(await lib.create({ unitName: '已删除的单位', level: 'other', year: 2023 }));
    unwrap(await lib.delete(gone.id));
    const bytes = unwrap(await lib.exportBackup());
    const json = JSON.parse(new TextDecoder().decode(bytes));
    expect(json).toMatchObject({ format: 'nianbao-backup', version: 1 });
    expect(json.reports).toHaveLength(2);
    expect(json.trash).toHaveLength(1);

    const fresh = await openOk({ dataDir: tempDir() });
    expect(unwrap(await fresh.importBackup(bytes))).toEqual({ added: 3, skipped: 0 });
    expect(unwrap(await fresh.get('r-complete'))).toEqual(unwrap(await lib.get('r-complete')));
    expect(unwrap(await fresh.get(blank.id))).toEqual(blank);
    expect(unwrap(await fresh.trash()).map((t) => t.id)).toEqual([gone.id]);

    // importing again: everything is already there
    expect(unwrap(await fresh.importBackup(bytes))).toEqual({ added: 0, skipped: 3 });

    // a different report under an existing id gets a new id; the existing one is untouched
    unwrap(await fresh.rename('r-complete', '新电脑上改过的标题'));
    expect(unwrap(await fresh.importBackup(bytes))).toEqual({ added: 1, skipped: 2 });
    const titles = unwrap(await fresh.list()).map((s) => s.title);
    expect(titles).toContain('新电脑上改过的标题');
    expect(titles).toContain('某市某区某街道办事处2025年政府信息公开工作年度报告');
    expect(unwrap(await fresh.get('r-complete')).title).toBe('新电脑上改过的标题');
    await lib.close();
    await fresh.close();
  });

  it('refuses damaged or foreign backup files without importing anything', async () => {
    const lib = await openOk({ dataDir: tempDir() });
    const enc = (x: unknown) => new TextEncoder().encode(typeof x === 'string' ? x : JSON.stringify(x));
    expect(await lib.importBackup(enc('{"format":'))).toMatchObject({ ok: false, error: { code: 'bad-file', message: expect.stringContaining('备份') } });
    expect(await lib.importBackup(enc({ hello: 1 }))).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    expect(await lib.importBackup(new Uint8Array([0xff, 0xfe, 0x00, 0x01]))).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    const good = { format: 'nianbao-backup', version: 1, exportedAt: 'x', trash: [] };
    const mixed = { ...good, reports: [{ updatedAt: 'x', report: completeReport() }, { updatedAt: 'x', report: { ...completeReport(), year: 'x' } }] };
    expect(await lib.importBackup(enc(mixed))).toMatchObject({ ok: false, error: { code: 'bad-file', message: expect.stringContaining('第 2 份报告') } });
    expect(await lib.importBackup(enc({ ...good, version: 9, reports: [] }))).toMatchObject({ ok: false, error: { message: expect.stringContaining('更新版本') } });
    expect(unwrap(await lib.list())).toEqual([]);
    await lib.close();
  });
});

describe('library: contract shapes', () => {
  it('returns exactly what the IPC contract describes', async () => {
    const dataDir = tempDir();
    const lib = await openOk({ dataDir });
    unwrap(await lib.insert(completeReport()));
    for (const h of unwrap(await lib.history('r-complete'))) SnapshotInfoSchema.parse(h);
    await lib.close();
    writeFileSync(path.join(dataDir, 'reports', 'r-complete.json'), '{');
    const r = await openLibrary({ dataDir });
    const again = unwrap(r);
    for (const n of unwrap(await again.notices())) NoticeSchema.parse(n);
    await again.close();
  });
});
