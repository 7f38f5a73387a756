import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { contract, fail, ok, type Notice, type ReportSummary, type Result, type SnapshotInfo, type TrashEntry } from '../../core/contract';
import { createBlankReport, newId } from '../../core/model/new-report';
import type { Report } from '../../core/model/report';
import { decodeBackup, encodeBackup, type BackupContent } from './backup';
import { CorruptFileError, fsyncDir, renameWithRetry, TEMP_MARK } from './durable-file';
import { failFromError } from './errors';
import { fileKeyOf, IndexStore, summarize } from './index-store';
import { idOfFileName, isFileSafeId, layoutOf, reportFile, trashFile, type Layout } from './layout';
import { acquireLock, type LibraryLock, type LockInfo, type LockOptions } from './lock';
import { loadReport, type LoadOutcome } from './recovery';
import { canonicalJson, readReportFile, validateForStorage, writeReportFile } from './report-files';
import { SnapshotStore } from './snapshots';

// The report library: many reports (units × years; hundreds in a county office) in one data folder.
//
// Layout — one lowdb file per report plus a small derived index (see layout.ts for the paths):
//   reports/<id>.json     the report, the app's own report JSON (`nianbao check` reads it as is)
//   history/<id>/*.json   one snapshot per save, pruned to the last 50 + one a day for 90 days
//   trash/<id>.json       deleted reports
//   index.json            summaries with cached error/warning counts, for list()
//   library.lock          one writer at a time
// Why: a save must stay cheap and safe however big the library grows. With one file per report
// a save writes ~10 KB (that report, plus its snapshot) whatever the number of reports; a single
// lowdb file for the whole library would rewrite and fsync every report on every keystroke-save,
// and one damaged file would take every report with it. The index is only a cache: it is written
// without fsync, a few seconds after saves, and on open any report file whose identity (inode,
// size, mtime) differs from its index entry is read again — so list() reads no report file and a
// crash costs nothing but a re-read. Every write is temp file → fsync → rename → fsync folder.

export { resolveDataDir } from './layout';

export interface OpenLibraryOptions {
  dataDir: string;
  /** The time of saves, snapshots and notices (tests simulate days with it). */
  clock?: () => Date;
  lock?: LockOptions;
  /** How long after a save the index is written. Default 2 s. */
  indexFlushMs?: number;
}

export interface Library {
  readonly dataDir: string;
  list(): Promise<Result<ReportSummary[]>>;
  get(id: string): Promise<Result<Report>>;
  create(input: { unitName: string; level: Report['unit']['level']; year: number }): Promise<Result<Report>>;
  save(report: Report): Promise<Result<{ savedAt: string; summary: ReportSummary }>>;
  rename(id: string, title: string): Promise<Result<ReportSummary>>;
  duplicate(id: string): Promise<Result<ReportSummary>>;
  delete(id: string): Promise<Result<null>>;
  trash(): Promise<Result<TrashEntry[]>>;
  restore(id: string): Promise<Result<ReportSummary>>;
  history(id: string): Promise<Result<SnapshotInfo[]>>;
  restoreSnapshot(id: string, snapshotId: string): Promise<Result<Report>>;
  notices(): Promise<Result<Notice[]>>;
  exportBackup(): Promise<Result<Uint8Array>>;
  importBackup(bytes: Uint8Array): Promise<Result<{ added: number; skipped: number }>>;
  insert(report: Report): Promise<Result<ReportSummary>>;
  close(): Promise<void>;
}

const notFound = <T>(id: string): Result<T> => fail('not-found', `找不到这份报告（编号 ${id}），可能已被删除。`);

/** The Chinese message for a library another process holds. */
export function lockedMessage(holder: LockInfo | null): string {
  const who = holder ? `（进程 ${holder.pid}${holder.hostname !== os.hostname() ? `，计算机“${holder.hostname}”` : ''}）` : '';
  return `报告库正被另一个程序${who}使用……为避免文件损坏，同一时间只能有一个程序修改报告库。请关闭另一个年报窗口或命令行程序后重试。`;
}

