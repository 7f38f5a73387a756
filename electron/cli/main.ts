import { parseArgs } from 'node:util';
import { runCheck } from './check-command';
import { runExport } from './export-command';
import { runImport } from './import-command';

// `nianbao <command> …` — the command line over the same services the app uses.
// Exit codes: 0 done, no error-severity issue; 1 done, errors found; 2 input unreadable or bad usage.

const USAGE = `用法：
  nianbao check <报告文件> [--previous <上年报告文件>] [--json]
  nianbao import <文件> --out <report.json>
  nianbao export <报告文件> --out <文件.docx> [--previous <上年报告文件>] [--font-set standard|gbk]

报告文件：本软件的 .json 报告；import/export/check 也接受 .docx、.html、.txt 文件。`;

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

type Command = (args: string[], io: CliIo) => Promise<number>;
const commands: Record<string, Command> = { check: runCheck, export: runExport, import: runImport };

/** Registers another subcommand (import, export). */
export function registerCommand(name: string, cmd: Command): void {
  commands[name] = cmd;
}

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    io.err(`未知的命令：${name}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await cmd(rest, io);
  } catch (e) {
    io.err(`出错了：${(e as Error).message}`);
    return 2;
  }
}

/** Parses flags; a Chinese message for unknown ones. */
export function parseFlags<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  try {
    return { ok: true as const, ...parseArgs({ args, options, allowPositionals: true, strict: true }) };
  } catch (e) {
    return { ok: false as const, message: `参数有误：${(e as Error).message}\n\n${USAGE}` };
  }
}
