import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ReportStore } from './report-store';

// React access to the editor's store: components select the slice they show and re-render only when it changes.

export const StoreContext = createContext<ReportStore | null>(null);

/** The editor's store from context. */
export function useStore(): ReportStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('StoreContext 未设置');
  return s;
}

/** A slice of the store; the selector must return values that stay identical while unchanged. */
export function useStoreValue<T>(select: (store: ReportStore) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => select(store));
}
