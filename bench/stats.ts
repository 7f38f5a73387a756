// Small helpers for benchmark scripts: they print figures, they never assert durations.

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

/** Median of samples. */
export const median = (samples: number[]) => percentile(samples, 50);

/** Formats milliseconds as "1.23 ms" or "45.6 µs". */
export function fmtMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}

/** Times fn n times (after warm-up runs) and returns the samples in ms. */
export async function sample(n: number, fn: () => unknown, warmup = Math.min(50, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}
