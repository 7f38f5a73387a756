import type { Stats } from 'node:fs';
import { Low } from 'lowdb';
import { z } from 'zod';
import { ReportSummarySchema, TrashEntrySchema, type ReportSummary, type TrashEntry } from '../../core/contract';
import type { Report } from '../../core/model/report';
import { check, countIssues } from '../../core/rules/check';
import { CorruptFileError, DurableJsonFile } from './durable-file';

// The index: one summary per report (with the error/warning counts cached, so list() reads no
// report file) and one entry per trashed report. It is derived data: written atomically but not
// fsynced, and only every few seconds after saves (a save stays one report file + one snapshot,
// however big the library). Each entry records the report file's identity (inode, size, mtime);
// on open, a file whose identity differs — saved after the last index write, or changed by
// hand — is read again. A missing or corrupt index is simply rebuilt from the files.

const IndexEntrySchema = ReportSummarySchema.extend({ fileKey: z.string() });
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

const TrashIndexEntrySchema = TrashEntrySchema.extend({ updatedAt: z.string() });
export type TrashIndexEntry = z.infer<typeof TrashIndexEntrySchema>;

const IndexSchema = z.strictObject({
  format: z.literal('nianbao-index'),
  version: z.literal(1),
  reports: z.record(z.string(), IndexEntrySchema),
  trash: z.record(z.string(), TrashIndexEntrySchema),
});
type IndexData = z.infer<typeof IndexSchema>;

const emptyIndex = (): IndexData => ({ format: 'nianbao-index', version: 1, reports: {}, trash: {} });

/** The identity of a report file version: every save renames a new file into place, so it changes. */
export function fileKeyOf(st: Pick<Stats, 'ino' | 'size' | 'mtimeMs'>): string {
  return `${st.ino}:${st.size}:${st.mtimeMs}`;
}

/** The list entry of a report: unit, year, title, last save and the checker's counts. */
export function summarize(report: Report, updatedAt: string): ReportSummary {
  let counts = { errors: 0, warnings: 0 };
  try {
    counts = countIssues(check(report));
  } catch {
    // a checker bug must never stop a save; the counts are only a hint in the list
  }
  return { id: report.id, unitName: report.unit.name, unitLevel: report.unit.level, year: report.year, title: report.title, updatedAt, ...counts };
}

const toSummary = ({ fileKey: _k, ...s }: IndexEntry): ReportSummary => s;

/** The index in memory, written to index.json now and then. */
export class IndexStore {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: Low<IndexData>,
    private readonly flushDelayMs: number,
  ) {}

  /** Loads index.json; an empty index when it is missing or does not validate (it will be rebuilt). */
  static async load(file: string, flushDelayMs: number): Promise<IndexStore> {
    const adapter = new DurableJsonFile<IndexData>(
      file,
      {
        decode: (json, f) => {
          const r = IndexSchema.safeParse(json);
          if (!r.success) throw new CorruptFileError(f, '索引格式不对');
          return r.data;
        },
        encode: (d) => d,
      },
      { sync: false },
    );
    const db = new Low<IndexData>(adapter, emptyIndex());
    try {
      await db.read();
    } catch {
      db.data = emptyIndex();
    }
    return new IndexStore(db, flushDelayMs);
  }

  /** The entry of a report, if listed. */
  get(id: string): IndexEntry | undefined {
    return this.db.data.reports[id];
  }

  /** Every listed report id. */
  ids(): string[] {
    return Object.keys(this.db.data.reports);
  }

  /** The summaries, most recently saved first. */
  summaries(): ReportSummary[] {
    return Object.values(this.db.data.reports)
      .map(toSummary)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.title.localeCompare(b.title)));
  }

  /** Adds or replaces a report's entry. */
  put(summary: ReportSummary, fileKey: string): void {
    this.db.data.reports[summary.id] = { ...summary, fileKey };
    this.changed();
  }

  /** Removes a report's entry. */
  remove(id: string): void {
    if (!(id in this.db.data.reports)) return;
    delete this.db.data.reports[id];
    this.changed();
  }

  /** The trash entry of a report, if trashed. */
  getTrash(id: string): TrashIndexEntry | undefined {
    return this.db.data.trash[id];
  }

  /** Every trashed id. */
  trashIds(): string[] {
    return Object.keys(this.db.data.trash);
  }

  /** The trash, most recently deleted first. */
  trashEntries(): TrashEntry[] {
    return Object.values(this.db.data.trash)
      .map(({ updatedAt: _u, ...t }) => t)
      .sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : 0));
  }

  /** Adds or replaces a trash entry. */
  putTrash(entry: TrashIndexEntry): void {
    this.db.data.trash[entry.id] = entry;
    this.changed();
  }

  /** Removes a trash entry. */
  removeTrash(id: string): void {
    if (!(id in this.db.data.trash)) return;
    delete this.db.data.trash[id];
    this.changed();
  }

  /** Whether an id is taken by a report or a trashed report. */
  isTaken(id: string): boolean {
    return id in this.db.data.reports || id in this.db.data.trash;
  }

  private changed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), this.flushDelayMs);
    this.timer.unref();
  }

  /** Writes index.json now if anything changed (a failure is harmless: the index is rebuilt on open). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const run = async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        await this.db.write();
      } catch (e) {
        this.dirty = true;
        throw e;
      }
    };
    // one write at a time, so an older index never lands after a newer one
    this.writing = this.writing.catch(() => undefined).then(run);
    return this.writing;
  }

  /** Stops the timer (after a last flush by the caller). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
