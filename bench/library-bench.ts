import { mkdtemp, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Result } from '../electron/core/contract';
import { openLibrary, type Library } from '../electron/services/library/library-service';
import { completeReport } from '../tests/fixtures/reports';
import { fmtMs, median, percentile, sample } from './stats';

// The report library on real files in a temp folder: save of one report (durable: snapshot and
// report file, each temp → fsync → rename → fsync folder) and list(), with 10, 100 and 1,000
// reports in the library. Targets: save < 20 ms, list < 100 ms, flat as the library grows.

const SIZES = [10, 100, 1000];
const RUNS = 50;

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function fill(lib: Library, count: number): Promise<void> {
  const base = completeReport();
  for (let i = 0; i < count; i++) {
    must(await lib.insert({ ...base, id: `r-bench-${i}`, year: 2015 + (i % 11), title: `第 ${i} 号单位年度报告` }));
  }
}

async function timeOpen(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const lib = must(await openLibrary({ dataDir }));
  const ms = performance.now() - t0;
  await lib.close();
  return ms;
}

/** Median and p95 of save and list (and reopen) for libraries of 10, 100 and 1,000 reports; returns the table lines. */
export async function benchLibrary(): Promise<string[]> {
  const lines = ['| 报告数 | 保存 中位数 | 保存 p95 | 列表 中位数 | 列表 p95 | 打开（有索引） | 打开（重建索引） |', '|---:|---:|---:|---:|---:|---:|---:|'];
  for (const size of SIZES) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nianbao-bench-'));
    try {
      const lib = must(await openLibrary({ dataDir }));
      await fill(lib, size);
      const report = must(await lib.get('r-bench-0'));
      let n = 0;
      const saves = await sample(RUNS, async () => {
        must(await lib.save({ ...report, title: `保存 ${n++}`, values: { ...report.values, 't2.fees.amount_wanyuan': n } }));
      }, 5);
      const lists = await sample(RUNS, async () => {
        if (must(await lib.list()).length !== size) throw new Error('list 数目不对');
      }, 5);
      await lib.close();
      const open = await timeOpen(dataDir);
      await unlink(path.join(dataDir, 'index.json'));
      const rebuild = await timeOpen(dataDir);
      const row = [size, fmtMs(median(saves)), fmtMs(percentile(saves, 95)), fmtMs(median(lists)), fmtMs(percentile(lists, 95)), fmtMs(open), fmtMs(rebuild)];
      lines.push(`| ${row.join(' | ')} |`);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  lines.push(`（保存、列表各 ${RUNS} 次；目标：保存 < 20 ms，列表 < 100 ms，且不随报告数增长。打开为单次计时，仅供参考）`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) for (const l of await benchLibrary()) console.log(l);
