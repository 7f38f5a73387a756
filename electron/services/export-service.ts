import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { exportDocx } from '../core/docx/export-docx';
import type { FontSet } from '../core/docx/docx-fonts';
import type { Report } from '../core/model/report';
import { check } from '../core/rules/check';
import type { Issue } from '../core/rules/issue';
import { findMissingFonts, type ProbeOptions } from './font-probe';

// Exporting a report to a .docx file on disk: written atomically (temp file in the same folder, then rename),
// with the checker's issues and the fonts this PC lacks. Problems come back as Chinese messages, never thrown.

/** How to export: font set, last year's report for the checker, font probe (tests). */
export interface ExportFileOptions {
  fontSet?: FontSet;
  /** Last year's report: the checker then also runs the cross-year rules S1/S2. Export never changes numbers. */
  previous?: Report;
  /** For tests: how fonts are probed. */
  fontProbe?: ProbeOptions;
}

/** The written path with issues and missing fonts, or a Chinese message saying why nothing was written. */
export type ExportFileResult =
  | {
      ok: true;
      path: string;
      /** Fonts the document names that this PC does not have (empty when all present or unknown). */
      missingFonts: string[];
      /** Why missing fonts could not be checked, when they could not. */
      fontNote?: string;
      issues: Issue[];
    }
  | { ok: false; message: string };

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

/** Chinese message for an error while writing the export. */
function writeMessage(e: unknown, target: string, stage: 'temp' | 'rename'): string {
  const code = codeOf(e);
  const dir = path.dirname(target);
  if (stage === 'rename' && (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES')) {
    return `无法保存到 ${target}：文件可能正在 Word/WPS 中打开，请先关闭后再导出`;
  }
  switch (code) {
    case 'ENOENT':
      return `文件夹不存在：${dir}`;
    case 'ENOTDIR':
      return `保存位置无效：${dir} 不是文件夹`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限在该文件夹中保存文件：${dir}`;
    case 'EROFS':
      return `该位置是只读的，无法保存：${dir}`;
    case 'ENOSPC':
      return `磁盘空间不足，无法保存：${target}`;
    case 'EISDIR':
      return `${target} 是一个文件夹，请指定 .docx 文件名`;
    case 'ENAMETOOLONG':
      return `文件路径太长，无法保存：${target}`;
    default:
      return `无法保存到 ${target}：${(e as Error)?.message ?? String(e)}`;
  }
}

/** Checks the target before any work: a .docx name in a folder that exists, not a folder itself. */
async function checkTarget(target: string): Promise<string | undefined> {
  try {
    if ((await stat(target)).isDirectory()) return `${target} 是一个文件夹，请指定 .docx 文件名`;
  } catch {
    // Not there yet: fine.
  }
  if (path.extname(target).toLowerCase() !== '.docx') return `导出文件名应以 .docx 结尾：${target}`;
  const dir = path.dirname(target);
  try {
    const d = await stat(dir);
    if (!d.isDirectory()) return `保存位置无效：${dir} 不是文件夹`;
  } catch (e) {
    return codeOf(e) === 'ENOENT' ? `文件夹不存在：${dir}` : writeMessage(e, target, 'temp');
  }
  return undefined;
}

/** Writes bytes to a temp file beside the target, flushes it, then renames it over the target. */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<string | undefined> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(temp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    return writeMessage(e, target, 'temp');
  }
  try {
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    return writeMessage(e, target, 'rename');
  }
  return undefined;
}

/** Exports a report to a .docx file; issues are reported, never a reason to refuse the export. */
export async function exportReportToFile(report: Report, outPath: string, options: ExportFileOptions = {}): Promise<ExportFileResult> {
  const target = path.resolve(outPath);
  const bad = await checkTarget(target);
  if (bad) return { ok: false, message: bad };
  const issues = check(report, { previous: options.previous });
  let exported;
  try {
    exported = await exportDocx(report, { fontSet: options.fontSet });
  } catch (e) {
    return { ok: false, message: `生成 Word 文件失败：${(e as Error).message}` };
  }
  const [failed, fonts] = await Promise.all([
    writeAtomically(target, exported.bytes),
    findMissingFonts(exported.fontsNeeded, options.fontProbe).catch((e: unknown) => ({ missing: [] as string[], note: `未能检查字体：${(e as Error).message}` })),
  ]);
  if (failed) return { ok: false, message: failed };
  return { ok: true, path: target, missingFonts: fonts.missing, ...(fonts.note ? { fontNote: fonts.note } : {}), issues };
}
