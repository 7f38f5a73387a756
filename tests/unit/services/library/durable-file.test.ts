import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterEach, describe, expect, it } from 'vitest';
import { failFromError } from '../../../../electron/services/library/errors';
import { CorruptFileError, DurableJsonFile, fsyncDir, isIgnorableDirSyncError, writeFileAtomic } from '../../../../electron/services/library/durable-file';
import { idOfFileName, isFileSafeId, resolveDataDir } from '../../../../electron/services/library/layout';
import { cleanupDirs, tempDir } from './helpers';

afterEach(cleanupDirs);

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.json');
    await writeFileAtomic(file, '{"v":1}');
    await writeFileAtomic(file, '{"v":2}');
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
  it('removes its temp file and keeps the old content when the write fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.json');
    writeFileSync(file, 'old');
    await expect(writeFileAtomic(path.join(dir, 'missing-folder', 'a.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
  it('fsyncs a folder on this system', async () => {
    await expect(fsyncDir(tempDir())).resolves.toBeUndefined();
  });
});

describe('isIgnorableDirSyncError', () => {
  it('ignores EPERM/EISDIR only on Windows', () => {
    expect(isIgnorableDirSyncError(errno('EPERM'), 'win32')).toBe(true);
    expect(isIgnorableDirSyncError(errno('EISDIR'), 'win32')).toBe(true);
    expect(isIgnorableDirSyncError(errno('EPERM'), 'linux')).toBe(false);
    expect(isIgnorableDirSyncError(errno('ENOSPC'), 'win32')).toBe(false);
  });
});

describe('DurableJsonFile (lowdb adapter)', () => {
  const codec = {
    decode: (json: unknown, file: string) => {
      if (typeof (json as { n?: unknown })?.n !== 'number') throw new CorruptFileError(file, '缺少 n');
      return json as { n: number };
    },
    encode: (d: { n: number }) => d,
  };
  it('round-trips through lowdb and validates every read', async () => {
    const file = path.join(tempDir(), 'db.json');
    const db = new Low(new DurableJsonFile(file, codec), { n: 0 });
    await db.read();
    expect(db.data).toEqual({ n: 0 });
    db.data.n = 5;
    await db.write();
    const again = new Low(new DurableJsonFile(file, codec), { n: 0 });
    await again.read();
    expect(again.data).toEqual({ n: 5 });
    writeFileSync(file, '{"m":1}');
    await expect(again.read()).rejects.toBeInstanceOf(CorruptFileError);
    writeFileSync(file, '');
    await expect(again.read()).rejects.toThrow('空');
    writeFileSync(file, '{"n":');
    await expect(again.read()).rejects.toThrow('JSON');
  });
});

describe('errors and names', () => {
  it('turns disk errors into Chinese results', () => {
    expect(failFromError(errno('ENOSPC'), '保存报告')).toEqual({ ok: false, error: { code: 'io', message: expect.stringContaining('磁盘空间不足') } });
    expect(failFromError(errno('EACCES'), '保存报告')).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('没有权限') } });
    expect(failFromError(new Error('boom'), '保存报告')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
  it('accepts only ids that can name a file everywhere', () => {
    expect(isFileSafeId('rmwznz8rx1xudigz')).toBe(true);
    expect(isFileSafeId('r-complete')).toBe(true);
    for (const bad of ['R1', 'con', 'a/b', '../x', 'a.b', '', '报告']) expect(isFileSafeId(bad)).toBe(false);
    expect(idOfFileName('r1.json')).toBe('r1');
    expect(idOfFileName('r1.corrupt-20261128T101500000Z.json')).toBeNull();
    expect(idOfFileName('r1.v0.bak.json')).toBeNull();
    expect(idOfFileName('r1.json.tmp-12-3')).toBeNull();
  });
  it('resolves the data folder: flag, then NIANBAO_DATA_DIR, then the app’s 年报数据 folder', () => {
    expect(resolveDataDir('/x/flag', { NIANBAO_DATA_DIR: '/x/env' })).toBe(path.resolve('/x/flag'));
    expect(resolveDataDir(undefined, { NIANBAO_DATA_DIR: '/x/env' })).toBe(path.resolve('/x/env'));
    expect(resolveDataDir(undefined, {})).toMatch(/年报数据$/);
  });
});
