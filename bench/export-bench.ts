import { pathToFileURL } from 'node:url';
import { exportDocx } from '../electron/core/docx/export-docx';
import { completeReport } from '../tests/fixtures/reports';

// Speed of the DOCX export: median time to export completeReport() (target under 50 ms).

const WARM_UP = 10;
const RUNS = 60;
const TARGET_MS = 50;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Exports the complete sample report many times and returns the lines to print. */
export async function benchExport(): Promise<string[]> {
  const report = completeReport();
  for (let i = 0; i < WARM_UP; i++) await exportDocx(report);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await exportDocx(report);
    times.push(performance.now() - t0);
    bytes = r.bytes.length;
  }
  times.sort((a, b) => a - b);
  const median = (times[(RUNS - 1) >> 1] + times[RUNS >> 1]) / 2;
  return [
    `导出 DOCX（completeReport，${RUNS} 次）：中位数 ${median.toFixed(1)} ms，p90 ${quantile(times, 0.9).toFixed(1)} ms，最快 ${times[0].toFixed(1)} ms，文件 ${(bytes / 1024).toFixed(1)} KB` +
      `（目标 < ${TARGET_MS} ms：${median < TARGET_MS ? '达标' : '未达标'}）`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchExport()) console.log(line);
}
