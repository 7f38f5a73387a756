import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../electron/cli/main';

/** Runs the CLI in-process and captures what it prints and its exit code. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A temp folder for one test file: `put` writes a file into it and returns its path; `remove` deletes the folder. */
export function tempFiles(prefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const put = (name: string, data: string | Uint8Array) => {
    const p = path.join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  return { dir, put, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
