import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../electron/services/library/library-service';
import { isLockStale, isPidAlive } from '../../../../electron/services/library/lock';
import { completeReport } from '../../../fixtures/reports';
import { cleanupDirs, openOk, tempDir, unwrap } from './helpers';

afterEach(cleanupDirs);

const CHILD = path.join(import.meta.dirname, 'lock-child.ts');

/** Runs lock-child.ts; resolves with its first output line (parsed) and the child. */
function runChild(dataDir: string, mode: 'report' | 'hold'): Promise<{ line: { ok: boolean; pid?: number; error?: { code: string; message: string } }; child: ReturnType<typeof spawn> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ line: JSON.parse(out.slice(0, nl)), child });
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.on('exit', () => r())));

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

function writeLock(dataDir: string, info: Partial<{ pid: number; hostname: string; startedAt: string; heartbeatAt: string; token: string }>): string {
  const now = new Date().toISOString();
  const file = path.join(dataDir, 'library.lock');
  writeFileSync(file, JSON.stringify({ pid: 1, hostname: os.hostname(), startedAt: now, heartbeatAt: now, token: 'other', ...info }));
  return file;
}

describe('one writer per library', () => {
  it('a second process gets "locked" with the holder pid; after close it can open', async () => {
    const dataDir = tempDir();
    const lib = await openOk({ dataDir });
    const { line } = await runChild(dataDir, 'report');
    expect(line).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(line.error!.message).toContain(`报告库正被另一个程序（进程 ${process.pid}）使用`);
    await lib.close();
    expect(existsSync(path.join(dataDir, 'library.lock'))).toBe(false);
    const second = await runChild(dataDir, 'report');
    expect(second.line).toMatchObject({ ok: true });
  });

  it('the lock is released when the process exits without closing', async () => {
    const dataDir = tempDir();
    const { line, child } = await runChild(dataDir, 'report');
    expect(line.ok).toBe(true);
    await exited(child);
    expect(existsSync(path.join(dataDir, 'library.lock'))).toBe(false);
  });

  it('a holder killed outright leaves a stale lock that the next open takes over', async () => {
    const dataDir = tempDir();
    const { line, child } = await runChild(dataDir, 'hold');
    expect(line.ok).toBe(true);
    expect(await openLibrary({ dataDir })).toMatchObject({ ok: false, error: { code: 'locked' } });
    child.kill('SIGKILL');
    await exited(child);
    const lib = await openOk({ dataDir });
    expect(unwrap(await lib.notices())).toEqual([expect.objectContaining({ kind: 'lock-stale', message: expect.stringContaining(`进程 ${line.pid}`) })]);
    await lib.close();
  });

  it('a second open in the same process is locked too', async () => {
    const dataDir = tempDir();
    const lib = await openOk({ dataDir });
    expect(await openLibrary({ dataDir })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await lib.close();
  });

  it('takes over a lock of a dead pid on this computer', async () => {
    const dataDir = tempDir();
    const pid = deadPid();
    expect(isPidAlive(pid)).toBe(false);
    writeLock(dataDir, { pid });
    const lib = await openOk({ dataDir });
    const notices = unwrap(await lib.notices());
    expect(notices).toEqual([expect.objectContaining({ kind: 'lock-stale', message: expect.stringContaining(`进程 ${pid}`) })]);
    const lock = JSON.parse(readFileSync(path.join(dataDir, 'library.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    await lib.close();
  });

  it('takes over a lock naming our own pid that this process does not hold (pid reused after a reboot)', async () => {
    const dataDir = tempDir();
    writeLock(dataDir, { pid: process.pid, token: 'from-before' });
    const lib = await openOk({ dataDir });
    expect(unwrap(await lib.notices()).map((n) => n.kind)).toEqual(['lock-stale']);
    await lib.close();
  });

  it('respects a live lock from another computer until its heartbeat is too old', async () => {
    const dataDir = tempDir();
    writeLock(dataDir, { pid: 4242, hostname: 'OTHER-PC' });
    const r = await openLibrary({ dataDir });
    expect(r).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('计算机“OTHER-PC”') } });
    const old = new Date(Date.now() - 10 * 60_000);
    const file = writeLock(dataDir, { pid: 4242, hostname: 'OTHER-PC', heartbeatAt: old.toISOString() });
    utimesSync(file, old, old);
    const lib = await openOk({ dataDir, lock: { staleAfterMs: 60_000 } });
    expect(unwrap(await lib.notices()).map((n) => n.kind)).toEqual(['lock-stale']);
    await lib.close();
  });

  it('an unreadable lock file is respected while fresh and taken over when old', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'library.lock');
    writeFileSync(file, '');
    expect(await openLibrary({ dataDir })).toMatchObject({ ok: false, error: { code: 'locked' } });
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(file, old, old);
    const lib = await openOk({ dataDir });
    expect(unwrap(await lib.notices())[0].kind).toBe('lock-stale');
    await lib.close();
  });

  it('judges staleness by pid, boot time and heartbeat age', () => {
    const now = Date.now();
    const base = { hostname: os.hostname(), startedAt: '', token: 't' };
    const beat = (ms: number) => new Date(ms).toISOString();
    expect(isLockStale({ ...base, pid: 1, heartbeatAt: beat(now) }, now, 60_000, now)).toBe(false); // pid 1 is alive
    expect(isLockStale({ ...base, pid: deadPid(), heartbeatAt: beat(now) }, now, 60_000, now)).toBe(true);
    expect(isLockStale({ ...base, pid: 1, heartbeatAt: beat(now - 120_000) }, now - 120_000, 60_000, now)).toBe(true);
    const beforeBoot = now - os.uptime() * 1000 - 60_000;
    expect(isLockStale({ ...base, pid: 1, heartbeatAt: beat(beforeBoot) }, beforeBoot, Number.MAX_SAFE_INTEGER, now)).toBe(true);
    expect(isLockStale(null, now, 60_000, now)).toBe(false);
    expect(isLockStale(null, now - 120_000, 60_000, now)).toBe(true);
  });

  it('refreshes the heartbeat, and a holder that lost its lock stops writing', async () => {
    const dataDir = tempDir();
    const lib = await openOk({ dataDir, lock: { heartbeatMs: 20 } });
    const file = path.join(dataDir, 'library.lock');
    const first = JSON.parse(readFileSync(file, 'utf8'));
    await new Promise((r) => setTimeout(r, 150));
    const later = JSON.parse(readFileSync(file, 'utf8'));
    expect(Date.parse(later.heartbeatAt)).toBeGreaterThan(Date.parse(first.heartbeatAt));
    expect(later.token).toBe(first.token);
    unwrap(await lib.insert(completeReport()));
    writeLock(dataDir, { pid: 1, token: 'someone-else' }); // another process took the library over
    expect(await lib.save(completeReport({ title: '不应写入' }))).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'reports', 'r-complete.json'), 'utf8')).title).not.toBe('不应写入');
    await lib.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).token).toBe('someone-else'); // not ours: left alone
  });

  it('close leaves no lock file behind, even with a heartbeat in flight', async () => {
    const dataDir = tempDir();
    for (let i = 0; i < 5; i++) {
      const lib = await openOk({ dataDir, lock: { heartbeatMs: 1 } });
      await new Promise((r) => setTimeout(r, 5 + i * 3));
      await lib.close();
      await new Promise((r) => setTimeout(r, 20));
      expect(existsSync(path.join(dataDir, 'library.lock'))).toBe(false);
    }
  });
});
