import type { Report } from '../../../electron/core/model/report';
import { api } from '../api';

// Starts reading the report to reopen while the app is still starting, so the editor gets it sooner.

let pending: { id: string; promise: Promise<Report> } | null = null;

/** Starts library:get for a report now (called once at start-up). */
export function prefetchReport(id: string): void {
  const promise = api.call('library:get', { id });
  promise.catch(() => undefined);
  pending = { id, promise };
}

/** The report: the prefetched read if it is for this id (used once), else a fresh library:get. */
export function loadReport(id: string): Promise<Report> {
  if (pending && pending.id === id) {
    const p = pending.promise;
    pending = null;
    return p;
  }
  return api.call('library:get', { id });
}