function invalidInput<T>(error: z.ZodError): Result<T> {
  const lines = error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '输入'}：${i.message}`);
  return fail('invalid-input', `输入有误：${lines.join('；')}`);
}

class LibraryImpl implements Library {
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Notice[] = [];
  private closed = false;
  /** Files left alone (a newer version's report, a damaged trashed file): their ids are taken. */
  private readonly unusable = new Set<string>();
  private readonly snapshots: SnapshotStore;

  constructor(
    private readonly layout: Layout,
    private readonly lock: LibraryLock,
    private readonly index: IndexStore,
    private readonly clock: () => Date,
  ) {
    this.snapshots = new SnapshotStore(layout.history);
  }

  get dataDir(): string {
    return this.layout.dataDir;
  }

  /** Queues a notice for the user. */
  notify(n: Omit<Notice, 'at'>): void {
    this.pending.push({ ...n, at: this.clock().toISOString() });
  }

  /** Runs one operation at a time: closed and lock checks, every error turned into a Result. */
  private run<T>(what: string, fn: () => Promise<Result<T>>): Promise<Result<T>> {
    const task = async (): Promise<Result<T>> => {
      if (this.closed) return fail('internal', '报告库已关闭，请重新打开软件。');
      if (!(await this.lock.verify())) {
        return fail('locked', '报告库已被另一个程序接管。为避免覆盖对方的修改，本窗口不能再保存，请关闭本窗口后重新打开。');
      }
      try {
        return await fn();
      } catch (e) {
        return failFromError(e, what);
      }
    };
    const p = this.queue.then(task, task);
    this.queue = p.catch(() => undefined);
    return p;
  }

  // ---- reading ----

  /** Loads a report and keeps its index entry in step with the file (updatedAt: the entry's, else the hint, else the newest snapshot's). */
  private async load(id: string, updatedAtHint?: string): Promise<LoadOutcome> {
    const ctx = { snapshots: this.snapshots, now: this.clock(), notify: (n: Omit<Notice, 'at'>) => this.notify(n) };
    const file = reportFile(this.layout, id);
    const outcome = await loadReport(file, id, ctx);
    if (outcome.kind === 'ok') {
      this.unusable.delete(id);
      const st = await stat(file);
      const entry = this.index.get(id);
      if (entry?.fileKey !== fileKeyOf(st)) {
        const updatedAt = entry?.updatedAt ?? updatedAtHint ?? (await this.snapshots.list(id))[0]?.savedAt ?? st.mtime.toISOString();
        this.index.put(summarize(outcome.report, updatedAt), fileKeyOf(st));
      }
    } else {
      this.index.remove(id);
      if (outcome.kind === 'unusable' && (await stat(file).catch(() => null))) this.unusable.add(id);
    }
    return outcome;
  }

  private async loadOrFail(id: string): Promise<Result<Report>> {
    if (!this.index.get(id)) return notFound(id);
    const o = await this.load(id);
    if (o.kind === 'ok') return ok(o.report);
    return o.kind === 'missing' ? notFound(id) : fail('bad-file', o.message);
  }

  /** On open: drops entries whose files are gone, re-reads files that changed since the index was written. */
  async reconcile(): Promise<void> {
    await this.idsIn(this.layout.dataDir); // only to remove temp files of the index or the lock heartbeat
    const ids = await this.idsIn(this.layout.reports);
    const present = new Set(ids);
    for (const id of this.index.ids()) if (!present.has(id)) this.index.remove(id);
    const stats = await Promise.all(ids.map((id) => stat(reportFile(this.layout, id)).catch(() => null)));
    for (let i = 0; i < ids.length; i++) {
      const st = stats[i];
      if (st && this.index.get(ids[i])?.fileKey === fileKeyOf(st)) continue;
      if (st) this.index.remove(ids[i]); // read again below
      await this.load(ids[i]).catch((e) => this.skipUnreadable(ids[i], e));
    }
    await this.reconcileTrash();
    await this.index.flush().catch(() => undefined);
  }

  /** One file that cannot even be read (a folder in its place, no permission) must not stop the library from opening. */
  private skipUnreadable(id: string, e: unknown): void {
    this.unusable.add(id);
    const why = (e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? String(e);
    this.notify({ kind: 'info', message: `无法读取报告文件 ${id}.json（${why}），已跳过；文件保持原样。`, reportId: id });
  }

  private async reconcileTrash(): Promise<void> {
    const ids = await this.idsIn(this.layout.trash);
    const present = new Set(ids);
    for (const id of this.index.trashIds()) if (!present.has(id)) this.index.removeTrash(id);
    for (const id of ids) {
      if (this.index.getTrash(id)) continue;
      const file = trashFile(this.layout, id);
      const decoded = await readReportFile(file).catch(() => null);
      const st = await stat(file).catch(() => null);
      if (!decoded || !st) {
        this.unusable.add(id); // a damaged trashed file stays where it is, unlisted, its id taken
        continue;
      }
      const updatedAt = (await this.snapshots.list(id))[0]?.savedAt ?? st.mtime.toISOString();
      const r = decoded.report;
      this.index.putTrash({ id, title: r.title, unitName: r.unit.name, year: r.year, deletedAt: st.mtime.toISOString(), updatedAt });
    }
  }

  /** Report ids in a folder (removing temp files an interrupted write left behind). */
  private async idsIn(dir: string): Promise<string[]> {
    const names = await readdir(dir);
    for (const n of names) if (n.includes(TEMP_MARK)) await unlink(path.join(dir, n)).catch(() => undefined);
    return names.map(idOfFileName).filter((id): id is string => id !== null);
  }

  // ---- writing ----

  private isTaken(id: string): boolean {
    return this.index.isTaken(id) || this.unusable.has(id);
  }

  private freshId(): string {
    let id = newId('r');
    while (this.isTaken(id)) id = newId('r');
    return id;
  }

  /** One save: snapshot first, then the report file, both durable; then the index (in memory) and pruning. */
  private async writeVersion(report: Report): Promise<{ savedAt: string; summary: ReportSummary }> {
    const now = this.clock();
    const snap = await this.snapshots.add(report.id, report, now);
    const file = reportFile(this.layout, report.id);
    try {
      await writeReportFile(file, report);
    } catch (e) {
      await this.snapshots.remove(report.id, snap.snapshotId);
      throw e;
    }
    const summary = summarize(report, now.toISOString());
    this.index.put(summary, fileKeyOf(await stat(file)));
    await this.snapshots.prune(report.id, now).catch(() => undefined);
    return { savedAt: now.toISOString(), summary };
  }

  /** Adds a report under its own id, or a new one when that id is taken or cannot name a file. */
  private async insertValid(report: Report): Promise<ReportSummary> {
    const id = this.isTaken(report.id) || !isFileSafeId(report.id) ? this.freshId() : report.id;
    this.snapshots.forget(id);
    return (await this.writeVersion({ ...report, id })).summary;
  }

  // ---- the API ----

  /** Summaries of every report, from the index. */
  async list(): Promise<Result<ReportSummary[]>> {
    if (this.closed) return fail('internal', '报告库已关闭，请重新打开软件。');
    return ok(this.index.summaries());
  }

  /** One report, validated (recovered or migrated if need be). */
  get(id: string): Promise<Result<Report>> {
    const input = contract['library:get'].input.safeParse({ id });
    if (!input.success) return Promise.resolve(invalidInput(input.error));
    return this.run('打开报告', () => this.loadOrFail(id));
  }

  /** A new blank report for a unit and year. */
  create(input: { unitName: string; level: Report['unit']['level']; year: number }): Promise<Result<Report>> {
    const parsed = contract['library:create'].input.safeParse(input);
    if (!parsed.success) return Promise.resolve(invalidInput(parsed.error));
    return this.run('新建报告', async () => {
      const report = createBlankReport({ unitName: parsed.data.unitName, level: parsed.data.level, year: parsed.data.year, id: this.freshId() });
      await this.writeVersion(report);
      return ok(report);
    });
  }

  /** Saves a report that is in the library (durably, with a snapshot). */
  save(report: Report): Promise<Result<{ savedAt: string; summary: ReportSummary }>> {
    return this.run('保存报告', async () => {
      const parsed = contract['library:save'].input.safeParse({ report });
      if (!parsed.success) return invalidInput(parsed.error);
      const valid = validateForStorage(parsed.data.report);
      if (!valid.ok) return fail('invalid-input', valid.message);
      const id = valid.report.id;
      if (this.index.getTrash(id)) return fail('not-found', '这份报告已移到回收站，请先从回收站恢复后再保存。');
      if (!this.index.get(id)) return notFound(id);
      return ok(await this.writeVersion(valid.report));
    });
  }

  /** Changes a report's title. */
  rename(id: string, title: string): Promise<Result<ReportSummary>> {
    const parsed = contract['library:rename'].input.safeParse({ id, title });
    if (!parsed.success) return Promise.resolve(invalidInput(parsed.error));
    return this.run('重命名报告', async () => {
      const r = await this.loadOrFail(id);
      if (!r.ok) return r;
      return ok((await this.writeVersion({ ...r.value, title: parsed.data.title })).summary);
    });
  }

  /** A copy of a report under a new id, titled "…（副本）". */
  duplicate(id: string): Promise<Result<ReportSummary>> {
    const parsed = contract['library:duplicate'].input.safeParse({ id });
    if (!parsed.success) return Promise.resolve(invalidInput(parsed.error));
    return this.run('复制报告', async () => {
      const r = await this.loadOrFail(id);
      if (!r.ok) return r;
      const title = `${r.value.title}（副本）`.slice(0, 300);
      return ok(await this.insertValid({ ...r.value, id: this.freshId(), title }));
    });
  }

  /** Moves a report to the trash (its history stays). */
  delete(id: string): Promise<Result<null>> {
    const parsed = contract['library:delete'].input.safeParse({ id });
    if (!parsed.success) return Promise.resolve(invalidInput(parsed.error));
    return this.run('删除报告', async () => {
      const entry = this.index.get(id);
      if (!entry) return notFound(id);
      await renameWithRetry(reportFile(this.layout, id), trashFile(this.layout, id));
      await fsyncDir(this.layout.trash);
      await fsyncDir(this.layout.reports);
      this.index.remove(id);
      const { title, unitName, year, updatedAt } = entry;
      this.index.putTrash({ id, title, unitName, year, updatedAt, deletedAt: this.clock().toISOString() });
      return ok(null);
    });
  }

  /** The trashed reports, most recently deleted first. */
  trash(): Promise<Result<TrashEntry[]>> {
    return this.run('查看回收站', async () => ok(this.index.trashEntries()));
  }

  /** Puts a trashed report back in the library. */
  restore(id: string): Promise<Result<ReportSummary>> {
    const parsed = contract['library:restore'].input.safeParse({ id });
    if (!parsed.success) return Promise.resolve(invalidInput(parsed.error));
    return this.run('从回收站恢复', async () => {
      const t = this.index.getTrash(id);
      if (!t) return fail('not-found', `回收站中没有这份报告（编号 ${id}）。`);
      if (this.index.get(id) || this.unusable.has(id)) return this.restoreUnderNewId(id);
      await renameWithRetry(trashFile(this.layout, id), reportFile(this.layout, id));
      await fsyncDir(this.layout.reports);
      await fsyncDir(this.layout.trash);
      this.index.removeTrash(id);
      const o = await this.load(id, t.updatedAt);
      if (o.kind !== 'ok') return o.kind === 'missing' ? notFound(id) : fail('bad-file', o.message);
      return ok(summarize(o.report, t.updatedAt));
    });
  }

  private async restoreUnderNewId(id: string): Promise<Result<ReportSummary>> {
    const decoded = await readReportFile(trashFile(this.layout, id));
    if (!decoded) return fail('not-found', `回收站中没有这份报告（编号 ${id}）。`);
    const summary = await this.insertValid({ ...decoded.report, id: this.freshId() });
    await unlink(trashFile(this.layout, id));
    this.index.removeTrash(id);
    return ok(summary);
  }

  /** The snapshots of a report, newest first. */
  history(id: string): Promise<Result<SnapshotInfo[]>> {
    const parsed = contract['library:history'].input.safeParse({ id });
    if (!parsed.success) return Promise.resolve(invalidInput(parsed.error));
    return this.run('查看历史版本', async () => {
      if (!this.index.get(id) && !this.index.getTrash(id)) return notFound(id);
      return ok(await this.snapshots.infos(id));
    });
  }

  /** Makes a snapshot the current version (a save of its own, so the version before is kept too). */
  restoreSnapshot(id: string, snapshotId: string): Promise<Result<Report>> {
    const parsed = contract['library:restoreSnapshot'].input.safeParse({ id, snapshotId });
    if (!parsed.success) return Promise.resolve(invalidInput(parsed.error));
    return this.run('恢复历史版本', async () => {
      if (!this.index.get(id)) return notFound(id);
      let snap;
      try {
        snap = await this.snapshots.read(id, snapshotId);
      } catch (e) {
        if (e instanceof CorruptFileError) return fail('bad-file', `这个历史版本已损坏，无法恢复：${e.reason}`);
        throw e;
      }
      if (!snap) return fail('not-found', '找不到这个历史版本，可能已按保留规则清理。');
      const report = { ...snap.report, id };
      await this.writeVersion(report);
      return ok(report);
    });
  }

  /** What happened since the last call (recoveries, migrations, a taken-over lock); clears the list. */
  async notices(): Promise<Result<Notice[]>> {
    const out = this.pending;
    this.pending = [];
    return ok(out);
  }

  /** The whole library (reports and trash) as one validated backup file. */
  exportBackup(): Promise<Result<Uint8Array>> {
    return this.run('导出备份', async () => {
      const content: BackupContent = { exportedAt: this.clock().toISOString(), reports: [], trash: [] };
      for (const id of this.index.ids()) {
        const entry = this.index.get(id)!;
        const o = await this.load(id);
        if (o.kind === 'ok') content.reports.push({ updatedAt: entry.updatedAt, report: o.report });
      }
      for (const id of this.index.trashIds()) {
        const t = this.index.getTrash(id)!;
        const decoded = await readReportFile(trashFile(this.layout, id)).catch(() => null);
        if (decoded) content.trash.push({ updatedAt: t.updatedAt, deletedAt: t.deletedAt, report: { ...decoded.report, id } });
      }
      return ok(encodeBackup(content));
    });
  }

  /** Adds the reports of a backup: same id and same content → skipped; same id, other content → a new id. */
  importBackup(bytes: Uint8Array): Promise<Result<{ added: number; skipped: number }>> {
    return this.run('导入备份', async () => {
      if (!(bytes instanceof Uint8Array)) return fail('invalid-input', '备份内容应为文件的字节');
      const decoded = decodeBackup(bytes);
      if (!decoded.ok) return fail('bad-file', decoded.message);
      let added = 0;
      let skipped = 0;
      for (const e of decoded.content.reports) {
        if (await this.sameAsExisting(e.report)) skipped++;
        else {
          await this.insertValid(e.report);
          added++;
        }
      }
      for (const e of decoded.content.trash) {
        if (await this.sameAsExisting(e.report)) skipped++;
        else {
          await this.insertTrashed(e.report, e.deletedAt, e.updatedAt);
          added++;
        }
      }
      return ok({ added, skipped });
    });
  }

  private async sameAsExisting(report: Report): Promise<boolean> {
    const file = this.index.get(report.id) ? reportFile(this.layout, report.id) : this.index.getTrash(report.id) ? trashFile(this.layout, report.id) : null;
    if (!file) return false;
    const existing = await readReportFile(file).catch(() => null);
    return existing !== null && canonicalJson({ ...existing.report, id: report.id }) === canonicalJson(report);
  }

  private async insertTrashed(report: Report, deletedAt: string, updatedAt: string): Promise<void> {
    const id = this.isTaken(report.id) || !isFileSafeId(report.id) ? this.freshId() : report.id;
    await writeReportFile(trashFile(this.layout, id), { ...report, id });
    this.index.putTrash({ id, title: report.title, unitName: report.unit.name, year: report.year, deletedAt, updatedAt });
  }

  /** Adds a report (import, roll-forward); a new id when its id is taken. Returns its summary (with the id used). */
  insert(report: Report): Promise<Result<ReportSummary>> {
    return this.run('添加报告', async () => {
      const valid = validateForStorage(report);
      return valid.ok ? ok(await this.insertValid(valid.report)) : fail('invalid-input', valid.message);
    });
  }

  /** Writes the index, releases the lock; the library cannot be used afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    await this.index.flush().catch(() => undefined);
    this.index.stop();
    await this.lock.release();
  }
}

function lockStaleNotice(from: LockInfo | 'unreadable'): Omit<Notice, 'at'> {
  const who = from === 'unreadable' ? '' : `（进程 ${from.pid}）`;
  return {
    kind: 'lock-stale',
    message: `上次使用报告库的程序${who}没有正常退出（可能是断电、死机或被强制结束），本程序已接管报告库。各报告已自动检查，如有问题会另行提示。`,
  };
}

/** Opens (creating if need be) the library in dataDir; fails only when another process holds it or the disk refuses. */
export async function openLibrary(options: OpenLibraryOptions): Promise<Result<Library>> {
  const clock = options.clock ?? (() => new Date());
  let lock: LibraryLock | undefined;
  try {
    const layout = layoutOf(options.dataDir);
    for (const dir of [layout.reports, layout.history, layout.trash]) await mkdir(dir, { recursive: true });
    const acquired = await acquireLock(layout.lock, options.lock);
    if (!acquired.ok) return fail('locked', lockedMessage(acquired.holder));
    lock = acquired.lock;
    const index = await IndexStore.load(layout.index, options.indexFlushMs ?? 2000);
    const lib = new LibraryImpl(layout, lock, index, clock);
    if (acquired.tookOverFrom) lib.notify(lockStaleNotice(acquired.tookOverFrom));
    await lib.reconcile();
    return ok(lib);
  } catch (e) {
    await lock?.release().catch(() => undefined);
    return failFromError(e, `打开报告库（${options.dataDir}）`);
  }
}
