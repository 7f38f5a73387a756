import { z } from 'zod';
import { ReportSchema, type Report } from '../../core/model/report';
import { CorruptFileError } from './durable-file';
import { decodeReport, NewerVersionError } from './report-files';

// The backup file: the whole library (reports and trash; not the history) as one versioned JSON
// file, for moving to a new PC. Exports are validated before they are handed out; imports are
// validated whole (each report migrated and checked) before anything is written.

/** The marker and version every backup file carries. */
export const BACKUP_FORMAT = 'nianbao-backup';
export const BACKUP_VERSION = 1;

const entry = <T extends z.ZodType>(report: T) => z.strictObject({ updatedAt: z.string(), report });
const trashEntry = <T extends z.ZodType>(report: T) => z.strictObject({ updatedAt: z.string(), deletedAt: z.string(), report });

const shape = <T extends z.ZodType>(report: T) =>
  z.strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.string(),
    reports: z.array(entry(report)),
    trash: z.array(trashEntry(report)),
  });

const ExportSchema = shape(ReportSchema);
const ImportSchema = shape(z.unknown());

export interface BackupContent {
  exportedAt: string;
  reports: Array<{ updatedAt: string; report: Report }>;
  trash: Array<{ updatedAt: string; deletedAt: string; report: Report }>;
}

/** The backup file's bytes (UTF-8 JSON), validated. */
export function encodeBackup(content: BackupContent): Uint8Array {
  const data = ExportSchema.parse({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...content });
  return new TextEncoder().encode(JSON.stringify(data));
}

/** A file name for the backup: 年报备份-20261128.json. */
export function backupFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `年报备份-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}.json`;
}

/** Parses and validates a backup file; every report is migrated and checked, or nothing is accepted. */
export function decodeBackup(bytes: Uint8Array): { ok: true; content: BackupContent } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: '备份文件已损坏或不是年报备份：无法读取其中的 JSON 内容' };
  }
  const parsed = ImportSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { version?: unknown } | null)?.version;
    if ((json as { format?: unknown } | null)?.format === BACKUP_FORMAT && typeof version === 'number' && version > BACKUP_VERSION) {
      return { ok: false, message: `此备份由更新版本的软件生成（备份格式版本 ${version}），请升级软件后再导入` };
    }
    return { ok: false, message: '文件不是年报备份（缺少备份标记或格式不对）' };
  }
  try {
    const toReport = (r: unknown, where: string) => decodeReport(r, where).report;
    return {
      ok: true,
      content: {
        exportedAt: parsed.data.exportedAt,
        reports: parsed.data.reports.map((e, i) => ({ updatedAt: e.updatedAt, report: toReport(e.report, `第 ${i + 1} 份报告`) })),
        trash: parsed.data.trash.map((e, i) => ({ updatedAt: e.updatedAt, deletedAt: e.deletedAt, report: toReport(e.report, `回收站中的第 ${i + 1} 份报告`) })),
      },
    };
  } catch (e) {
    if (e instanceof CorruptFileError || e instanceof NewerVersionError) return { ok: false, message: `备份文件中有无效的报告，未导入任何内容：${e.message}` };
    throw e;
  }
}
