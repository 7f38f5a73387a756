import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportLogEntry, ImportResult } from '../core/import/import-result';
import { readInputBytes, readReportFile } from './read-report-file';

// Importing a file from disk: size checked before reading, report JSON read directly, everything
// else imported in a worker thread that is terminated after a hard time limit, so no file can hang
// or take down the app.

export type ImportFileResult = { ok: true; result: ImportResult } | { ok: false; message: string };

export interface ImportFileOptions {
  /** Hard time limit for one import (default 20 s). */
  timeoutMs?: number;
  /** Worker script to run (a built bundle); by default the TypeScript worker next to this file. */
  workerUrl?: URL;
}

export const IMPORT_TIMEOUT_MS = 20_000;
/** Memory the import worker may use before it is stopped (a broken file must not exhaust the machine). */
const WORKER_HEAP_MB = 1536;

interface WorkerReply {
  ok: boolean;
  result?: ImportResult;
  message?: string;
}

/** The bundled worker: beside this bundle (dist/main) or in dist/main from the web server's bundle; outside the asar archive. */
function builtWorker(self: string): URL {
  const candidates = [new URL('./import-worker.mjs', self), new URL('../main/import-worker.mjs', self)].map((u) => {
    const file = fileURLToPath(u).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    return pathToFileURL(file);
  });
  return candidates.find((u) => existsSync(fileURLToPath(u))) ?? candidates[0];
}

/** How to start the worker: the built .mjs beside a bundled service, else the .ts source through tsx. */
function workerStart(options: ImportFileOptions): { script: string | URL; eval: boolean } {
  if (options.workerUrl) return { script: options.workerUrl, eval: false };
  if (process.env.NIANBAO_IMPORT_WORKER) return { script: pathToFileURL(process.env.NIANBAO_IMPORT_WORKER), eval: false };
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return { script: builtWorker(self), eval: false };
  const worker = new URL('./import-worker.ts', self).href;
  const tsxRoot = path.dirname(createRequire(self).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code =
    `import(${JSON.stringify(tsx)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(worker)}); })` +
    `.catch((e) => { require('node:worker_threads').parentPort.postMessage({ ok: false, message: '导入程序无法启动：' + (e && e.message) }); });`;
  return { script: code, eval: true };
}

/** Runs importBytes in a worker thread with a hard time limit. */
export function importInWorker(bytes: Uint8Array, fileName: string, options: ImportFileOptions = {}): Promise<ImportFileResult> {
  const timeoutMs = options.timeoutMs ?? IMPORT_TIMEOUT_MS;
  // A copy is handed over (transferred) so the caller's bytes stay usable.
  const buffer = bytes.slice().buffer as ArrayBuffer;
  const start = workerStart(options);
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker;
    const finish = (r: ImportFileResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker?.terminate();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish({ ok: false, message: `${fileName}：导入超过 ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} 秒` : `${timeoutMs} 毫秒`}仍未完成，已停止。文件可能已损坏或过于复杂，请在 Word/WPS 中另存为 .docx 后重试。` }),
      timeoutMs,
    );
    try {
      worker = new Worker(start.script, {
        eval: start.eval,
        workerData: { kind: 'nianbao-import', bytes: buffer, fileName },
        transferList: [buffer],
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        stdout: true,
        stderr: true,
      });
    } catch (e) {
      finish({ ok: false, message: `导入程序无法启动：${(e as Error).message}` });
      return;
    }
    worker.on('message', (m: WorkerReply) => {
      if (m?.ok && m.result) finish({ ok: true, result: m.result });
      else finish({ ok: false, message: `${fileName}：${m?.message ?? '无法导入该文件。'}` });
    });
    worker.on('error', (e) => {
      const oom = /memory|heap/i.test(e?.message ?? '') || (e as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ ok: false, message: `${fileName}：${oom ? '文件过于复杂，读取时占用内存过多，已停止。' : `导入时出错：${e?.message ?? e}`}` });
    });
    worker.on('exit', (code) => finish({ ok: false, message: `${fileName}：导入意外中止（代码 ${code}），请重试或另存为 .docx 后导入。` }));
  });
}

/** Imports a report file from disk (.docx, .html, .txt, or a report .json); a Chinese message when it cannot. */
export async function importFile(file: string, options: ImportFileOptions = {}): Promise<ImportFileResult> {
  const name = path.basename(file);
  if (/\.json$/i.test(file)) {
    const r = await readReportFile(file);
    if (!r.ok) return r;
    const log: ImportLogEntry[] = [{ kind: 'recognised', message: '这是本软件的报告文件，已完整读入' }, ...r.warnings.map((message) => ({ kind: 'warning' as const, message }))];
    const format = r.report.templateId === 'gov-disclosure-2019' ? 'gov-disclosure-2019' : r.report.templateId === 'gov-disclosure-2021' ? 'gov-disclosure-2021' : 'unknown';
    return { ok: true, result: { report: r.report, log, format } };
  }
  const read = await readInputBytes(file);
  if (!read.ok) return read;
  if (read.bytes.length === 0) return { ok: false, message: `${name}：文件是空的，没有可导入的内容。` };
  return importInWorker(read.bytes, name, options);
}
