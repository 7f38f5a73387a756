import { check, countIssues } from '../core/rules/check';
import type { Issue } from '../core/rules/issue';
import { loadReportAndPrevious } from './load-input';
import { parseFlags, type CliIo } from './main';

/** Prints issues for people: errors first, then warnings. */
export function formatIssues(issues: Issue[]): string {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return sorted.map((i) => `${i.severity === 'error' ? '错误' : '提醒'} ${i.rule}：${i.message}`).join('\n');
}

/** nianbao check <report> [--previous <report>] [--json] */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { previous: { type: 'string' }, json: { type: 'boolean' } });
  if (!flags.ok) {
    io.err(flags.message);
    return 2;
  }
  const [file, extra] = flags.positionals;
  if (!file || extra) {
    io.err('用法：nianbao check <报告文件> [--previous <上年报告文件>] [--json]');
    return 2;
  }
  const loaded = await loadReportAndPrevious(file, flags.values.previous, io);
  if (!loaded) return 2;
  const { report, previous } = loaded;
  const issues = check(report, { previous });
  const { errors, warnings } = countIssues(issues);
  if (flags.values.json) io.out(JSON.stringify({ issues }));
  else {
    if (issues.length) io.out(formatIssues(issues));
    io.out(`${report.title || report.unit.name}：${errors} 个错误，${warnings} 个提醒`);
  }
  return errors > 0 ? 1 : 0;
}
