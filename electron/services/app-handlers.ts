import { z } from 'zod';
import { contract, fail, ok, type Channel, type Input, type Output, type Result } from '../core/contract';
import { exportDocx } from '../core/docx/export-docx';
import { ImportError } from '../core/import/doc-content';
import { importText } from '../core/import/import-bytes';
import type { ImportResult } from '../core/import/import-result';
import { rollForward } from '../core/import/roll-forward';
import type { Report } from '../core/model/report';
import { check } from '../core/rules/check';
import { exportReportToFile } from './export-service';
import { findMissingFonts } from './font-probe';
import { importFile, importInWorker, type ImportFileResult } from './import-service';
import type { Library } from './library/library-service';
import { backupFileName } from './library/backup';
import type { Logger } from './log-file';

// The contract's handlers as plain functions (no Electron): main wires them to ipcMain, the web
// server to POST /api/<channel>, tests call them directly. dispatch() is the one entry point for
// untrusted payloads: unknown channel, invalid input, a thrown error — all become a Result with a
// Chinese message, never a stack trace.

/** Native file dialogs, owned by main (the renderer never passes a path). */
export interface Dialogs {
  pickOpenFile(): Promise<string | null>;
  pickSavePath(defaultName: string): Promise<string | null>;
}

export interface HandlerDeps {
  library: Library;
  dialogs?: Dialogs;
  mode: 'electron' | 'web';
  version: string;
  dataDir: string;
  /** Opens an http(s) URL in the system browser (Electron: shell.openExternal). */
  openExternal?: (url: string) => Promise<void>;
  log?: Logger;
  /** The built import worker (dist/…/import-worker.mjs); the TypeScript source when absent (tests). */
  importWorkerUrl?: URL;
}

export type Handlers = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> };

type ImportOutcome = Output<'import:text'>;

const NO_DIALOGS = '网页模式下不能弹出本机对话框：请使用“选择文件”上传，或使用浏览器下载。';

/** Decodes strict base64 (standard alphabet, optional padding); null when it is not base64. */
export function decodeBase64(s: string): Uint8Array | null {
  const clean = s.replace(/\s+/g, '');
  if (clean.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

/** Encodes bytes as base64. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** A file name for a report's .docx: its title without characters Windows forbids. */
export function docxFileName(report: Report): string {
  const base = (report.title || `${report.unit.name}${report.year}年政府信息公开工作年度报告` || '年报')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return `${base || '年报'}.docx`;
}

/** Keeps only the contract's fields of import log entries (the importers may add their own). */
function cleanLog(log: ImportOutcome['log']): ImportOutcome['log'] {
  return log.map((e) => ({ kind: e.kind, message: e.message, ...(e.path !== undefined ? { path: e.path } : {}) }));
}

/** The handlers of every contract channel. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { library } = deps;

  const importOptions = deps.importWorkerUrl ? { workerUrl: deps.importWorkerUrl } : {};

  /** Adds an imported report to the library; the outcome the renderer shows. */
  async function insertImported(imported: Pick<ImportResult, 'report' | 'log'>): Promise<Result<ImportOutcome>> {
    const inserted = await library.insert(imported.report);
    if (!inserted.ok) return inserted;
    return ok({ summary: inserted.value, log: cleanLog(imported.log) });
  }

  /** The same for the file importers' {ok, result} | {ok: false, message}. */
  function fromFileImport(r: ImportFileResult): Promise<Result<ImportOutcome>> | Result<ImportOutcome> {
    return r.ok ? insertImported(r.result) : fail('bad-file', r.message);
  }

  return {
    'app:info': async () => ok({ version: deps.version, mode: deps.mode, dataDir: deps.dataDir }),
    'library:list': () => library.list(),
    'library:get': ({ id }) => library.get(id),
    'library:create': (input) => library.create(input),
    'library:save': ({ report }) => library.save(report as Report),
    'library:rename': ({ id, title }) => library.rename(id, title),
    'library:duplicate': ({ id }) => library.duplicate(id),
    'library:delete': ({ id }) => library.delete(id),
    'library:trash': () => library.trash(),
    'library:restore': ({ id }) => library.restore(id),
    'library:history': ({ id }) => library.history(id),
    'library:restoreSnapshot': ({ id, snapshotId }) => library.restoreSnapshot(id, snapshotId),
    'library:notices': () => library.notices(),
    'library:rollForward': async ({ fromId, year }) => {
      const from = await library.get(fromId);
      if (!from.ok) return from;
      if (year <= from.value.year) return fail('invalid-input', `新年度（${year}）应晚于原报告的年度（${from.value.year}）。`);
      return insertImported(rollForward(from.value, year));
    },
    'import:pickFile': async () => {
      if (!deps.dialogs) return fail('forbidden', NO_DIALOGS);
      const file = await deps.dialogs.pickOpenFile();
      if (!file) return ok(null);
      return fromFileImport(await importFile(file, importOptions));
    },
    'import:bytes': async ({ fileName, base64 }) => {
      const bytes = decodeBase64(base64);
      if (!bytes) return fail('invalid-input', '字段 “base64”：文件内容不是有效的 Base64 编码。');
      if (bytes.length === 0) return fail('bad-file', `${fileName}：文件是空的，没有可导入的内容。`);
      // In a worker with a time limit: a broken or hostile file cannot hang or crash the app.
      return fromFileImport(await importInWorker(bytes, fileName, importOptions));
    },
    'import:text': async ({ text }) => {
      let imported: ImportResult;
      try {
        imported = importText(text);
      } catch (e) {
        if (e instanceof ImportError) return fail('bad-file', e.message);
        throw e;
      }
      return insertImported(imported);
    },
    'export:docxToFile': async ({ id, fontSet }) => {
      if (!deps.dialogs) return fail('forbidden', NO_DIALOGS);
      const report = await library.get(id);
      if (!report.ok) return report;
      const target = await deps.dialogs.pickSavePath(docxFileName(report.value));
      if (!target) return ok(null);
      const r = await exportReportToFile(report.value, target, { fontSet });
      if (!r.ok) return fail('io', r.message);
      return ok({ path: r.path, missingFonts: r.missingFonts, issues: r.issues });
    },
    'export:docxBytes': async ({ id, fontSet }) => {
      const report = await library.get(id);
      if (!report.ok) return report;
      const issues = check(report.value);
      const exported = await exportDocx(report.value, { fontSet });
      // The web mode runs on this PC too, so its installed fonts are the ones Word will use.
      const fonts = await findMissingFonts(exported.fontsNeeded).catch(() => ({ missing: [] as string[] }));
      return ok({ fileName: docxFileName(report.value), base64: encodeBase64(exported.bytes), missingFonts: fonts.missing, issues });
    },
    'backup:exportBytes': async () => {
      const bytes = await library.exportBackup();
      if (!bytes.ok) return bytes;
      return ok({ fileName: backupFileName(new Date()), base64: encodeBase64(bytes.value) });
    },
    'backup:importBytes': async ({ base64 }) => {
      const bytes = decodeBase64(base64);
      if (!bytes) return fail('invalid-input', '字段 “base64”：备份文件内容不是有效的 Base64 编码。');
      return library.importBackup(bytes);
    },
    'shell:openExternal': async ({ url }) => {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return fail('invalid-input', '字段 “url”：不是有效的网址。');
      }
      if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.username || u.password) {
        return fail('forbidden', '只能用浏览器打开 http 或 https 网址。');
      }
      // The web mode is already in a browser: the page opens the link itself (window.open).
      if (deps.mode === 'web' || !deps.openExternal) return ok(null);
      // electronegativity OPEN_EXTERNAL_JS_CHECK (false positive): only http(s) without credentials gets here.
      await deps.openExternal(u.href);
      return ok(null);
    },
  };
}

