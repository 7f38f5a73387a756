import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NoticeSchema } from '../../../../electron/core/contract';
import { localTimeText } from '../../../../electron/services/library/recovery';
import { completeReport } from '../../../fixtures/reports';
import { cleanupDirs, fakeClock, openOk, tempDir, unwrap } from './helpers';

afterEach(cleanupDirs);

const ID = 'r-complete';

async function libraryWithTwoSaves(): Promise<{ dataDir: string; file: string; good: string }> {
  const dataDir = tempDir();
  const { clock, advance } = fakeClock('2026-11-28T02:15:00.000Z');
  const lib = await openOk({ dataDir, clock });
  unwrap(await lib.insert(completeReport({ title: '第一版' })));
  advance(60_000);
  unwrap(await lib.save(completeReport({ title: '第二版' })));
  await lib.close();
  const file = path.join(dataDir, 'reports', `${ID}.json`);
  return { dataDir, file, good: readFileSync(file, 'utf8') };
}

const damages: Record<string, (good: string) => string | Buffer> = {
  truncated: (good) => good.slice(0, Math.floor(good.length / 2)),
  empty: () => '',
  'binary garbage': () => randomBytes(700),
  'valid JSON of the wrong shape': () => JSON.stringify({ hello: 'world', year: 2025 }),
  'a report with a wrong field': (good) => JSON.stringify({ ...JSON.parse(good), year: '二〇二五' }),
  'a JSON array': () => '[1,2,3]',
};

describe('a damaged report file', () => {
  for (const [name, damage] of Object.entries(damages)) {
    it(`${name}: is set aside, the newest good snapshot restored, the user told`, async () => {
      const { dataDir, file } = await libraryWithTwoSaves();
      const bad = damage(readFileSync(file, 'utf8'));
      writeFileSync(file, bad);
      const lib = await openOk({ dataDir });
      const notices = unwrap(await lib.notices());
      expect(notices).toHaveLength(1);
      expect(NoticeSchema.parse(notices[0])).toMatchObject({ kind: 'recovered', reportId: ID });
      expect(notices[0].message).toContain(`已恢复为 ${localTimeText('2026-11-28T02:16:00.000Z')} 保存的版本`);
      expect(notices[0].message).toMatch(/已损坏.*另存为 r-complete\.corrupt-\d{8}T\d{9}Z\.json/s);
      expect(unwrap(await lib.get(ID)).title).toBe('第二版');
      expect(unwrap(await lib.list()).map((s) => s.title)).toEqual(['第二版']);
      const aside = readdirSync(path.join(dataDir, 'reports')).filter((n) => n.includes('.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(path.join(dataDir, 'reports', aside[0]))).toEqual(Buffer.from(bad)); // kept byte for byte
      expect(unwrap(await lib.notices())).toEqual([]);
      await lib.close();
    });
  }

  it('is found when read while the library is open, too', async () => {
    const { dataDir, file } = await libraryWithTwoSaves();
    const lib = await openOk({ dataDir });
    writeFileSync(file, '{"truncated": ');
    expect(unwrap(await lib.get(ID)).title).toBe('第二版');
    expect(unwrap(await lib.notices()).map((n) => n.kind)).toEqual(['recovered']);
    await lib.close();
  });

  it('falls back to an older snapshot when the newest one is damaged too', async () => {
    const { dataDir, file } = await libraryWithTwoSaves();
    const histDir = path.join(dataDir, 'history', ID);
    const newest = readdirSync(histDir).sort().at(-1)!;
    writeFileSync(path.join(histDir, newest), 'garbage');
    writeFileSync(file, '');
    const lib = await openOk({ dataDir });
    expect(unwrap(await lib.get(ID)).title).toBe('第一版');
    expect(unwrap(await lib.notices())[0].message).toContain(localTimeText('2026-11-28T02:15:00.000Z'));
    await lib.close();
  });

  it('without any good snapshot is set aside (never deleted) and the user told', async () => {
    const { dataDir, file } = await libraryWithTwoSaves();
    rmSync(path.join(dataDir, 'history', ID), { recursive: true });
    writeFileSync(file, 'not json at all');
    const lib = await openOk({ dataDir });
    const notices = unwrap(await lib.notices());
    expect(notices).toEqual([expect.objectContaining({ kind: 'set-aside', reportId: ID, message: expect.stringContaining('没有可用的历史版本') })]);
    expect(unwrap(await lib.list())).toEqual([]);
    expect(await lib.get(ID)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const aside = readdirSync(path.join(dataDir, 'reports')).filter((n) => n.includes('.corrupt-'));
    expect(readFileSync(path.join(dataDir, 'reports', aside[0]), 'utf8')).toBe('not json at all');
    await lib.close();
  });

  it('written by a newer version is left untouched, reported, and its id stays taken', async () => {
    const { dataDir, file, good } = await libraryWithTwoSaves();
    const newer = JSON.stringify({ ...JSON.parse(good), schemaVersion: 2, somethingNew: true });
    writeFileSync(file, newer);
    const lib = await openOk({ dataDir });
    expect(unwrap(await lib.notices())).toEqual([expect.objectContaining({ kind: 'info', message: expect.stringContaining('更新版本') })]);
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect(unwrap(await lib.list())).toEqual([]);
    const inserted = unwrap(await lib.insert(completeReport()));
    expect(inserted.id).not.toBe(ID);
    expect(readFileSync(file, 'utf8')).toBe(newer);
    await lib.close();
  });
});
