import { Low } from 'lowdb';
import { migrateReport } from '../../core/model/migrations';
import { SCHEMA_VERSION, type Report } from '../../core/model/report';
import { parseReportValue } from '../../core/model/report-file';
import { CorruptFileError, DurableJsonFile, type JsonCodec } from './durable-file';

// A report file (in reports/, history/ or trash/) is the app's own report JSON, readable by
// `nianbao check`. Each is opened as a lowdb database with the durable adapter; every read is
// migrated to SCHEMA_VERSION and validated (zod schema + template cells) before anyone sees it.

/** A file written by a newer version of the app: left untouched, never "repaired". */
export class NewerVersionError extends Error {
  constructor(
    readonly file: string,
    readonly version: number,
  ) {
    super(`此报告由更新版本的软件保存（格式版本 ${version}），请升级软件后再打开`);
    this.name = 'NewerVersionError';
  }
}

export interface DecodedReport {
  report: Report;
  /** The schema version the file was in (SCHEMA_VERSION unless migrated on this read). */
  from: number;
}

/** Migrates and validates parsed JSON; CorruptFileError / NewerVersionError when it is not a usable report. */
export function decodeReport(json: unknown, file: string): DecodedReport {
  const m = migrateReport(json);
  if (m.from > SCHEMA_VERSION) throw new NewerVersionError(file, m.from);
  const parsed = parseReportValue(m.value);
  if (!parsed.ok) throw new CorruptFileError(file, parsed.message);
  return { report: parsed.report, from: m.from };
}

/** How report files are read (migrated, validated) and written by lowdb. */
export const reportCodec: JsonCodec<DecodedReport> = { decode: decodeReport, encode: (d) => d.report };

function reportDb(file: string): Low<DecodedReport | null> {
  return new Low<DecodedReport | null>(new DurableJsonFile(file, reportCodec) as DurableJsonFile<DecodedReport | null>, null);
}

/** Reads a report file: null when missing; CorruptFileError / NewerVersionError when unusable. */
export async function readReportFile(file: string): Promise<DecodedReport | null> {
  const db = reportDb(file);
  await db.read();
  return db.data;
}

/** Writes a report file durably (temp, fsync, rename, fsync folder). */
export async function writeReportFile(file: string, report: Report): Promise<void> {
  const db = reportDb(file);
  db.data = { report, from: SCHEMA_VERSION };
  await db.write();
}

/** Checks that a report will read back from disk exactly as valid (zod + template cells); the Chinese problem otherwise. */
export function validateForStorage(report: unknown): { ok: true; report: Report } | { ok: false; message: string } {
  const parsed = parseReportValue(report);
  return parsed.ok ? { ok: true, report: parsed.report } : { ok: false, message: parsed.message };
}

const sortKeys = (x: unknown): unknown => {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object') {
    return Object.fromEntries(
      Object.keys(x)
        .sort()
        .map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]),
    );
  }
  return x;
};

/** JSON with sorted keys: two reports with the same content give the same text. */
export function canonicalJson(x: unknown): string {
  return JSON.stringify(sortKeys(x));
}