/** Chinese description of why a payload does not fit a channel's input schema, naming the field. */
export function describeInvalidInput(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.map(String).join('.');
    let message = issue.message.length > 200 ? `${issue.message.slice(0, 200)}…` : issue.message;
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys?: string[] }).keys ?? [];
      message = `不允许的字段：${keys.slice(0, 5).map((k) => `“${k.slice(0, 40)}”`).join('、')}`;
    }
    return field ? `字段 “${field.slice(0, 100)}”：${message}` : message;
  });
  const more = error.issues.length > 3 ? `（另有 ${error.issues.length - 3} 处问题）` : '';
  return `请求内容有误：${parts.join('；')}${more}`;
}

function isResult(x: unknown): x is Result<unknown> {
  if (!x || typeof x !== 'object') return false;
  const r = x as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && !!r.error && typeof r.error.message === 'string' && typeof r.error.code === 'string';
}

export interface DispatchOptions {
  log?: Logger;
  /** Validate the handler's output against the contract (on in tests; a mismatch is an 'internal' error). */
  checkOutput?: boolean;
}

/** Runs the handler of a channel on an untrusted payload; always resolves with a Result. */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown, options: DispatchOptions = {}): Promise<Result<unknown>> {
  if (typeof channel !== 'string' || !Object.prototype.hasOwnProperty.call(contract, channel)) {
    return fail('invalid-input', `未知的请求：${String(channel).slice(0, 60)}`);
  }
  const c = channel as Channel;
  const parsed = contract[c].input.safeParse(payload === undefined ? {} : payload);
  if (!parsed.success) return fail('invalid-input', describeInvalidInput(parsed.error));
  let result: unknown;
  try {
    const handler = handlers[c] as (input: unknown) => Promise<Result<unknown>>;
    result = await handler(parsed.data);
  } catch (e) {
    options.log?.error(`处理请求 ${c} 时出错`, e);
    return fail('internal', '程序内部错误，操作未能完成。详细信息已记录在日志中。');
  }
  if (!isResult(result)) {
    options.log?.error(`请求 ${c} 的处理结果格式不正确`);
    return fail('internal', '程序内部错误：处理结果格式不正确。');
  }
  if (result.ok && (options.checkOutput ?? process.env.NODE_ENV === 'test')) {
    const out = contract[c].output.safeParse(result.value);
    if (!out.success) {
      options.log?.error(`请求 ${c} 的返回值不符合契约`, out.error.issues.slice(0, 3));
      return fail('internal', `程序内部错误：返回值不符合契约（${describeInvalidInput(out.error)}）。`);
    }
  }
  if (!result.ok) return fail(result.error.code, String(result.error.message).slice(0, 4000));
  return result;
}
