import type { Report } from '../../../electron/core/model/report';
import { check } from '../../../electron/core/rules/check';
import { buildIssueIndex, NO_ISSUES, type IssueIndex } from './issue-index';

// The editor's state: the report being edited and one undo history of report states.
// Typing bursts in the same place coalesce into one step; every other edit is its own step.
// Derived data (issues, per-table values) is cached and kept identical while unchanged.

const MAX_STEPS = 300;
const BURST_GAP_MS = 1500;
const BURST_MAX_MS = 20_000;

type Values = Report['values'];
const EMPTY_VALUES: Values = {};

export class ReportStore {
  private current: Report;
  private past: Report[] = [];
  private future: Report[] = [];
  private burstKey: string | null = null;
  private burstStart = 0;
  private burstLast = 0;
  private listeners = new Set<() => void>();
  private indexFor: Report | null = null;
  private index: IssueIndex | undefined;
  private valuesFor: Values | null = null;
  private slices: Record<string, Values> = {};

  constructor(report: Report) {
    this.current = report;
  }

  /** The report as it is now. */
  get report(): Report {
    return this.current;
  }

  /** True when there is a step to undo. */
  get canUndo(): boolean {
    return this.past.length > 0;
  }

  /** True when there is a step to redo. */
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Subscribes to changes (for useSyncExternalStore); returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies an edit; edits with the same burst key in quick succession form one undo step. */
  edit(recipe: (r: Report) => Report, burstKey?: string): void {
    const next = recipe(this.current);
    if (next === this.current) return;
    const now = performance.now();
    const joins = burstKey != null && burstKey === this.burstKey && now - this.burstLast < BURST_GAP_MS && now - this.burstStart < BURST_MAX_MS;
    if (!joins) {
      this.past.push(this.current);
      if (this.past.length > MAX_STEPS) this.past.shift();
      this.burstStart = now;
    }
    this.burstKey = burstKey ?? null;
    this.burstLast = now;
    this.future = [];
    this.set(next);
  }

  /** Ends the current typing burst (the next edit starts a new undo step). */
  breakBurst(): void {
    this.burstKey = null;
  }

  /** Steps back one undo step. */
  undo(): void {
    const prev = this.past.pop();
    if (!prev) return;
    this.future.push(this.current);
    this.burstKey = null;
    this.set(prev);
  }

  /** Steps forward one undone step. */
  redo(): void {
    const next = this.future.pop();
    if (!next) return;
    this.past.push(this.current);
    this.burstKey = null;
    this.set(next);
  }

  /** Replaces the whole report (a restored snapshot) as one undoable step. */
  replace(report: Report): void {
    this.past.push(this.current);
    this.future = [];
    this.burstKey = null;
    this.set(report);
  }

  /** The checker's issues for the current report, indexed (recomputed at most once per change). */
  issues(): IssueIndex {
    if (this.indexFor !== this.current || !this.index) {
      this.index = buildIssueIndex(check(this.current), this.index);
      this.indexFor = this.current;
    }
    return this.index;
  }

  /** The values of one table ("t3"), identical while none of its cells changed. */
  tableValues(tableId: string): Values {
    const values = this.current.values;
    if (this.valuesFor !== values) {
      this.valuesFor = values;
      const fresh: Record<string, Values> = {};
      for (const [p, v] of Object.entries(values)) (fresh[p.slice(0, 2)] ??= {})[p] = v;
      const next: Record<string, Values> = {};
      for (const t of new Set([...Object.keys(fresh), ...Object.keys(this.slices)])) {
        const a = fresh[t] ?? EMPTY_VALUES;
        const old = this.slices[t];
        next[t] = old && sameValues(old, a) ? old : a;
      }
      this.slices = next;
    }
    return this.slices[tableId] ?? EMPTY_VALUES;
  }

  private set(report: Report): void {
    this.current = report;
    for (const l of this.listeners) l();
  }
}

function sameValues(a: Values, b: Values): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}

export { NO_ISSUES };
