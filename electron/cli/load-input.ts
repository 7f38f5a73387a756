import type { ImportLogEntry } from '../core/import/import-result';
import type { Report } from '../core/model/report';
import { importFile } from '../services/import-service';
import { readReportFile } from '../services/read-report-file';

export type LoadedInput = { ok: true; report: Report; warnings: string[] } | { ok: false; message: string };

/** Import log lines worth a warning (guesses, unplaced content, warnings), as plain sentences. */
export function importWarnings(log: ImportLogEntry[]): string[] {
  return log.filter((e) => e.kind !== 'recognised').map((e) => (e.kind === 'guessed' ? `${e.message}（推测，请核对）` : e.message));
}

/** Loads a report for a CLI command: a report .json directly; a .docx, .html or .txt through the importer (its log becomes warnings). */
export async function loadInputReport(file: string): Promise<LoadedInput> {
  if (/\.json$/i.test(file)) return readReportFile(file);
  const r = await importFile(file);
  if (!r.ok) return r;
  return { ok: true, report: r.result.report, warnings: importWarnings(r.result.log) };
}

/** Loads the report and, when given, last year's report for check/export; prints warnings and returns null (exit 2) on failure. */
export async function loadReportAndPrevious(
  file: string,
  previousFile: string | undefined,
  io: { err: (s: string) => void },
): Promise<{ report: Report; previous?: Report } | null> {
  const input = await loadInputReport(file);
  if (!input.ok) {
    io.err(input.message);
    return null;
  }
  for (const w of input.warnings) io.err(`注意：${w}`);
  if (!previousFile) return { report: input.report };
  const p = await loadInputReport(previousFile);
  if (!p.ok) {
    io.err(`上年报告：${p.message}`);
    return null;
  }
  return { report: input.report, previous: p.report };
}
