import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
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

/**
 * A slice for views beside the one being typed in (the issue list, the outline's badges): it follows the store
 * once the frame showing the edit has been painted (requestAnimationFrame, then a task after that frame), so a
 * keystroke paints its cell first and these views update a frame later, in a render of their own.
 */
export function useStoreValueAfterPaint<T>(select: (store: ReportStore) => T): T {
  const store = useStore();
  const selectRef = useRef(select);
  selectRef.current = select;
  const [value, setValue] = useState(() => select(store));
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => setValue(() => selectRef.current(store));
    const later = () => {
      if (frame || timer !== undefined) return; // one update per frame, however many edits arrived
      frame = requestAnimationFrame(() => {
        frame = 0;
        timer = setTimeout(() => {
          timer = undefined;
          update();
        }, 0);
      });
    };
    const off = store.subscribe(later);
    update(); // a change between the first render and this subscription
    return () => {
      off();
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store]);
  return value;
}
