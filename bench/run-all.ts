import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// `npm run bench`: every benchmark prints its figures (ratios against a named peer where there is one).
// Durations are never asserted: machines are noisy.

const here = path.dirname(fileURLToPath(import.meta.url));
const suites: Array<[string, string, string]> = [
  ['检查器', 'check-bench.ts', 'benchCheck'],
  ['报告库', 'library-bench.ts', 'benchLibrary'],
  ['导出 DOCX', 'export-bench.ts', 'benchExport'],
  ['导入', 'import-bench.ts', 'benchImport'],
  ['表格编辑（Chromium）', 'grid-bench.ts', 'benchGrid'],
  ['编辑器（Chromium）', 'ui-bench.ts', 'benchUi'],
];
const only = process.argv.slice(2);
for (const [name, file, fn] of suites) {
  if (only.length && !only.some((o) => file.startsWith(o))) continue;
  const full = path.join(here, file);
  if (!existsSync(full)) {
    console.log(`\n## ${name}：未提供（${file} 不存在）`);
    continue;
  }
  console.log(`\n## ${name}`);
  try {
    const mod = await import(pathToFileURL(full).href);
    for (const line of await mod[fn]()) console.log(line);
  } catch (e) {
    console.log(`失败：${(e as Error).stack ?? e}`);
  }
}
