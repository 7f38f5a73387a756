import { openLibrary } from '../../../../electron/services/library/library-service';

// Child of lock.test.ts: opens the library in argv[2] and prints the result as one JSON line.
// argv[3]: "report" exits at once (without closing), "hold" keeps the library open until killed.

async function main(): Promise<void> {
  const r = await openLibrary({ dataDir: process.argv[2] });
  process.stdout.write(`${JSON.stringify(r.ok ? { ok: true, pid: process.pid } : r)}\n`);
  if (process.argv[3] === 'hold' && r.ok) setInterval(() => undefined, 1000);
  else process.exit(0);
}

void main();
