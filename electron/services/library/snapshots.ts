import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { SnapshotInfo } from '../../core/contract';
import type { Report } from '../../core/model/report';
import { TEMP_MARK } from './durable-file';
import { fileStamp, parseFileStamp } from './layout';
import { readReportFile, writeReportFile, type DecodedReport } from './report-files';

// History: every save writes a snapshot history/<id>/<seq>-<stamp>.json (durably, before the
// report file itself, so the newest snapshot is always the newest save). Kept: the last 50 and,
// for 90 days, the last save of each day. The sequence number orders snapshots even when the
// computer's clock was wrong or changed.

export const KEEP_LAST = 50;
export const KEEP_DAILY_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SnapshotMeta {
  snapshotId: string;
  seq: number;
  /** ISO time of the save. */
  savedAt: string;
}

/** The snapshot id for a save: zero-padded sequence number and UTC stamp. */
export function snapshotIdOf(seq: number, savedAt: Date): string {
  return `${String(seq).padStart(8, '0')}-${fileStamp(savedAt)}`;
}

/** Parses a snapshot file name or id; null for anything else. */
export function parseSnapshotName(name: string): SnapshotMeta | null {
  const id = name.endsWith('.json') ? name.slice(0, -5) : name;
  const m = /^(\d{8,})-(\d{8}T\d{9}Z)$/.exec(id);
  const savedAt = m && parseFileStamp(m[2]);
  return m && savedAt ? { snapshotId: id, seq: Number(m[1]), savedAt } : null;
}

const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
};

/** Which snapshots to keep (pure): the newest KEEP_LAST, plus the newest of each local day of the last KEEP_DAILY_DAYS days. */
export function snapshotsToKeep(metas: readonly SnapshotMeta[], now: Date, keepLast = KEEP_LAST, dailyDays = KEEP_DAILY_DAYS): Set<string> {
  const newestFirst = [...metas].sort((a, b) => b.seq - a.seq);
  const keep = new Set(newestFirst.slice(0, keepLast).map((m) => m.snapshotId));
  const since = now.getTime() - dailyDays * DAY_MS;
  const days = new Set<string>();
  for (const m of newestFirst) {
    if (Date.parse(m.savedAt) < since) continue;
    const day = localDay(m.savedAt);
    if (days.has(day)) continue;
    days.add(day);
    keep.add(m.snapshotId);
  }
  return keep;
}

/** The snapshots of one report, kept in memory after the first look at its folder. */
export class SnapshotStore {
  private readonly cache = new Map<string, SnapshotMeta[]>();

  constructor(private readonly historyRoot: string) {}

  private dir(id: string): string {
    return path.join(this.historyRoot, id);
  }

  /** The file of a snapshot. */
  file(id: string, snapshotId: string): string {
    return path.join(this.dir(id), `${snapshotId}.json`);
  }

  /** The snapshots of a report, newest first (removes temp files left by an interrupted write). */
  async list(id: string): Promise<SnapshotMeta[]> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    let names: string[] = [];
    try {
      names = await readdir(this.dir(id));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    for (const n of names) if (n.includes(TEMP_MARK)) await unlink(path.join(this.dir(id), n)).catch(() => undefined);
    const metas = names.map(parseSnapshotName).filter((m): m is SnapshotMeta => m !== null);
    metas.sort((a, b) => b.seq - a.seq);
    this.cache.set(id, metas);
    return metas;
  }

  /** Writes a snapshot of a save durably; returns it. */
  async add(id: string, report: Report, savedAt: Date): Promise<SnapshotMeta> {
    const metas = await this.list(id);
    const seq = (metas[0]?.seq ?? 0) + 1;
    const meta = { snapshotId: snapshotIdOf(seq, savedAt), seq, savedAt: savedAt.toISOString() };
    const file = this.file(id, meta.snapshotId);
    if (metas.length === 0) await mkdir(this.dir(id), { recursive: true });
    await writeReportFile(file, report).catch(async (e) => {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await mkdir(this.dir(id), { recursive: true }); // the folder was removed while the app ran
      await writeReportFile(file, report);
    });
    metas.unshift(meta);
    return meta;
  }

  /** Removes a snapshot (one whose save did not complete, or pruned). */
  async remove(id: string, snapshotId: string): Promise<void> {
    await unlink(this.file(id, snapshotId)).catch(() => undefined);
    const metas = this.cache.get(id);
    if (metas) this.cache.set(id, metas.filter((m) => m.snapshotId !== snapshotId));
  }

  /** Deletes what the retention policy no longer keeps. */
  async prune(id: string, now: Date): Promise<void> {
    const metas = await this.list(id);
    if (metas.length <= KEEP_LAST) return;
    const keep = snapshotsToKeep(metas, now);
    for (const m of metas) if (!keep.has(m.snapshotId)) await this.remove(id, m.snapshotId);
  }

  /** Reads and validates a snapshot; null when it does not exist; CorruptFileError when it is damaged. */
  async read(id: string, snapshotId: string): Promise<DecodedReport | null> {
    if (!parseSnapshotName(snapshotId)) return null;
    return readReportFile(this.file(id, snapshotId));
  }

  /** The newest snapshot that reads and validates, or null. */
  async newestGood(id: string): Promise<{ meta: SnapshotMeta; report: Report } | null> {
    for (const meta of await this.list(id)) {
      const r = await this.read(id, meta.snapshotId).catch(() => null);
      if (r) return { meta, report: r.report };
    }
    return null;
  }

  /** History as the contract returns it, newest first. */
  async infos(id: string): Promise<SnapshotInfo[]> {
    const out: SnapshotInfo[] = [];
    for (const m of await this.list(id)) {
      const st = await stat(this.file(id, m.snapshotId)).catch(() => null);
      if (st) out.push({ snapshotId: m.snapshotId, savedAt: m.savedAt, bytes: st.size });
    }
    return out;
  }

  /** Forgets the cached listing of a report (after its id changed hands). */
  forget(id: string): void {
    this.cache.delete(id);
  }
}
