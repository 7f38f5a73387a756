import { check } from '../electron/core/rules/check';
import { completeReport } from '../tests/fixtures/reports';
import { fmtMs, median, percentile } from './stats';

/** Median and p95 of a full check of a complete report over 10,000 runs (target: median under 100 µs). */
export async function benchCheck(): Promise<string[]> {
  const report = completeReport();
  const previous = completeReport({ year: 2024 });
  for (let i = 0; i < 2000; i++) check(report, { previous });
  const samples: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const t0 = performance.now();
    check(report, { previous });
    samples.push(performance.now() - t0);
  }
  return [`check（完整报告，含上年对比，10,000 次）：中位数 ${fmtMs(median(samples))}，p95 ${fmtMs(percentile(samples, 95))}（目标：< 100 µs）`];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const l of await benchCheck()) console.log(l);
