import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Notice } from '../../core/contract';
import { SCHEMA_VERSION, type Report } from '../../core/model/report';
import { CorruptFileError, fsyncDir, renameWithRetry, writeFileAtomic } from './durable-file';
import { fileStamp } from './layout';
import { NewerVersionError, readReportFile, writeReportFile } from './report-files';
import type { SnapshotStore } from './snapshots';

// Loading a report file with everything that can go wrong on an office PC handled:
//   does not parse / does not validate → moved aside (never overwritten, never deleted) as
//     <id>.corrupt-<stamp>.json, the newest good snapshot put back, a notice for the user;
//   an older schema version → the original kept once as <id>.v<n>.bak.json, the migrated
//     version written, a notice;
//   a newer schema version → left alone, reported.

export type LoadOutcome =
  | { kind: 'ok'; report: Report }
  | { kind: 'missing' }
  | { kind: 'unusable'; message: string };

export interface LoadContext {
  snapshots: SnapshotStore;
  now: Date;
  notify: (n: Omit<Notice, 'at'>) => void;
}

/** A save time as the clerk reads it: local time, "2026-11-28 10:15:00". */
export function localTimeText(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const exists = (file: string) => stat(file).then(
  () => true,
  () => false,
);

/** Moves a damaged file aside next to itself; returns the new name. */
export async function setAside(file: string, now: Date, label = 'corrupt'): Promise<string> {
  const base = file.slice(0, -'.json'.length);
  let target = `${base}.${label}-${fileStamp(now)}.json`;
  for (let i = 2; await exists(target); i++) target = `${base}.${label}-${fileStamp(now)}-${i}.json`;
  await renameWithRetry(file, target);
  await fsyncDir(path.dirname(file));
  return path.basename(target);
}

async function recoverCorrupt(file: string, id: string, err: CorruptFileError, ctx: LoadContext): Promise<LoadOutcome> {
  const asideName = await setAside(file, ctx.now);
  const good = await ctx.snapshots.newestGood(id);
  if (!good) {
    const message = `报告文件 ${path.basename(file)} 已损坏（${err.reason}），且没有可用的历史版本。原文件没有删除，已另存为 ${asideName}，可交技术人员处理。`;
    ctx.notify({ kind: 'set-aside', message, reportId: id });
    return { kind: 'unusable', message };
  }
  const report = { ...good.report, id };
  await writeReportFile(file, report);
  ctx.notify({
    kind: 'recovered',
    message: `报告“${report.title}”的文件已损坏（${err.reason}），已恢复为 ${localTimeText(good.meta.savedAt)} 保存的版本。损坏的文件没有删除，已另存为 ${asideName}。`,
    reportId: id,
  });
  return { kind: 'ok', report };
}

async function keepOriginalOnce(file: string, from: number): Promise<string> {
  const bak = `${file.slice(0, -'.json'.length)}.v${from}.bak.json`;
  if (!(await exists(bak))) await writeFileAtomic(bak, await readFile(file));
  return path.basename(bak);
}

/** Reads reports/<id>.json, recovering, migrating or reporting as described above. */
export async function loadReport(file: string, id: string, ctx: LoadContext): Promise<LoadOutcome> {
  try {
    const decoded = await readReportFile(file);
    if (!decoded) return { kind: 'missing' };
    const report = decoded.report.id === id ? decoded.report : { ...decoded.report, id };
    if (decoded.from < SCHEMA_VERSION) {
      const bak = await keepOriginalOnce(file, decoded.from);
      await writeReportFile(file, report);
      ctx.notify({
        kind: 'migrated',
        message: `报告“${report.title}”是旧版软件保存的（格式版本 ${decoded.from}），已升级为当前格式（版本 ${SCHEMA_VERSION}）。原文件已另存为 ${bak}。`,
        reportId: id,
      });
    }
    return { kind: 'ok', report };
  } catch (e) {
    if (e instanceof CorruptFileError) return recoverCorrupt(file, id, e, ctx);
    if (e instanceof NewerVersionError) {
      const message = `报告文件 ${path.basename(file)}：${e.message}。文件保持原样。`;
      ctx.notify({ kind: 'info', message, reportId: id });
      return { kind: 'unusable', message };
    }
    throw e;
  }
}
