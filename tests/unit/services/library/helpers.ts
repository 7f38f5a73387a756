import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../../../../electron/core/contract';
import { openLibrary, type Library, type OpenLibraryOptions } from '../../../../electron/services/library/library-service';

// Shared by the library tests: real temp folders, and unwrapping of Results.

const dirs: string[] = [];

/** A new empty temp folder, removed by cleanupDirs(). */
export function tempDir(prefix = 'nianbao-lib-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Removes every temp folder made by tempDir(). */
export function cleanupDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** The value of a Result, or a thrown error with its message. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Opens a library and throws if it cannot. */
export async function openOk(options: OpenLibraryOptions): Promise<Library> {
  return unwrap(await openLibrary(options));
}

/** A clock tests can move: returns the current fake time. */
export function fakeClock(start = '2026-01-05T02:00:00.000Z'): { clock: () => Date; advance: (ms: number) => void; set: (iso: string) => void } {
  let t = Date.parse(start);
  return {
    clock: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (iso) => {
      t = Date.parse(iso);
    },
  };
}
