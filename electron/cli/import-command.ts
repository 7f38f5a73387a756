import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportLogEntry } from '../core/import/import-result';
import { importFile } from '../services/import-service';
import { parseFlags, type CliIo } from './main';

const USAGE = '用法：nianbao import <文件> --out <report.json>（文件可以是 .docx、.html、.txt 或本软件的 .json 报告）';

const PREFIX: Record<ImportLogEntry['kind'], string> = { recognised: '识别', guessed: '推测', unplaced: '未识别', warning: '注意' };

/** The import log for people: guesses, warnings and unplaced content (recognised items are only counted). */
export function formatImportLog(log: ImportLogEntry[]): string[] {
  return log.filter((e) => e.kind !== 'recognised').map((e) => `${PREFIX[e.kind]}：${e.message}`);
}

/** Counts of the log by kind, as one Chinese line. */
export function summariseImportLog(log: ImportLogEntry[]): string {
  const n = (k: ImportLogEntry['kind']) => log.filter((e) => e.kind === k).length;
  return `识别 ${n('recognised')} 项，推测 ${n('guessed')} 项，未识别 ${n('unplaced')} 项，提醒 ${n('warning')} 项`;
}

/** nianbao import <file> --out <report.json>: 0 imported (guesses and warnings on stderr), 2 not imported (the message). */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { out: { type: 'string' } });
  if (!flags.ok) {
    io.err(flags.message);
    return 2;
  }
  const [file, extra] = flags.positionals;
  const out = flags.values.out;
  if (!file || extra || !out) {
    io.err(!out && file && !extra ? `缺少 --out：请指定保存报告的 .json 文件\n${USAGE}` : USAGE);
    return 2;
  }
  const r = await importFile(file);
  if (!r.ok) {
    io.err(r.message);
    return 2;
  }
  const { report, log } = r.result;
  for (const line of formatImportLog(log)) io.err(line);
  // Written to a temporary file first: a failed write leaves no partial report behind.
  const target = path.resolve(out);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(report, null, 2) + '\n', 'utf8');
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    io.err(`无法写入 ${out}：${(e as Error).message}`);
    return 2;
  }
  io.out(`已导入：${report.title || report.unit.name}（${summariseImportLog(log)}）→ ${out}`);
  return 0;
}
