import type { Report } from '../core/model/report';
import { readReportFile } from '../services/read-report-file';

export type LoadedInput = { ok: true; report: Report; warnings: string[] } | { ok: false; message: string };

/** Loads a report for a CLI command: a report JSON (importable files are added by the import service). */
export async function loadInputReport(file: string): Promise<LoadedInput> {
  return readReportFile(file);
}
