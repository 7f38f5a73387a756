import type { Report } from '../../../electron/core/model/report';
import { dropUnsaved, keepUnsaved } from './unsaved-copy';
import type { ReportStore } from './report-store';

// Saves the store's report shortly after the clerk pauses, one save at a time; keeps a local copy until
// the save is acknowledged, and retries failed saves with growing pauses.

export type SaveStatus =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

export type SaveFn = (report: Report) => Promise<{ savedAt: string }>;

const DELAY_MS = 600;
const RETRY_MS = [3000, 8000, 20_000, 60_000];

export class Autosaver {
  private saved: Report;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<boolean> | null = null;
  private failures = 0;
  private status: SaveStatus;
  private listeners = new Set<() => void>();
  private unsubscribe: () => void;

  constructor(
    private store: ReportStore,
    private save: SaveFn,
    options: { savedAt?: Date | null; dirty?: boolean } = {},
  ) {
    this.saved = options.dirty ? ({ ...store.report } as Report) : store.report;
    this.status = { kind: 'saved', at: options.savedAt ?? null };
    this.unsubscribe = store.subscribe(() => this.changed());
    if (options.dirty) this.schedule(DELAY_MS);
  }

  /** The current save status. */
  getStatus = (): SaveStatus => this.status;

  /** Subscribes to status changes. */
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  /** True when the current report is not yet acknowledged by the main side. */
  get dirty(): boolean {
    return this.store.report !== this.saved;
  }

  /** Treats `report` as saved (a snapshot the main side restored). */
  markSaved(report: Report, at: Date = new Date()): void {
    this.saved = report;
    if (this.store.report === report) {
      dropUnsaved(report.id);
      this.setStatus({ kind: 'saved', at });
    }
  }

  /** Saves now; resolves true when everything is saved. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (!this.dirty) return true;
    const report = this.store.report;
    keepUnsaved(report);
    this.setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const r = await this.save(report);
        this.saved = report;
        this.failures = 0;
        if (this.store.report === report) {
          dropUnsaved(report.id);
          const at = new Date(r.savedAt);
          this.setStatus({ kind: 'saved', at: Number.isNaN(at.getTime()) ? new Date() : at });
        } else this.schedule(DELAY_MS);
        return true;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        this.setStatus({ kind: 'failed', message });
        this.schedule(RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]);
        this.failures++;
        return false;
      }
    })();
    this.inFlight = run;
    try {
      return await run;
    } finally {
      this.inFlight = null;
    }
  }

  /** Keeps a local copy right away (page hide / unload) and starts a save. */
  flushOnLeave(): void {
    if (!this.dirty) return;
    keepUnsaved(this.store.report);
    void this.flush();
  }

  /** Stops listening (the editor closed). */
  dispose(): void {
    this.clearTimer();
    this.unsubscribe();
    this.listeners.clear();
  }

  private changed(): void {
    if (!this.dirty) {
      this.clearTimer();
      if (this.status.kind !== 'saved' && !this.inFlight) this.setStatus({ kind: 'saved', at: new Date() });
      return;
    }
    if (this.status.kind === 'failed') return; // the retry timer is already set; keep showing the failure
    this.schedule(DELAY_MS);
    if (this.status.kind !== 'saving') this.setStatus({ kind: 'saving' });
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(s: SaveStatus): void {
    this.status = s;
    for (const l of this.listeners) l();
  }
}
