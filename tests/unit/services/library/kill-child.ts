import { openLibrary } from '../../../../electron/services/library/library-service';
import { completeReport } from '../../../fixtures/reports';

// Child of kill.test.ts: opens the library in argv[2], then saves one report in a loop, printing
// "ready <n>" once open (n = the save number found on disk) and "ack <n>" after each save resolves.
// The parent kills it with SIGKILL at a random moment and checks what is on disk.

export const KILL_REPORT_ID = 'r-kill';

/** The save number a report title carries ("kill 12" → 12). */
export function saveNumber(title: string): number {
  const m = /^kill (\d+)$/.exec(title);
  return m ? Number(m[1]) : 0;
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const opened = await openLibrary({ dataDir, indexFlushMs: 5 });
  if (!opened.ok) {
    process.stdout.write(`error ${opened.error.code} ${opened.error.message}\n`);
    process.exit(3);
  }
  const lib = opened.value;
  const got = await lib.get(KILL_REPORT_ID);
  let report = got.ok ? got.value : completeReport({ id: KILL_REPORT_ID, title: 'kill 0' });
  if (!got.ok) await lib.insert(report);
  let n = saveNumber(report.title);
  process.stdout.write(`ready ${n}\n`);
  for (;;) {
    n++;
    report = { ...report, title: `kill ${n}`, values: { ...report.values, 't2.fees.amount_wanyuan': n } };
    const r = await lib.save(report);
    if (!r.ok) {
      process.stdout.write(`error ${r.error.code} ${r.error.message}\n`);
      process.exit(4);
    }
    process.stdout.write(`ack ${n}\n`);
  }
}

if (process.argv[2]) void main();
