import type { Report } from '../model/report';

// What every importer returns: the report, the log of what was recognised, guessed and left unplaced,
// and which printed format the tables were in.

/** One line of the import log shown to the clerk (messages in Chinese). */
export interface ImportLogEntry {
  kind: 'recognised' | 'guessed' | 'unplaced' | 'warning';
  message: string;
  /** A cell path ("t3.r1_new.natural"), a section ("sections.s1"), "title", "unit", "year", "signature", "unplaced". */
  path?: string;
}

/** The printed format the tables were recognised as. */
export type ImportFormat = 'gov-disclosure-2021' | 'gov-disclosure-2019' | 'unknown';

/** The result of importing one document. */
export interface ImportResult {
  report: Report;
  log: ImportLogEntry[];
  format: ImportFormat;
}
