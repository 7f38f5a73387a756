import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseReportJson } from '../core/model/report-file';
import type { Report } from '../core/model/report';

export type ReadReportResult = { ok: true; report: Report; warnings: string[] } | { ok: false; message: string };

/** The largest file the app will open (a real report is well under 5 MB). */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** Reads a file from disk with a size cap; a Chinese message when it cannot be read. */
export async function readInputBytes(file: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) return { ok: false, message: `${file} 是一个文件夹，不是文件` };
    if (s.size > MAX_INPUT_BYTES) return { ok: false, message: `${path.basename(file)} 太大（${(s.size / 1048576).toFixed(0)} MB），年报文件不应超过 ${MAX_INPUT_BYTES / 1048576} MB` };
    return { ok: true, bytes: new Uint8Array(await readFile(file)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: `找不到文件：${file}` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: `没有权限读取文件：${file}` };
    return { ok: false, message: `无法读取文件 ${file}：${(e as Error).message}` };
  }
}

/** Reads a report JSON file (the app's own format or written by hand). */
export async function readReportFile(file: string): Promise<ReadReportResult> {
  const r = await readInputBytes(file);
  if (!r.ok) return r;
  const text = new TextDecoder('utf-8').decode(r.bytes);
  const parsed = parseReportJson(text);
  if (!parsed.ok) return { ok: false, message: `${path.basename(file)}：${parsed.message}` };
  return { ok: true, report: parsed.report, warnings: parsed.notes };
}
