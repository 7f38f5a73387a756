import mammoth from 'mammoth';
import { exportDocx } from '../electron/core/docx/export-docx';
import { importBytes } from '../electron/core/import/import-bytes';
import { completeReport } from '../tests/fixtures/reports';
import { fmtMs, median, percentile } from './stats';

// Speed of importing a typical report DOCX (read + recognise + tables) against mammoth.convertToHtml
// on the same file in the same run (mammoth only converts to HTML; target: faster while also building the tables).

const RUNS = 40;
const WARM_UP = 8;

/** Imports the exported complete report RUNS times, alternating with mammoth, and returns the lines to print. */
export async function benchImport(): Promise<string[]> {
  const { bytes } = await exportDocx(completeReport());
  const buffer = Buffer.from(bytes);
  for (let i = 0; i < WARM_UP; i++) {
    await importBytes(bytes, 'report.docx');
    await mammoth.convertToHtml({ buffer });
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    const r = await importBytes(bytes, 'report.docx');
    ours.push(performance.now() - t0);
    if (Object.keys(r.report.values).length !== 200) throw new Error('导入结果不完整');
    t0 = performance.now();
    await mammoth.convertToHtml({ buffer });
    theirs.push(performance.now() - t0);
  }
  const a = median(ours);
  const b = median(theirs);
  return [
    `导入 DOCX（${(bytes.length / 1024).toFixed(1)} KB，含识别三张表，${RUNS} 次）：中位数 ${fmtMs(a)}，p95 ${fmtMs(percentile(ours, 95))}`,
    `mammoth.convertToHtml（同一文件，仅转 HTML）：中位数 ${fmtMs(b)}，p95 ${fmtMs(percentile(theirs, 95))}`,
    `比值（本程序 / mammoth）：${(a / b).toFixed(2)}（目标 < 1）`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const l of await benchImport()) console.log(l);
