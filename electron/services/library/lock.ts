import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import { z } from 'zod';
import { writeFileAtomic } from './durable-file';

// One writer per library: a lock file created with the 'wx' flag (fails if it exists) holding
// pid, hostname, start time and a heartbeat the holder refreshes every few seconds.
// A lock is stale — and is taken over — when its holder is gone:
//   same computer: the pid is not alive, or the lock predates this boot (a power cut), or it
//   names our own pid but this process does not hold it (pid reused);
//   any computer (e.g. a network share, where pids cannot be checked): no heartbeat for staleAfterMs;
//   unreadable (a crash while it was being created): not modified for staleAfterMs, or before boot.
// The holder re-reads the lock before every write (verify), so a holder that lost its lock
// gets 'locked' instead of writing over another process's files.

const LockInfoSchema = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  startedAt: z.string(),
  heartbeatAt: z.string(),
  token: z.string(),
});
export type LockInfo = z.infer<typeof LockInfoSchema>;

export interface LockOptions {
  /** No heartbeat for this long → stale. Default 2 minutes. */
  staleAfterMs?: number;
  /** How often the holder refreshes the heartbeat. Default 10 s. */
  heartbeatMs?: number;
}

export type AcquireResult =
  | { ok: true; lock: LibraryLock; tookOverFrom: LockInfo | 'unreadable' | null }
  | { ok: false; holder: LockInfo | null };

const heldTokens = new Map<string, string>(); // token → lock file, for the exit handler
let exitHandlerInstalled = false;

function releaseAllOnExit(): void {
  for (const [token, file] of heldTokens) {
    try {
      if (parseLock(readFileSync(file, 'utf8'))?.token === token) unlinkSync(file);
    } catch {
      // nothing to release
    }
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const r = LockInfoSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists on this computer. */
export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const bootTimeMs = () => Date.now() - os.uptime() * 1000;

/** Whether a lock (or an unreadable lock file last modified at mtimeMs) belongs to a holder that is gone. */
export function isLockStale(info: LockInfo | null, mtimeMs: number, staleAfterMs: number, now = Date.now()): boolean {
  const beforeBoot = (t: number) => t < bootTimeMs() - 5000;
  if (!info) return now - mtimeMs > staleAfterMs || beforeBoot(mtimeMs);
  const beat = Math.max(Date.parse(info.heartbeatAt) || 0, mtimeMs);
  if (now - beat > staleAfterMs) return true;
  if (info.hostname !== os.hostname()) return false;
  if (info.pid === process.pid) return !heldTokens.has(info.token);
  return !isPidAlive(info.pid) || beforeBoot(beat);
}

async function readLockFile(file: string): Promise<{ info: LockInfo | null; mtimeMs: number } | null> {
  try {
    const [text, st] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { info: parseLock(text), mtimeMs: st.mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** The lock this process holds on a library. */
export class LibraryLock {
  private timer: NodeJS.Timeout | undefined;
  private lost = false;
  private released = false;
  private beating: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    readonly info: LockInfo,
    heartbeatMs: number,
  ) {
    heldTokens.set(info.token, file);
    this.timer = setInterval(() => void this.heartbeat(), heartbeatMs);
    this.timer.unref();
  }

  /** Whether the lock file on disk is still ours (read before every write). */
  async verify(): Promise<boolean> {
    if (this.lost) return false;
    const cur = await readLockFile(this.file).catch(() => undefined);
    // unreadable for a moment (a virus scanner) or deleted by hand: nobody else holds it, keep going
    if (cur?.info && cur.info.token !== this.info.token) this.lost = true;
    return !this.lost;
  }

  /** Refreshes the heartbeat (re-creating the file if it vanished), unless the lock was lost or released. */
  heartbeat(): Promise<void> {
    const beat = async () => {
      if (this.released || !(await this.verify())) return this.stopTimer();
      const next = { ...this.info, heartbeatAt: new Date().toISOString() };
      if (!this.released) await writeFileAtomic(this.file, JSON.stringify(next), { sync: false }).catch(() => undefined);
    };
    this.beating = this.beating.then(beat);
    return this.beating;
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Stops the heartbeat and removes the lock file if it is still ours. */
  async release(): Promise<void> {
    this.released = true;
    this.stopTimer();
    await this.beating; // a heartbeat in flight must not re-create the file after it is removed
    heldTokens.delete(this.info.token);
    const cur = await readLockFile(this.file).catch(() => null);
    if (cur?.info?.token === this.info.token) await unlink(this.file).catch(() => undefined);
  }
}

async function tryCreate(file: string, info: LockInfo): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    await fh.writeFile(JSON.stringify(info));
  } finally {
    await fh.close();
  }
  return true;
}

/** Takes the library lock, taking over a stale one; { ok: false, holder } when another live process holds it. */
export async function acquireLock(file: string, options: LockOptions = {}): Promise<AcquireResult> {
  const staleAfterMs = options.staleAfterMs ?? 120_000;
  const now = new Date().toISOString();
  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: now, heartbeatAt: now, token: randomUUID() };
  let tookOverFrom: LockInfo | 'unreadable' | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(file, info)) {
      const back = await readLockFile(file);
      if (back?.info?.token !== info.token) return { ok: false, holder: back?.info ?? null }; // lost a takeover race
      if (!exitHandlerInstalled) {
        process.on('exit', releaseAllOnExit);
        exitHandlerInstalled = true;
      }
      return { ok: true, lock: new LibraryLock(file, info, options.heartbeatMs ?? 10_000), tookOverFrom };
    }
    const cur = await readLockFile(file);
    if (!cur) continue; // released in between: try again
    if (!isLockStale(cur.info, cur.mtimeMs, staleAfterMs)) return { ok: false, holder: cur.info };
    tookOverFrom = cur.info ?? 'unreadable';
    await unlink(file).catch(() => undefined);
  }
  return { ok: false, holder: null };
}
