import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBlock } from '../../../../electron/core/model/new-report';
import { completeReport } from '../../../fixtures/reports';
import { openOk, unwrap } from './helpers';

// A real full disk: a 400 KB tmpfs. Mounting needs root on Linux; elsewhere the test is skipped
// (the ENOSPC → "磁盘空间不足" mapping itself is covered in durable-file.test.ts).

const mountPoint = path.join(os.tmpdir(), `nianbao-full-${process.pid}`);
let mounted = false;

beforeAll(() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return;
  try {
    mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
});

afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint], { stdio: 'ignore' });
  try {
    rmdirSync(mountPoint);
  } catch {
    // not created
  }
});

describe('disk full', () => {
  it('a save that does not fit fails with "磁盘空间不足" and leaves the previous version whole', async (ctx) => {
    if (!mounted) ctx.skip();
    const lib = await openOk({ dataDir: mountPoint });
    const report = completeReport();
    unwrap(await lib.insert(report));
    const bulky = (n: number) => ({ ...report, unplaced: Array.from({ length: n }, (_, i) => makeBlock('paragraph', `${'很长的未识别内容'.repeat(400)}${i}`)) });
    let failure;
    let lastSaved = report.title;
    for (let i = 1; i < 100 && !failure; i++) {
      const r = await lib.save({ ...bulky(i), title: `第 ${i} 次` });
      if (r.ok) lastSaved = `第 ${i} 次`;
      else failure = r;
    }
    expect(failure).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('磁盘空间不足') } });
    const kept = unwrap(await lib.get(report.id));
    expect(kept.title).toBe(lastSaved);
    expect(lastSaved).not.toBe(report.title);
    expect(unwrap(await lib.list())[0].title).toBe(kept.title);
    const leftovers = readdirSync(path.join(mountPoint, 'reports')).concat(readdirSync(path.join(mountPoint, 'history', report.id)));
    expect(leftovers.filter((n) => n.includes('.tmp-'))).toEqual([]);
    await lib.close();
  });
});
