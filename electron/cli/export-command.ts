import type { FontSet } from '../core/docx/docx-fonts';
import { countIssues } from '../core/rules/check';
import { exportReportToFile } from '../services/export-service';
import { formatIssues } from './check-command';
import { loadReportAndPrevious } from './load-input';
import { parseFlags, type CliIo } from './main';

const USAGE = '用法：nianbao export <报告文件> --out <文件.docx> [--previous <上年报告文件>] [--font-set standard|gbk]';

/** nianbao export <report> --out <file.docx> [--previous <report>] [--font-set standard|gbk] */
export async function runExport(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { out: { type: 'string' }, previous: { type: 'string' }, 'font-set': { type: 'string' } });
  if (!flags.ok) {
    io.err(flags.message);
    return 2;
  }
  const [file, extra] = flags.positionals;
  const out = flags.values.out;
  if (!file || extra || !out) {
    io.err(!out && file && !extra ? `缺少 --out：请指定导出的 Word 文件\n${USAGE}` : USAGE);
    return 2;
  }
  const fontSetFlag = flags.values['font-set'] ?? 'standard';
  if (fontSetFlag !== 'standard' && fontSetFlag !== 'gbk') {
    io.err(`--font-set 只能是 standard 或 gbk（收到：${fontSetFlag}）\n${USAGE}`);
    return 2;
  }
  const fontSet: FontSet = fontSetFlag;
  const loaded = await loadReportAndPrevious(file, flags.values.previous, io);
  if (!loaded) return 2;
  const result = await exportReportToFile(loaded.report, out, { fontSet, previous: loaded.previous });
  if (!result.ok) {
    io.err(result.message);
    return 2;
  }
  const { errors, warnings } = countIssues(result.issues);
  if (result.issues.length) {
    io.err(formatIssues(result.issues));
    io.err(`检查发现 ${errors} 个错误、${warnings} 个提醒；文件已照原样导出，请核对后再印发。`);
  }
  if (result.missingFonts.length) {
    io.err(`字体提醒：本机缺少 ${result.missingFonts.join('、')}，在本机打开时 Word/WPS 会用其他字体代替；打印前请在装有这些字体的电脑上核对版式。`);
  }
  if (result.fontNote) io.err(`字体提醒：${result.fontNote}`);
  io.out(`已导出：${result.path}`);
  return 0;
}
