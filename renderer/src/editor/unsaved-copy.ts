import { ReportSchema, type Report } from '../../../electron/core/model/report';

// A copy of unsaved work in localStorage, kept until the main side acknowledges the save.

const key = (id: string) => `nianbao.unsaved.${id}`;

export interface UnsavedCopy {
  report: Report;
  at: number;
}

/** Stores the unsaved report (synchronously; safe in beforeunload). Returns false when storage is full or unavailable. */
export function keepUnsaved(report: Report): boolean {
  try {
    localStorage.setItem(key(report.id), JSON.stringify({ at: Date.now(), report }));
    return true;
  } catch {
    return false;
  }
}

/** The unsaved copy of a report, if one is valid. */
export function readUnsaved(id: string): UnsavedCopy | null {
  try {
    const raw = localStorage.getItem(key(id));
    if (!raw) return null;
    const data = JSON.parse(raw) as { at?: unknown; report?: unknown };
    const parsed = ReportSchema.safeParse(data.report);
    if (!parsed.success || parsed.data.id !== id) return null;
    return { report: parsed.data, at: typeof data.at === 'number' ? data.at : Date.now() };
  } catch {
    return null;
  }
}

/** Forgets the unsaved copy (the save was acknowledged). */
export function dropUnsaved(id: string): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    /* nothing to drop */
  }
}
